import type { MediaDescription } from 'sdp-transform';
import type { types } from 'mediasoup';

/** mediasoup's ICE candidates as SDP `a=candidate` lines (component 1: RTCP is muxed). */
export function toSdpCandidates(candidates: types.IceCandidate[]): NonNullable<MediaDescription['candidates']> {
  return candidates.map((c) => ({
    foundation: c.foundation,
    component: 1,
    transport: c.protocol,
    priority: c.priority,
    ip: c.ip,
    port: c.port,
    type: c.type,
    ...(c.tcpType ? { tcptype: c.tcpType } : {}),
  }));
}
