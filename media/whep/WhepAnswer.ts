import { write, type MediaDescription, type SessionDescription } from 'sdp-transform';
import type { types } from 'mediasoup';
import { codecAttributes, rejectedSection, type LocalTransport } from '../whip/WhipAnswer.js';
import { toSdpCandidates } from '../whip/sdpCandidates.js';
import type { WhepOffer } from './WhepOffer.js';

/** A consumer placed in the m-line the viewer offered for its kind. */
export interface AnsweredTrack {
  index: number;
  mid: string;
  consumer: { id: string; kind: 'audio' | 'video'; rtpParameters: types.RtpParameters };
}

/**
 * The SDP answer to a WHEP offer: one section per offered one, in order; each accepted one sendonly with the
 * consumer's codecs (in the viewer's payload types), feedback, extensions and SSRCs (RTX as an FID group), the
 * rest rejected with port 0. ICE-lite with every candidate, as for WHIP.
 */
export function buildWhepAnswer(offer: WhepOffer, answered: AnsweredTrack[], local: LocalTransport, streamId: string): string {
  const byIndex = new Map(answered.map((track) => [track.index, track]));
  const media = offer.sdp.media.map((m, index) => {
    const track = byIndex.get(index);
    return track ? sendSection(m, track, local, streamId) : rejectedSection(m);
  });
  const answer: SessionDescription = {
    version: 0,
    origin: { username: '-', sessionId: String(Date.now()), sessionVersion: 1, netType: 'IN', ipVer: 4, address: '127.0.0.1' },
    name: '-',
    timing: { start: 0, stop: 0 },
    icelite: 'ice-lite',
    fingerprint: { type: local.fingerprint.algorithm, hash: local.fingerprint.value },
    msidSemantic: { semantic: 'WMS', token: streamId },
    groups: [{ type: 'BUNDLE', mids: answered.map((t) => t.mid).join(' ') }],
    media,
  };
  return write(answer);
}

function sendSection(offered: MediaDescription, track: AnsweredTrack, local: LocalTransport, streamId: string): MediaDescription {
  const { rtpParameters } = track.consumer;
  const codecs = rtpParameters.codecs;
  const encoding = rtpParameters.encodings?.[0];
  const cname = rtpParameters.rtcp?.cname ?? 'program';
  const trackId = `${track.consumer.kind}-${track.consumer.id}`;
  const ssrcs: NonNullable<MediaDescription['ssrcs']> = [];
  for (const ssrc of [encoding?.ssrc, encoding?.rtx?.ssrc]) {
    if (ssrc === undefined) continue;
    ssrcs.push({ id: ssrc, attribute: 'cname', value: cname }, { id: ssrc, attribute: 'msid', value: `${streamId} ${trackId}` });
  }
  return {
    type: offered.type,
    port: 9,
    protocol: offered.protocol,
    payloads: codecs.map((c) => c.payloadType).join(' '),
    connection: { version: 4, ip: '0.0.0.0' },
    mid: track.mid,
    direction: 'sendonly',
    rtcpMux: 'rtcp-mux',
    ...(offered.rtcpRsize ? { rtcpRsize: 'rtcp-rsize' as const } : {}),
    iceUfrag: local.iceParameters.usernameFragment,
    icePwd: local.iceParameters.password,
    setup: local.setup,
    msid: [{ id: streamId, appdata: trackId }],
    ...codecAttributes(codecs),
    ext: (rtpParameters.headerExtensions ?? []).map((h) => ({ value: h.id, uri: h.uri })),
    ssrcs,
    ...(encoding?.rtx ? { ssrcGroups: [{ semantics: 'FID', ssrcs: `${encoding.ssrc} ${encoding.rtx.ssrc}` }] } : {}),
    candidates: toSdpCandidates(local.iceCandidates),
    endOfCandidates: 'end-of-candidates',
  };
}
