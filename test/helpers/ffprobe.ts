import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
}

/** ffprobe's view of a media file's streams. */
export async function probeStreams(file: string): Promise<ProbedStream[]> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,width,height', '-of', 'json', file]);
  return (JSON.parse(stdout) as { streams: ProbedStream[] }).streams;
}

/** Whether the first video frame of a file is a keyframe (HLS segments must start on one). */
export async function firstVideoFrameIsKeyframe(file: string): Promise<boolean> {
  const { stdout } = await run('ffprobe', [
    '-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=key_frame,pict_type', '-read_intervals', '%+#1', '-of', 'json', file,
  ]);
  const frames = (JSON.parse(stdout) as { frames: { key_frame: number; pict_type: string }[] }).frames;
  return frames[0]?.key_frame === 1;
}

/** Decodes a whole file; FFmpeg's error output (empty for a sound file). */
export async function decodeErrors(file: string): Promise<string> {
  const { stderr } = await run('ffmpeg', ['-v', 'error', '-i', file, '-fps_mode', 'passthrough', '-enc_time_base', '-1', '-f', 'null', '-'], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return stderr.trim();
}
