import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ffprobeFor } from '../recording/probeMedia.js';

const run = promisify(execFile);

/**
 * Added to the next run's offset so its first picture lands just after the playlist's last one, never on it: each
 * run's timestamps start within a few milliseconds of the same point (the MPEG-TS muxer's delay), and a gap of a
 * frame is harmless where an overlap would send timestamps backwards.
 */
const MARGIN_SECONDS = 0.04;

export interface PlaylistSegment {
  uri: string;
  duration: number;
}

/** The media segments of an HLS media playlist, in order. */
export function playlistSegments(text: string): PlaylistSegment[] {
  const segments: PlaylistSegment[] = [];
  let duration = 0;
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice('#EXTINF:'.length));
    else if (line !== '' && !line.startsWith('#')) segments.push({ uri: line, duration });
  }
  return segments;
}

/**
 * The -output_ts_offset for the next FFmpeg run so the playlist goes on as one timeline: the run that just stopped
 * began at `runStart` with offset `runOffset`, so FFmpeg's own start is runStart − runOffset; the next run starts
 * there too, and must come out at the playlist's end (the last segment's start plus its duration).
 */
export function continuationOffset(o: { runStart: number; runOffset: number; lastStart: number; lastDuration: number }): number {
  return o.lastStart + o.lastDuration - (o.runStart - o.runOffset) + MARGIN_SECONDS;
}

/**
 * Reads where the playlist's timeline ends (ffprobe on the segment files) and answers the offset for the next run,
 * given the index of the first segment the run that just stopped wrote and that run's offset. Undefined when that run
 * wrote no segment (nothing to continue from: the next run then starts behind a discontinuity).
 */
export async function nextRunOffset(ffmpegPath: string, playlistPath: string, runFirstSegment: number, runOffset: number): Promise<number | undefined> {
  const segments = playlistSegments(await readFile(playlistPath, 'utf8').catch(() => ''));
  const first = segments[runFirstSegment];
  const last = segments[segments.length - 1];
  if (!first || !last) return undefined;
  const dir = path.dirname(playlistPath);
  const ffprobe = ffprobeFor(ffmpegPath);
  const lastFile = path.join(dir, last.uri);
  const [runStart, lastStart, soundEnd] = await Promise.all([firstVideoTime(ffprobe, path.join(dir, first.uri)), firstVideoTime(ffprobe, lastFile), audioEnd(ffprobe, lastFile)]);
  if (runStart === undefined || lastStart === undefined) return undefined;
  // The sound may run on a little past the last picture: the next run starts after both.
  const lastDuration = Math.max(last.duration, (soundEnd ?? 0) - lastStart);
  return continuationOffset({ runStart, runOffset, lastStart, lastDuration });
}

/** The presentation time of a segment's first video packet, as the MPEG-TS carries it. */
async function firstVideoTime(ffprobe: string, file: string): Promise<number | undefined> {
  const { stdout } = await run(ffprobe, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time', '-read_intervals', '%+#1', '-of', 'csv=p=0', file]);
  const value = Number.parseFloat(stdout.trim().split('\n')[0] ?? '');
  return Number.isFinite(value) ? value : undefined;
}

/** Where a segment's sound ends (its last audio packet's time plus duration); undefined without sound. */
async function audioEnd(ffprobe: string, file: string): Promise<number | undefined> {
  const { stdout } = await run(ffprobe, ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'packet=pts_time,duration_time', '-of', 'csv=p=0', file]);
  const ends = stdout
    .trim()
    .split('\n')
    .map((line) => line.split(',').map(Number.parseFloat))
    .filter(([pts, duration]) => Number.isFinite(pts) && Number.isFinite(duration))
    .map(([pts, duration]) => pts! + duration!);
  return ends.length > 0 ? Math.max(...ends) : undefined;
}
