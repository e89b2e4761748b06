import type { types } from 'mediasoup';

export interface RtpInputStream {
  kind: 'audio' | 'video';
  /** RTP port FFmpeg listens on; RTCP is on port + 1. */
  port: number;
  rtpParameters: types.RtpParameters;
}

/**
 * The SDP FFmpeg reads to receive the consumers' RTP: payload types, codec names and fmtp come
 * from the consumer's parameters (the router's numbering), so nothing is guessed.
 */
export function buildRtpInputSdp(streams: RtpInputStream[]): string {
  const lines = ['v=0', 'o=- 0 0 IN IP4 127.0.0.1', 's=online-interview program', 'c=IN IP4 127.0.0.1', 't=0 0'];
  for (const stream of streams) {
    const codec = stream.rtpParameters.codecs[0];
    if (!codec) throw new Error(`the ${stream.kind} consumer has no codec`);
    const name = codec.mimeType.split('/')[1]!;
    const channels = codec.channels && codec.channels > 1 ? `/${codec.channels}` : '';
    lines.push(`m=${stream.kind} ${stream.port} RTP/AVP ${codec.payloadType}`);
    lines.push(`a=rtcp:${stream.port + 1}`);
    lines.push(`a=rtpmap:${codec.payloadType} ${name}/${codec.clockRate}${channels}`);
    const params = Object.entries(codec.parameters ?? {}).map(([k, v]) => `${k}=${String(v)}`);
    if (params.length > 0) lines.push(`a=fmtp:${codec.payloadType} ${params.join(';')}`);
    lines.push('a=recvonly');
  }
  return lines.join('\n') + '\n';
}
