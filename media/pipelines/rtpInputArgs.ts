/**
 * Seconds without a packet after which FFmpeg ends its RTP input by itself, as at the end of a file: it then flushes
 * and writes every output's trailer. A camera that dropped or a mediasoup worker that died thus loses nothing FFmpeg
 * had received, where a signal on a silent input could only interrupt it. Long enough that a network hiccup does
 * not end a part (a longer gap does: the recorder starts a new part, joined on playback).
 */
export const INPUT_SILENCE_SECONDS = 5;

/** FFmpeg's input arguments for the RTP that mediasoup sends it, described by the SDP file at `sdpPath`. */
export function rtpInputArgs(sdpPath: string): string[] {
  return [
    '-hide_banner', '-nostats', '-loglevel', process.env['OI_FFMPEG_LOGLEVEL'] ?? 'warning',
    '-protocol_whitelist', 'file,udp,rtp',
    // Codec parameters come from the SDP and the first keyframe; a short probe starts sooner.
    '-analyzeduration', '200000', '-probesize', '200000',
    '-fflags', '+genpts',
    // A larger socket buffer than the default, so keyframe bursts of a 2.5 Mbit/s camera are not dropped.
    '-buffer_size', '4194304',
    '-listen_timeout', String(INPUT_SILENCE_SECONDS),
    '-i', sdpPath,
  ];
}
