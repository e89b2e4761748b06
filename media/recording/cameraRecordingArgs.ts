import { rtpInputArgs } from '../pipelines/rtpInputArgs.js';

/** How long a Matroska cluster may grow: a crash loses at most the cluster being written. */
export const CLUSTER_MS = 500;

export interface CameraRecordingArgsOptions {
  sdpPath: string;
  outputPath: string;
  hasAudio: boolean;
}

/**
 * FFmpeg arguments for one camera's ISO recording: RTP in, Matroska out with the camera's own video (copied, no
 * quality lost, about 1 % of a core) and its audio as AAC (so a clip can be stream-copied into MP4). Half-second
 * clusters written and flushed as they close: after a kill -9 the file plays up to the last one.
 */
export function buildCameraRecordingArgs(o: CameraRecordingArgsOptions): string[] {
  return [
    ...rtpInputArgs(o.sdpPath),
    '-map', '0:v:0', '-c:v', 'copy',
    ...(o.hasAudio ? ['-map', '0:a:0', '-af', 'aresample=async=1', '-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-ar', '48000'] : []),
    '-f', 'matroska', '-cluster_time_limit', String(CLUSTER_MS), '-flush_packets', '1',
    o.outputPath,
  ];
}
