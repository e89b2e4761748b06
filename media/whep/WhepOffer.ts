import { parse, parseParams, type MediaDescription, type SessionDescription } from 'sdp-transform';
import type { types } from 'mediasoup';
import { SdpRejectedError } from '../errors.js';
import { readFingerprints, readSetup, type DtlsSetup } from '../whip/WhipOffer.js';

/** One recvonly m-line of a viewer's offer: what the viewer can receive there. */
export interface ViewerTrack {
  kind: 'audio' | 'video';
  index: number;
  mid: string;
  /** The viewer's codecs, feedback and header extensions, with its own payload types and ids. */
  capabilities: types.RtpCapabilities;
}

export interface WhepOffer {
  sdp: SessionDescription;
  tracks: ViewerTrack[];
  setup: DtlsSetup;
  fingerprints: types.DtlsFingerprint[];
}

/**
 * Reads a WHEP offer (draft-ietf-wish-whep: recvonly audio and video, BUNDLE, rtcp-mux, DTLS-SRTP). Each m-line's
 * codecs become RTP capabilities in the viewer's own numbering, so mediasoup's consumers send with the payload
 * types and extension ids the viewer offered, and the answer can echo them.
 */
export function parseWhepOffer(offerSdp: string): WhepOffer {
  if (!/^v=0/m.test(offerSdp)) throw new SdpRejectedError('the body is not an SDP offer (no "v=0" line)');
  const sdp = parse(offerSdp);
  const tracks: ViewerTrack[] = [];
  (sdp.media ?? []).forEach((media, index) => {
    const kind = media.type;
    if ((kind !== 'audio' && kind !== 'video') || media.port === 0) return;
    if (media.direction !== 'recvonly' && media.direction !== 'sendrecv') return;
    if (tracks.some((t) => t.kind === kind)) return;
    if (!media.rtcpMux) throw new SdpRejectedError(`the ${kind} section lacks a=rtcp-mux, which WHEP requires`);
    if (media.mid === undefined) throw new SdpRejectedError(`the ${kind} section has no a=mid`);
    tracks.push({ kind, index, mid: String(media.mid), capabilities: capabilitiesOf(media, kind) });
  });
  if (tracks.length === 0) throw new SdpRejectedError('the offer receives nothing: add a recvonly video (and audio) transceiver');
  const first = sdp.media[tracks[0]!.index]!;
  return { sdp, tracks, setup: readSetup(first.setup ?? sdp.setup), fingerprints: readFingerprints(sdp, first) };
}

/** The ICE credentials of the offer (to tell an ICE restart in a PATCH from trickled candidates). */
export function offerIceCredentials(offer: WhepOffer): { iceUfrag: string; icePwd: string } {
  const first = offer.sdp.media[offer.tracks[0]!.index]!;
  return { iceUfrag: String(first.iceUfrag ?? offer.sdp.iceUfrag ?? ''), icePwd: String(first.icePwd ?? offer.sdp.icePwd ?? '') };
}

function capabilitiesOf(media: MediaDescription, kind: 'audio' | 'video'): types.RtpCapabilities {
  const codecs: types.RtpCodecCapability[] = media.rtp.map((rtp) => {
    const fmtp = media.fmtp.find((f) => f.payload === rtp.payload);
    const parameters = fmtp ? (parseParams(fmtp.config) as Record<string, unknown>) : {};
    const rtcpFeedback = (media.rtcpFb ?? [])
      .filter((fb) => fb.payload === '*' || Number(fb.payload) === rtp.payload)
      .map((fb) => ({ type: fb.type, parameter: fb.subtype ?? '' }));
    return {
      kind,
      mimeType: `${kind}/${rtp.codec}`,
      preferredPayloadType: rtp.payload,
      clockRate: rtp.rate ?? (kind === 'audio' ? 48000 : 90000),
      ...(kind === 'audio' && rtp.encoding ? { channels: Number(rtp.encoding) } : {}),
      parameters,
      rtcpFeedback,
    };
  });
  const headerExtensions: types.RtpHeaderExtension[] = (media.ext ?? []).map((ext) => ({
    kind,
    uri: ext.uri as types.RtpHeaderExtensionUri,
    preferredId: ext.value,
    direction: 'sendrecv',
  }));
  return { codecs, headerExtensions };
}
