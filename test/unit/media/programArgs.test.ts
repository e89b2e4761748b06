import { describe, expect, it } from 'vitest';
import { buildProgramArgs, type ProgramArgsOptions } from '../../../media/pipelines/programArgs.js';
import { buildRtpInputSdp } from '../../../media/pipelines/rtpInputSdp.js';

const base: ProgramArgsOptions = {
  sdpPath: '/d/program.sdp',
  hlsDir: '/d/hls',
  segmentSeconds: 2,
  recordingPath: '/d/recordings/program-1.mkv',
  recordingFormat: 'mkv',
  videoCodec: 'H264',
  hasAudio: true,
  append: false,
};
const after = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('buildProgramArgs', () => {
  it('copies H.264 and encodes Opus to AAC for HLS', () => {
    const args = buildProgramArgs(base);
    expect(after(args, '-c:v')).toBe('copy');
    expect(after(args, '-c:a')).toBe('aac');
    expect(args).toContain('/d/hls/index.m3u8');
  });

  it('transcodes VP8 to H.264 with a keyframe every segment', () => {
    const args = buildProgramArgs({ ...base, videoCodec: 'VP8' });
    expect(after(args, '-c:v')).toBe('libx264');
    expect(after(args, '-force_key_frames')).toBe('expr:if(eq(n_forced,0),1,gte(t,0.5+(n_forced-1)*2))');
  });

  it('never lets FFmpeg write ENDLIST, and appends behind a discontinuity on restart', () => {
    expect(after(buildProgramArgs(base), '-hls_flags')).toContain('omit_endlist');
    expect(after(buildProgramArgs(base), '-hls_flags')).not.toContain('append_list');
    const flags = after(buildProgramArgs({ ...base, append: true }), '-hls_flags')!.split('+');
    expect(flags).toEqual(expect.arrayContaining(['append_list', 'discont_start', 'program_date_time', 'omit_endlist']));
  });

  it('writes the recording as Matroska in 1 s clusters, or as fragmented MP4', () => {
    const mkv = buildProgramArgs(base);
    expect(after(mkv, '-cluster_time_limit')).toBe('1000');
    expect(mkv.at(-1)).toBe('/d/recordings/program-1.mkv');
    const mp4 = buildProgramArgs({ ...base, recordingFormat: 'fmp4', recordingPath: '/d/r.mp4' });
    expect(after(mp4, '-movflags')).toContain('frag_keyframe');
  });

  it('maps no audio when the camera sends none', () => {
    const args = buildProgramArgs({ ...base, hasAudio: false });
    expect(args).not.toContain('0:a:0');
    expect(args).not.toContain('-c:a');
  });
});

describe('buildRtpInputSdp', () => {
  it('describes each consumer with its payload type, RTCP port and fmtp', () => {
    const sdp = buildRtpInputSdp([
      {
        kind: 'video',
        port: 20000,
        rtpParameters: {
          codecs: [{ mimeType: 'video/H264', payloadType: 102, clockRate: 90000, parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f' } }],
        },
      },
      {
        kind: 'audio',
        port: 20002,
        rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2, parameters: {} }] },
      },
    ]);
    expect(sdp).toContain('m=video 20000 RTP/AVP 102\na=rtcp:20001\na=rtpmap:102 H264/90000\na=fmtp:102 packetization-mode=1;profile-level-id=42e01f');
    expect(sdp).toContain('m=audio 20002 RTP/AVP 100\na=rtcp:20003\na=rtpmap:100 opus/48000/2\na=recvonly');
  });
});
