import { describe, expect, it } from 'vitest';
import { h264SpsSize } from '../../../media/program/h264Sps.js';
import { keyframeStart } from '../../../media/program/videoKeyframes.js';

/** SPS NAL units written by libx264 (FFmpeg's testsrc2 at each size). */
const SPS = {
  '640x360': '6764001eacd940a02ff970110000030001000003003c0f162d9600',
  '1280x720': '6764001facd9405005bb0110000003001000000303c0f183196000',
  '1920x1080': '67640028acd940780227e5c044000003000400000300f03c60c65800',
  '320x240': '6742c00dd90141fb0110000003001000000303c0f142a48000',
};
const sps = (size: keyof typeof SPS) => Buffer.from(SPS[size], 'hex');
const PPS = Buffer.from('68ebe3cb22c0', 'hex');

describe('h264SpsSize', () => {
  it.each(Object.keys(SPS) as (keyof typeof SPS)[])('reads %s from high and baseline profile SPS (with cropping)', (size) => {
    const [width, height] = size.split('x').map(Number);
    expect(h264SpsSize(sps(size))).toEqual({ width, height });
  });

  it('gives nothing for a truncated SPS instead of a wrong size', () => {
    expect(h264SpsSize(sps('1280x720').subarray(0, 6))).toBeUndefined();
  });
});

describe('keyframeStart (H.264, RFC 6184)', () => {
  const stapA = (...nals: Buffer[]) =>
    Buffer.concat([Buffer.from([0x78]), ...nals.flatMap((nal) => [Buffer.from([nal.length >> 8, nal.length & 0xff]), nal])]);

  it('finds the SPS + PPS aggregate Chrome sends first, with the picture size', () => {
    expect(keyframeStart('H264', stapA(sps('1280x720'), PPS))).toEqual({ width: 1280, height: 720 });
  });

  it('finds a lone SPS (FFmpeg, OBS) and the first fragment of an IDR slice', () => {
    expect(keyframeStart('H264', sps('640x360'))).toEqual({ width: 640, height: 360 });
    expect(keyframeStart('H264', Buffer.from([0x7c, 0x85, 0x88]))).toEqual({});
  });

  it('does not cut on a later IDR fragment, a P slice or a PPS alone', () => {
    expect(keyframeStart('H264', Buffer.from([0x7c, 0x05, 0x88]))).toBeUndefined();
    expect(keyframeStart('H264', Buffer.from([0x7c, 0x81, 0x9a]))).toBeUndefined();
    expect(keyframeStart('H264', Buffer.from([0x41, 0x9a, 0x00]))).toBeUndefined();
    expect(keyframeStart('H264', PPS)).toBeUndefined();
  });
});

describe('keyframeStart (VP8, RFC 7741)', () => {
  // Descriptor with X, S, PID 0; extension with a 15-bit PictureID; then a key frame header for 1280x720.
  const keyHeader = Buffer.from([0x50, 0x01, 0x00, 0x9d, 0x01, 0x2a, 0x00, 0x05, 0xd0, 0x02]);
  const descriptor = Buffer.from([0x90, 0x80, 0x80, 0x01]);

  it('finds a key frame and reads its size', () => {
    expect(keyframeStart('VP8', Buffer.concat([descriptor, keyHeader]))).toEqual({ width: 1280, height: 720 });
  });

  it('does not cut on an inter frame or a packet that does not start the first partition', () => {
    const inter = Buffer.from(keyHeader);
    inter[0] = 0x51;
    expect(keyframeStart('VP8', Buffer.concat([descriptor, inter]))).toBeUndefined();
    const middle = Buffer.from(descriptor);
    middle[0] = 0x80;
    expect(keyframeStart('VP8', Buffer.concat([middle, keyHeader]))).toBeUndefined();
  });
});
