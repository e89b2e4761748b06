import { rtpInputArgs } from './rtpInputArgs.js';

export interface ProgramArgsOptions {
  sdpPath: string;
  hlsDir: string;
  segmentSeconds: number;
  recordingPath: string;
  recordingFormat: 'mkv' | 'fmp4';
  /** The camera's codec: H.264 is copied, anything else is encoded to H.264. */
  videoCodec: string;
  hasAudio: boolean;
  /** Continue an existing playlist (after a reconnect or an FFmpeg restart): adds a discontinuity. */
  append: boolean;
  /** A -vf graph drawing the director's overlays (overlayFilter.ts): the HLS is then encoded, never copied. */
  overlayFilter?: string;
}

/**
 * FFmpeg arguments for the live program: RTP in; HLS (H.264 + AAC) and a crash-safe recording out.
 * Pure, so the choices below are unit-tested.
 */
export function buildProgramArgs(o: ProgramArgsOptions): string[] {
  const copyVideo = o.videoCodec.toLowerCase() === 'h264';
  const input = rtpInputArgs(o.sdpPath);
  const maps = ['-map', '0:v:0', ...(o.hasAudio ? ['-map', '0:a:0'] : [])];
  // aresample keeps audio timestamps monotonic when FFmpeg re-syncs them on the first RTCP sender report.
  const audio = o.hasAudio ? ['-af', 'aresample=async=1', '-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-ar', '48000'] : [];
  const encodeVideo = [
    '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
    '-b:v', '2500k', '-maxrate', '2500k', '-bufsize', '5000k', '-sc_threshold', '0',
    // Keyframes at 0, S/4, then every S: the cadence ProgramPipeline requests from cameras.
    '-force_key_frames', `expr:if(eq(n_forced,0),1,gte(t,${o.segmentSeconds / 4}+(n_forced-1)*${o.segmentSeconds}))`,
  ];
  const cleanVideo = copyVideo ? ['-c:v', 'copy'] : encodeVideo;
  // Overlays need the pictures decoded and encoded again, at the camera's own resolution.
  const hlsVideo = o.overlayFilter ? ['-vf', o.overlayFilter, ...encodeVideo] : cleanVideo;

  const hlsFlags = ['independent_segments', 'program_date_time', 'omit_endlist', 'temp_file'];
  if (o.append) hlsFlags.push('append_list', 'discont_start');
  const hls = [
    ...maps, ...hlsVideo, ...audio,
    '-f', 'hls',
    // The muxer cuts at the first keyframe past hls_time. Keyframes come at 0, S/4, then every S, so
    // cutting past 0.2 S gives a quarter-length first segment (viewers see the show sooner) and
    // S-long ones after it, and keyframe jitter never doubles a segment.
    '-hls_time', (o.segmentSeconds * 0.2).toFixed(2),
    '-hls_list_size', '0',
    '-hls_playlist_type', 'event',
    '-hls_flags', hlsFlags.join('+'),
    '-hls_segment_filename', `${o.hlsDir}/seg-%05d.ts`,
    `${o.hlsDir}/index.m3u8`,
  ];

  // The recording keeps the camera's own video where the container allows, so no quality is lost, and
  // never the overlays: a clip cut from it later can get its own captions.
  const recording =
    o.recordingFormat === 'mkv'
      ? [...maps, '-c:v', 'copy', ...audio, '-f', 'matroska', '-cluster_time_limit', '1000', '-flush_packets', '1', o.recordingPath]
      : [
          ...maps, ...cleanVideo, ...audio,
          '-f', 'mp4', '-movflags', '+frag_keyframe+empty_moov+default_base_moof', '-frag_duration', '1000000',
          o.recordingPath,
        ];
  return [...input, ...hls, ...recording];
}
