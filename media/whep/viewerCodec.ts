import { isSameProfile } from 'h264-profile-level-id';
import type { types } from 'mediasoup';

/**
 * The viewer's offered codec that can carry `producer` unchanged: same MIME type and clock rate, and for H.264 the
 * same profile with packetization-mode 1. It keeps the viewer's payload type (mediasoup consumers send with their
 * router's payload types, so each viewer gets a router numbered as its offer; see WhepSession).
 */
export function viewerCodec(offered: types.RtpCapabilities, producer: types.Producer): types.RtpCodecCapability | undefined {
  const source = producer.rtpParameters.codecs[0]!;
  const mime = source.mimeType.toLowerCase();
  return (offered.codecs ?? []).find((codec) => {
    if (codec.mimeType.toLowerCase() !== mime || codec.clockRate !== source.clockRate) return false;
    if (mime === 'audio/opus') return (codec.channels ?? 1) === 2;
    if (mime === 'video/h264') {
      return Number(codec.parameters?.['packetization-mode'] ?? 0) === 1 && isSameProfile(codec.parameters ?? {}, source.parameters ?? {});
    }
    return true;
  });
}
