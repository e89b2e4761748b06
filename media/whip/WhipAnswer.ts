import { write, type MediaDescription, type SessionDescription } from 'sdp-transform';
import type { types } from 'mediasoup';
import { toSdpCandidates } from './sdpCandidates.js';
import type { AcceptedTrack, WhipOffer } from './WhipOffer.js';

/** The parts of our WebRtcTransport that go into SDP. */
export interface LocalTransport {
  iceParameters: types.IceParameters;
  iceCandidates: types.IceCandidate[];
  fingerprint: types.DtlsFingerprint;
  /** Our DTLS role in the answer: passive (we are the DTLS server) unless the offer said passive. */
  setup: 'active' | 'passive';
}

/**
 * Writes the SDP answer for an accepted offer: one answer section per offer section in the same
 * order (JSEP), accepted ones recvonly with only the chosen codec, the rest rejected with port 0.
 * mediasoup is ICE-lite and gathers nothing, so all candidates are in the answer (no trickle needed).
 */
export function buildWhipAnswer(offer: WhipOffer, local: LocalTransport, sessionVersion = 1): string {
  const accepted = new Map(offer.tracks.map((t) => [t.index, t]));
  const media = offer.sdp.media.map((m, index) => {
    const track = accepted.get(index);
    return track ? acceptedSection(m, track, local) : rejectedSection(m);
  });

  const answer: SessionDescription = {
    version: 0,
    origin: {
      username: '-',
      sessionId: String(Date.now()),
      sessionVersion,
      netType: 'IN',
      ipVer: 4,
      address: '127.0.0.1',
    },
    name: '-',
    timing: { start: 0, stop: 0 },
    icelite: 'ice-lite',
    fingerprint: { type: local.fingerprint.algorithm, hash: local.fingerprint.value },
    msidSemantic: { semantic: 'WMS', token: '*' },
    groups: [{ type: 'BUNDLE', mids: offer.tracks.map((t) => t.mid).join(' ') }],
    media,
  };
  return write(answer);
}

function acceptedSection(offered: MediaDescription, track: AcceptedTrack, local: LocalTransport): MediaDescription {
  const payloads = [track.payloadType, ...(track.rtxPayloadType !== undefined ? [track.rtxPayloadType] : [])];
  const codecs = track.rtpParameters.codecs;
  return {
    type: offered.type,
    port: 9,
    protocol: offered.protocol,
    payloads: payloads.join(' '),
    connection: { version: 4, ip: '0.0.0.0' },
    mid: track.mid,
    direction: 'recvonly',
    rtcpMux: 'rtcp-mux',
    ...(offered.rtcpRsize ? { rtcpRsize: 'rtcp-rsize' as const } : {}),
    iceUfrag: local.iceParameters.usernameFragment,
    icePwd: local.iceParameters.password,
    setup: local.setup,
    ...codecAttributes(codecs),
    ext: (track.rtpParameters.headerExtensions ?? []).map((h) => ({ value: h.id, uri: h.uri })),
    candidates: toSdpCandidates(local.iceCandidates),
    endOfCandidates: 'end-of-candidates',
  };
}

/** The rtpmap, fmtp and rtcp-fb lines of a section from its codecs (the first one's feedback). */
export function codecAttributes(codecs: types.RtpCodecParameters[]): Pick<MediaDescription, 'rtp' | 'fmtp' | 'rtcpFb'> {
  return {
    rtp: codecs.map((c) => ({
      payload: c.payloadType,
      codec: c.mimeType.split('/')[1]!,
      rate: c.clockRate,
      ...(c.channels && c.channels > 1 ? { encoding: c.channels } : {}),
    })),
    fmtp: codecs
      .filter((c) => c.parameters && Object.keys(c.parameters).length > 0)
      .map((c) => ({
        payload: c.payloadType,
        config: Object.entries(c.parameters as Record<string, unknown>)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(';'),
      })),
    rtcpFb: (codecs[0]!.rtcpFeedback ?? []).map((fb) => ({
      payload: codecs[0]!.payloadType,
      type: fb.type,
      ...(fb.parameter ? { subtype: fb.parameter } : {}),
    })),
  };
}

/** An offered section we do not take, answered with port 0 (JSEP). */
export function rejectedSection(offered: MediaDescription): MediaDescription {
  return {
    type: offered.type,
    port: 0,
    protocol: offered.protocol,
    payloads: offered.payloads ?? String(offered.rtp[0]?.payload ?? 0),
    connection: { version: 4, ip: '0.0.0.0' },
    ...(offered.mid !== undefined ? { mid: String(offered.mid) } : {}),
    direction: 'inactive',
    rtp: offered.rtp.slice(0, 1),
    fmtp: [],
  };
}
