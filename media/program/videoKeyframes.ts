import { h264SpsSize } from './h264Sps.js';

/** The video codecs a camera may send (the router's list). */
export type VideoCodecName = 'H264' | 'VP8';

/** What the first packet of a keyframe tells: the picture size when it carries it (H.264 SPS, VP8 key header). */
export interface KeyframeStart {
  width?: number;
  height?: number;
}

/**
 * Whether an RTP payload starts a keyframe: where the program bus may cut to a camera. H.264 (RFC 6184): an SPS or
 * IDR slice, alone, in a STAP-A, or as the first fragment of an FU-A. VP8 (RFC 7741): the first partition's start
 * with the key-frame bit clear in the payload header.
 */
export function keyframeStart(codec: VideoCodecName, payload: Buffer): KeyframeStart | undefined {
  return codec === 'H264' ? h264KeyframeStart(payload) : vp8KeyframeStart(payload);
}

const NAL_IDR = 5;
const NAL_SPS = 7;
const NAL_STAP_A = 24;
const NAL_FU_A = 28;

function h264KeyframeStart(payload: Buffer): KeyframeStart | undefined {
  if (payload.length < 2) return undefined;
  const type = payload[0]! & 0x1f;
  if (type === NAL_SPS) return h264SpsSize(payload) ?? {};
  if (type === NAL_IDR) return {};
  if (type === NAL_FU_A) {
    const start = (payload[1]! & 0x80) !== 0;
    const inner = payload[1]! & 0x1f;
    return start && (inner === NAL_IDR || inner === NAL_SPS) ? {} : undefined;
  }
  if (type === NAL_STAP_A) {
    let found: KeyframeStart | undefined;
    for (let offset = 1; offset + 2 < payload.length; ) {
      const size = payload.readUInt16BE(offset);
      const nal = payload.subarray(offset + 2, offset + 2 + size);
      const inner = (nal[0] ?? 0) & 0x1f;
      if (inner === NAL_SPS) found = { ...found, ...h264SpsSize(nal) };
      else if (inner === NAL_IDR) found ??= {};
      offset += 2 + size;
    }
    return found;
  }
  return undefined;
}

function vp8KeyframeStart(payload: Buffer): KeyframeStart | undefined {
  if (payload.length < 1) return undefined;
  const first = payload[0]!;
  const startOfPartition = (first & 0x10) !== 0;
  const partitionIndex = first & 0x07;
  if (!startOfPartition || partitionIndex !== 0) return undefined;
  let offset = 1;
  if ((first & 0x80) !== 0) {
    const extension = payload[offset++] ?? 0;
    if (extension & 0x80) offset += (payload[offset] ?? 0) & 0x80 ? 2 : 1; // PictureID, 7 or 15 bits
    if (extension & 0x40) offset += 1; // TL0PICIDX
    if (extension & 0x30) offset += 1; // TID/Y/KEYIDX
  }
  const header = payload.subarray(offset);
  if (header.length < 3 || (header[0]! & 0x01) !== 0) return undefined;
  // A key frame's header: 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height.
  if (header.length >= 10 && header[3] === 0x9d && header[4] === 0x01 && header[5] === 0x2a) {
    return { width: header.readUInt16LE(6) & 0x3fff, height: header.readUInt16LE(8) & 0x3fff };
  }
  return {};
}
