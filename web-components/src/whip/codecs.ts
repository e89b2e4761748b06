/**
 * Orders video codecs so H.264 with packetization-mode=1 comes first: the server copies H.264 into HLS without
 * transcoding, and its router knows profile-level-id 42e01f (constrained baseline), which every HLS player decodes.
 * Everything else (VP8, RTX, RED, FEC) keeps its relative order after them, so VP8 still works as a fallback.
 */
export function preferH264(codecs: RTCRtpCodec[]): RTCRtpCodec[] {
  return codecs
    .map((codec, index) => ({ codec, index, rank: rank(codec) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.codec);
}

function rank(codec: RTCRtpCodec): number {
  if (codec.mimeType.toLowerCase() !== 'video/h264') return 3;
  const fmtp = (codec.sdpFmtpLine ?? '').toLowerCase();
  if (!/(^|;)\s*packetization-mode=1/.test(fmtp)) return 3;
  const profile = /profile-level-id=([0-9a-f]{6})/.exec(fmtp)?.[1] ?? '';
  if (profile.startsWith('42e0')) return 0;
  if (profile.startsWith('42')) return 1;
  return 2;
}
