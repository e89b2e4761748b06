import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What a finished recording part or clip holds, as ffprobe reads it. */
export interface MediaInfo {
  /** Null when the container does not say (a Matroska file cut off by a crash). */
  durationSeconds: number | null;
  bytes: number;
  videoCodec: string | null;
  hasAudio: boolean;
  width: number | null;
  height: number | null;
  /** Frames per second of the video as the container declares it (r_frame_rate), or null. */
  frameRate: number | null;
}

/** ffprobe beside the FFmpeg binary in use (Debian installs both in /usr/bin), else on PATH. */
export function ffprobeFor(ffmpegPath: string): string {
  const beside = path.join(path.dirname(ffmpegPath), 'ffprobe');
  return existsSync(beside) ? beside : 'ffprobe';
}

interface ProbeJson {
  format?: { duration?: string; size?: string };
  streams?: { codec_type?: string; codec_name?: string; width?: number; height?: number; r_frame_rate?: string }[];
}

/** Reads a media file's streams and duration; throws when ffprobe cannot read it at all. */
export async function probeMedia(ffprobePath: string, file: string): Promise<MediaInfo> {
  const { stdout } = await run(ffprobePath, ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', file], {
    maxBuffer: 4 * 1024 * 1024,
  });
  const json = JSON.parse(stdout) as ProbeJson;
  const video = json.streams?.find((s) => s.codec_type === 'video');
  const duration = json.format?.duration === undefined ? NaN : Number(json.format.duration);
  return {
    durationSeconds: Number.isFinite(duration) ? duration : null,
    bytes: Number(json.format?.size ?? 0),
    videoCodec: video?.codec_name ?? null,
    hasAudio: json.streams?.some((s) => s.codec_type === 'audio') ?? false,
    width: video?.width ?? null,
    height: video?.height ?? null,
    frameRate: parseRate(video?.r_frame_rate),
  };
}

function parseRate(rate: string | undefined): number | null {
  if (!rate) return null;
  const [num, den] = rate.split('/').map(Number);
  if (!num || !den) return null;
  return num / den;
}
