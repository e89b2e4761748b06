import { describe, expect, it } from 'vitest';
import { preferH264 } from '../../../web-components/src/whip/codecs.js';

const codec = (mimeType: string, sdpFmtpLine?: string): RTCRtpCodec => ({
  mimeType,
  clockRate: 90000,
  ...(sdpFmtpLine ? { sdpFmtpLine } : {}),
});

describe('preferH264', () => {
  it('puts H.264 packetization-mode=1, constrained baseline first, and keeps the rest in order', () => {
    const vp8 = codec('video/VP8');
    const rtx = codec('video/rtx', 'apt=96');
    const h264High = codec('video/H264', 'level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=640034');
    const h264Mode0 = codec('video/H264', 'level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f');
    const h264Baseline = codec('video/H264', 'level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f');
    const h264Constrained = codec('video/H264', 'level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f');
    const vp9 = codec('video/VP9', 'profile-id=0');
    expect(preferH264([vp8, rtx, h264High, h264Mode0, h264Baseline, h264Constrained, vp9])).toEqual([
      h264Constrained,
      h264Baseline,
      h264High,
      vp8,
      rtx,
      h264Mode0,
      vp9,
    ]);
  });

  it('leaves a list without H.264 unchanged', () => {
    const list = [codec('video/VP8'), codec('video/rtx', 'apt=96')];
    expect(preferH264(list)).toEqual(list);
  });
});
