/** The RTP fixed-header fields the program bus reads and rewrites (RFC 3550 §5.1), on a Buffer in place. */

export const RTP_HEADER_MIN = 12;

export function isRtp(packet: Buffer): boolean {
  return packet.length >= RTP_HEADER_MIN && packet[0]! >> 6 === 2;
}

export function sequenceNumber(packet: Buffer): number {
  return packet.readUInt16BE(2);
}

export function timestamp(packet: Buffer): number {
  return packet.readUInt32BE(4);
}

export function ssrc(packet: Buffer): number {
  return packet.readUInt32BE(8);
}

export function marker(packet: Buffer): boolean {
  return (packet[1]! & 0x80) !== 0;
}

export function payloadType(packet: Buffer): number {
  return packet[1]! & 0x7f;
}

/** The payload without CSRCs, header extension and padding; empty when the packet is malformed. */
export function payload(packet: Buffer): Buffer {
  const csrcCount = packet[0]! & 0x0f;
  let offset = RTP_HEADER_MIN + csrcCount * 4;
  if ((packet[0]! & 0x10) !== 0) {
    if (packet.length < offset + 4) return Buffer.alloc(0);
    offset += 4 + packet.readUInt16BE(offset + 2) * 4;
  }
  let end = packet.length;
  if ((packet[0]! & 0x20) !== 0 && end > offset) end -= packet[end - 1]!;
  return end > offset ? packet.subarray(offset, end) : Buffer.alloc(0);
}

/** A copy of `packet` with new sequence number, timestamp, SSRC and payload type (marker kept). */
export function rewritten(packet: Buffer, fields: { seq: number; ts: number; ssrc: number; payloadType: number }): Buffer {
  const out = Buffer.from(packet);
  out[1] = (out[1]! & 0x80) | (fields.payloadType & 0x7f);
  out.writeUInt16BE(fields.seq & 0xffff, 2);
  out.writeUInt32BE(fields.ts >>> 0, 4);
  out.writeUInt32BE(fields.ssrc >>> 0, 8);
  return out;
}

/** a − b for 16-bit sequence numbers (RFC 1982 serial arithmetic): positive when a is newer. */
export function seqDiff(a: number, b: number): number {
  const d = (a - b) & 0xffff;
  return d >= 0x8000 ? d - 0x10000 : d;
}

/** a − b for 32-bit RTP timestamps: positive when a is later. */
export function tsDiff(a: number, b: number): number {
  const d = (a - b) >>> 0;
  return d >= 0x80000000 ? d - 0x100000000 : d;
}
