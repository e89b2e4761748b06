import { parse, parseParams, type MediaDescription, type SessionDescription } from 'sdp-transform';
import { isSameProfile } from 'h264-profile-level-id';
import type { types } from 'mediasoup';
import { SdpRejectedError } from '../errors.js';

/** Header extensions we never negotiate: FFmpeg ignores rotation metadata, so frames would show sideways. */
const EXCLUDED_HEADER_EXTENSIONS = new Set(['urn:3gpp:video-orientation']);

/** Payload names that are not a media codec of their own (repair and redundancy formats). */
const AUXILIARY_CODECS = new Set(['rtx', 'red', 'ulpfec', 'flexfec-03', 'telephone-event', 'cn']);

export type DtlsSetup = 'actpass' | 'active' | 'passive';

/** One m-line of the offer that we accept: what to produce, and what to write back in the answer. */
export interface AcceptedTrack {
  kind: 'audio' | 'video';
  /** Position of the m-line in the offer; the answer keeps the same order. */
  index: number;
  mid: string;
  rtpParameters: types.RtpParameters;
  /** Payload type of the chosen codec, and of its RTX stream when negotiated. */
  payloadType: number;
  rtxPayloadType?: number;
}

export interface WhipOffer {
  sdp: SessionDescription;
  tracks: AcceptedTrack[];
  setup: DtlsSetup;
  fingerprints: types.DtlsFingerprint[];
  iceUfrag: string;
  icePwd: string;
}

/**
 * Reads a WHIP offer (RFC 9725: sendonly audio/video, BUNDLE, rtcp-mux, DTLS-SRTP) and decides
 * what the router can take. Accepts what JSEP allows and mediasoup can carry — any m-line order,
 * SSRC lines or only the MID extension, H.264 of any listed profile or VP8, rtcp-fb and header
 * extensions as offered — and throws SdpRejectedError with a reason for the rest.
 */
export function parseWhipOffer(offerSdp: string, capabilities: types.RtpCapabilities): WhipOffer {
  if (!/^v=0/m.test(offerSdp)) throw new SdpRejectedError('the body is not an SDP offer (no "v=0" line)');
  const sdp = parse(offerSdp);
  if (!sdp.media || sdp.media.length === 0) throw new SdpRejectedError('the offer has no media section');

  const tracks: AcceptedTrack[] = [];
  sdp.media.forEach((media, index) => {
    const kind = media.type;
    if (kind !== 'audio' && kind !== 'video') return;
    if (media.port === 0) return;
    if (media.direction === 'recvonly' || media.direction === 'inactive') return;
    if (tracks.some((t) => t.kind === kind)) return;
    tracks.push(acceptTrack(media, index, kind, capabilities));
  });

  if (!tracks.some((t) => t.kind === 'video')) {
    throw new SdpRejectedError('the offer sends no video: publish a camera track (H.264 or VP8)');
  }

  const bundled = new Set(
    (sdp.groups ?? []).filter((g) => g.type === 'BUNDLE').flatMap((g) => g.mids.split(' ')),
  );
  if (tracks.length > 1 && !tracks.every((t) => bundled.has(t.mid))) {
    throw new SdpRejectedError('audio and video must be bundled on one transport (a=group:BUNDLE), as WHIP requires');
  }

  const first = sdp.media[tracks[0]!.index]!;
  // sdp-transform turns all-digit values into numbers; ICE credentials are strings.
  const iceUfrag = String(first.iceUfrag ?? sdp.iceUfrag ?? '');
  const icePwd = String(first.icePwd ?? sdp.icePwd ?? '');
  if (!iceUfrag || !icePwd) throw new SdpRejectedError('the offer has no ICE credentials (a=ice-ufrag / a=ice-pwd)');

  return {
    sdp,
    tracks,
    setup: readSetup(first.setup ?? sdp.setup),
    fingerprints: readFingerprints(sdp, first),
    iceUfrag,
    icePwd,
  };
}

function acceptTrack(
  media: MediaDescription,
  index: number,
  kind: 'audio' | 'video',
  capabilities: types.RtpCapabilities,
): AcceptedTrack {
  if (!/SAVPF?$/.test(media.protocol)) {
    throw new SdpRejectedError(`the ${kind} section uses ${media.protocol}; WHIP needs DTLS-SRTP (UDP/TLS/RTP/SAVPF)`);
  }
  if (!media.rtcpMux) throw new SdpRejectedError(`the ${kind} section lacks a=rtcp-mux, which WHIP requires`);
  if (media.mid === undefined) throw new SdpRejectedError(`the ${kind} section has no a=mid`);
  if (media.simulcast || (media.rids && media.rids.length > 0)) {
    throw new SdpRejectedError('simulcast is not supported: turn it off in the encoder and send one stream');
  }
  const mid = String(media.mid);

  const chosen = chooseCodec(media, kind, capabilities);
  const rtx = kind === 'video' ? findRtx(media, chosen.payloadType) : undefined;

  const codecs: types.RtpCodecParameters[] = [
    {
      mimeType: chosen.mimeType,
      payloadType: chosen.payloadType,
      clockRate: chosen.clockRate,
      ...(chosen.channels ? { channels: chosen.channels } : {}),
      parameters: chosen.parameters,
      rtcpFeedback: negotiateFeedback(media, chosen.payloadType, chosen.capability),
    },
  ];
  if (rtx !== undefined) {
    codecs.push({ mimeType: `${kind}/rtx`, payloadType: rtx, clockRate: chosen.clockRate, parameters: { apt: chosen.payloadType } });
  }

  const headerExtensions = (media.ext ?? [])
    .filter((ext) => !EXCLUDED_HEADER_EXTENSIONS.has(ext.uri))
    .filter((ext) => (capabilities.headerExtensions ?? []).some((h) => h.kind === kind && h.uri === ext.uri))
    .map((ext) => ({ uri: ext.uri as types.RtpHeaderExtensionUri, id: ext.value }));

  const encodings = readEncodings(media, kind, rtx !== undefined, headerExtensions);

  const cname = media.ssrcs?.find((s) => s.attribute === 'cname')?.value;
  return {
    kind,
    index,
    mid,
    payloadType: chosen.payloadType,
    ...(rtx !== undefined ? { rtxPayloadType: rtx } : {}),
    rtpParameters: {
      mid,
      codecs,
      headerExtensions,
      encodings,
      rtcp: { ...(cname ? { cname } : {}), reducedSize: Boolean(media.rtcpRsize) },
    },
  };
}

interface ChosenCodec {
  mimeType: string;
  payloadType: number;
  clockRate: number;
  channels?: number;
  parameters: Record<string, unknown>;
  capability: types.RtpCodecCapability;
}

/**
 * Video: the first offered H.264 (packetization-mode 1, a profile the router lists) wins over VP8,
 * because H.264 is passed through to HLS while VP8 must be transcoded. Audio: Opus only.
 */
function chooseCodec(
  media: MediaDescription,
  kind: 'audio' | 'video',
  capabilities: types.RtpCapabilities,
): ChosenCodec {
  const offered = media.rtp
    .filter((rtp) => !AUXILIARY_CODECS.has(rtp.codec.toLowerCase()))
    .map((rtp) => {
      const fmtp = media.fmtp.find((f) => f.payload === rtp.payload);
      const parameters = fmtp ? (parseParams(fmtp.config) as Record<string, unknown>) : {};
      const mimeType = `${kind}/${rtp.codec}`;
      const channels = kind === 'audio' ? Number(rtp.encoding ?? 1) : undefined;
      const capability = (capabilities.codecs ?? []).find((cap) =>
        codecMatches(cap, mimeType, rtp.rate ?? 0, channels, parameters),
      );
      return { rtp, parameters, mimeType, channels, capability };
    })
    .filter((c) => c.capability !== undefined);

  const preferred =
    kind === 'video'
      ? (offered.find((c) => c.mimeType.toLowerCase() === 'video/h264') ?? offered[0])
      : offered[0];
  if (!preferred || !preferred.capability) {
    const names = media.rtp.map((r) => r.codec).join(', ') || 'none';
    throw new SdpRejectedError(
      kind === 'video'
        ? `no supported video codec offered (got ${names}); send H.264 with packetization-mode=1 or VP8`
        : `no supported audio codec offered (got ${names}); send Opus`,
    );
  }
  return {
    mimeType: preferred.capability.mimeType,
    payloadType: preferred.rtp.payload,
    clockRate: preferred.capability.clockRate,
    ...(preferred.channels ? { channels: preferred.capability.channels ?? preferred.channels } : {}),
    parameters: preferred.parameters,
    capability: preferred.capability,
  };
}

function codecMatches(
  cap: types.RtpCodecCapability,
  mimeType: string,
  clockRate: number,
  channels: number | undefined,
  parameters: Record<string, unknown>,
): boolean {
  if (cap.mimeType.toLowerCase() !== mimeType.toLowerCase() || cap.clockRate !== clockRate) return false;
  const lower = mimeType.toLowerCase();
  if (lower === 'audio/opus') return channels === 2;
  if (lower === 'video/h264') {
    if (Number(parameters['packetization-mode'] ?? 0) !== 1) return false;
    return isSameProfile(cap.parameters, parameters);
  }
  return true;
}

function findRtx(media: MediaDescription, apt: number): number | undefined {
  for (const rtp of media.rtp) {
    if (rtp.codec.toLowerCase() !== 'rtx') continue;
    const fmtp = media.fmtp.find((f) => f.payload === rtp.payload);
    if (fmtp && Number(parseParams(fmtp.config)['apt']) === apt) return rtp.payload;
  }
  return undefined;
}

function negotiateFeedback(
  media: MediaDescription,
  payloadType: number,
  capability: types.RtpCodecCapability,
): types.RtcpFeedback[] {
  const supported = capability.rtcpFeedback ?? [];
  return (media.rtcpFb ?? [])
    .filter((fb) => fb.payload === '*' || Number(fb.payload) === payloadType)
    .map((fb) => ({ type: fb.type, parameter: fb.subtype ?? '' }))
    .filter((fb) => supported.some((s) => s.type === fb.type && (s.parameter ?? '') === fb.parameter))
    .filter((fb, i, all) => all.findIndex((o) => o.type === fb.type && o.parameter === fb.parameter) === i);
}

function readEncodings(
  media: MediaDescription,
  kind: string,
  hasRtx: boolean,
  headerExtensions: types.RtpHeaderExtensionParameters[],
): types.RtpEncodingParameters[] {
  const groups = media.ssrcGroups ?? [];
  if (groups.some((g) => g.semantics === 'SIM')) {
    throw new SdpRejectedError('simulcast is not supported: turn it off in the encoder and send one stream');
  }
  const fid = groups.find((g) => g.semantics === 'FID');
  if (fid) {
    const [ssrc, rtxSsrc] = fid.ssrcs.split(' ').map(Number);
    return [{ ssrc: ssrc!, ...(hasRtx && rtxSsrc ? { rtx: { ssrc: rtxSsrc } } : {}) }];
  }
  const first = media.ssrcs?.[0];
  if (first) return [{ ssrc: Number(first.id) }];
  // No SSRC lines (allowed by JSEP): mediasoup then routes packets by the MID header extension.
  if (headerExtensions.some((h) => h.uri === 'urn:ietf:params:rtp-hdrext:sdes:mid')) return [{}];
  throw new SdpRejectedError(
    `the ${kind} section has neither a=ssrc lines nor the sdes:mid header extension, so its packets cannot be identified`,
  );
}

/** The offer's DTLS role (WHEP offers are read the same way). */
export function readSetup(value: string | undefined): DtlsSetup {
  if (value === 'actpass' || value === 'active' || value === 'passive') return value;
  throw new SdpRejectedError('the offer has no valid a=setup attribute (actpass, active or passive)');
}

/** The offer's DTLS fingerprint, from the media section or the session. */
export function readFingerprints(sdp: SessionDescription, media: MediaDescription): types.DtlsFingerprint[] {
  const fingerprint = media.fingerprint ?? sdp.fingerprint;
  if (!fingerprint) throw new SdpRejectedError('the offer has no DTLS fingerprint (a=fingerprint)');
  const algorithm = fingerprint.type.toLowerCase();
  const allowed = ['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512'];
  if (!allowed.includes(algorithm)) throw new SdpRejectedError(`unsupported fingerprint algorithm ${fingerprint.type}`);
  return [{ algorithm: algorithm as types.FingerprintAlgorithm, value: fingerprint.hash }];
}
