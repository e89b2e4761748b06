import type { types } from 'mediasoup';

type RtpCodecCapability = types.RtpCodecCapability;

/**
 * Codecs every interview router offers. H.264 comes in the profiles cameras actually send
 * (browsers, OBS, hardware encoders) so the program can be passed through to HLS without
 * transcoding; VP8 is there for browsers without H.264 (then FFmpeg transcodes).
 * `level-asymmetry-allowed` lets a camera send a higher level than the router lists.
 */
export const routerCodecs: RtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  h264('42e01f'),
  h264('42001f'),
  h264('4d001f'),
  h264('64001f'),
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: {} },
];

function h264(profileLevelId: string): RtpCodecCapability {
  return {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: {
      'packetization-mode': 1,
      'profile-level-id': profileLevelId,
      'level-asymmetry-allowed': 1,
    },
  };
}
