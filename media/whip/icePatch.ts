import { randomBytes } from 'node:crypto';
import type { types } from 'mediasoup';
import { WhipError } from '../errors.js';
import { buildIceRestartFragment, parseIceFragment } from './IceFragment.js';

/** The answer to a PATCH (RFC 9725 §4.3, the same in WHEP): 204 for trickled candidates, 200 with a fragment for an ICE restart. */
export type PatchResult = { status: 204 } | { status: 200; body: string; etag: string };

/** What a session remembers between PATCHes: its ETag and the peer's current ICE credentials. */
export interface IceState {
  etag: string;
  iceUfrag: string;
  icePwd: string;
}

export function newEtag(): string {
  return `"${randomBytes(9).toString('base64url')}"`;
}

/**
 * Trickle ICE or ICE restart on a session resource. If-Match is required: "*" or the current ETag. New ICE
 * credentials in the fragment mean a restart; otherwise the candidates are not needed by an ICE-lite server.
 * Returns the answer and the state after it.
 */
export async function applyIcePatch(
  transport: types.WebRtcTransport,
  state: IceState,
  ifMatch: string | undefined,
  body: string,
  firstMedia: { type: string; protocol: string; payloads: string; mid: string },
): Promise<{ result: PatchResult; state: IceState }> {
  if (!ifMatch) throw new WhipError(428, 'precondition_required', 'PATCH needs an If-Match header with the session ETag (or "*" for an ICE restart)');
  if (ifMatch !== '*' && ifMatch !== state.etag) {
    throw new WhipError(412, 'etag_mismatch', 'the If-Match ETag does not match this ICE session; use the ETag of the latest answer');
  }
  const fragment = parseIceFragment(body);
  const restart = fragment.iceUfrag !== undefined && (fragment.iceUfrag !== state.iceUfrag || fragment.icePwd !== state.icePwd);
  if (!restart) return { result: { status: 204 }, state };
  if (!fragment.icePwd) throw new WhipError(400, 'invalid_fragment', 'an ICE restart needs both a=ice-ufrag and a=ice-pwd');
  const iceParameters = await transport.restartIce();
  const next = { etag: newEtag(), iceUfrag: fragment.iceUfrag!, icePwd: fragment.icePwd };
  return {
    result: { status: 200, etag: next.etag, body: buildIceRestartFragment(iceParameters, transport.iceCandidates, firstMedia) },
    state: next,
  };
}
