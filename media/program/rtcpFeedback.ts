/**
 * Whether a (compound) RTCP packet asks for a keyframe: a PLI or FIR (RFC 4585 §6.3.1, RFC 5104 §4.3.1), e.g. from
 * FFmpeg's consumer or a WHEP viewer of the program, which the program bus passes on to the camera on air.
 */
export function asksForKeyframe(rtcp: Buffer): boolean {
  for (let offset = 0; offset + 4 <= rtcp.length; ) {
    const fmt = rtcp[offset]! & 0x1f;
    const packetType = rtcp[offset + 1]!;
    if (packetType === 206 && (fmt === 1 || fmt === 4)) return true;
    offset += (rtcp.readUInt16BE(offset + 2) + 1) * 4;
  }
  return false;
}
