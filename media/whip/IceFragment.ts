import { parse, write, type MediaDescription } from 'sdp-transform';
import type { types } from 'mediasoup';
import { toSdpCandidates } from './sdpCandidates.js';

/** What a trickle-ice-sdpfrag (RFC 8840) PATCH body carries that matters to an ICE-lite server. */
export interface IceFragment {
  iceUfrag?: string;
  icePwd?: string;
  candidateCount: number;
}

/** Parses an `application/trickle-ice-sdpfrag` body; credentials may sit at session or media level. */
export function parseIceFragment(body: string): IceFragment {
  const frag = parse(body);
  const media = frag.media ?? [];
  // sdp-transform turns all-digit values into numbers; ICE credentials are strings.
  const ufrag = frag.iceUfrag ?? media.find((m) => m.iceUfrag)?.iceUfrag;
  const pwd = frag.icePwd ?? media.find((m) => m.icePwd)?.icePwd;
  const iceUfrag = ufrag === undefined ? undefined : String(ufrag);
  const icePwd = pwd === undefined ? undefined : String(pwd);
  const candidateCount = media.reduce((n, m) => n + (m.candidates?.length ?? 0), 0);
  return { ...(iceUfrag ? { iceUfrag } : {}), ...(icePwd ? { icePwd } : {}), candidateCount };
}

/** The 200 body of an ICE restart (RFC 9725 §4.3.2): our new credentials and candidates. */
export function buildIceRestartFragment(
  iceParameters: types.IceParameters,
  candidates: types.IceCandidate[],
  firstMedia: { type: string; protocol: string; payloads: string; mid: string },
): string {
  const media: MediaDescription = {
    type: firstMedia.type,
    port: 9,
    protocol: firstMedia.protocol,
    payloads: firstMedia.payloads,
    rtp: [],
    fmtp: [],
    mid: firstMedia.mid,
    candidates: toSdpCandidates(candidates),
    endOfCandidates: 'end-of-candidates',
  };
  // sdp-transform writes v=/o=/s=/t= for a full description; a fragment has none of them.
  const full = write({
    icelite: 'ice-lite',
    iceUfrag: iceParameters.usernameFragment,
    icePwd: iceParameters.password,
    media: [media],
  } as Parameters<typeof write>[0]);
  return full
    .split('\r\n')
    .filter((line) => line !== '' && !/^[vost]=/.test(line))
    .join('\r\n')
    .concat('\r\n');
}
