import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SegmentTiming {
  name: string;
  /** The playlist's EXTINF. */
  duration: number;
  /** First video packet's presentation time (s), as the MPEG-TS carries it. */
  videoStart: number;
  /** Whether the segment follows an EXT-X-DISCONTINUITY. */
  discontinuity: boolean;
}

/** Each segment of an HLS playlist with its listed duration and the start time ffprobe reads from it. */
export async function segmentTimings(playlistPath: string): Promise<SegmentTiming[]> {
  const lines = readFileSync(playlistPath, 'utf8').split('\n');
  const timings: SegmentTiming[] = [];
  let duration = 0;
  let discontinuity = false;
  for (const line of lines) {
    if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8));
    else if (line.startsWith('#EXT-X-DISCONTINUITY')) discontinuity = true;
    else if (line.endsWith('.ts')) {
      const file = path.join(path.dirname(playlistPath), line);
      const { stdout } = await run('ffprobe', [
        '-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time', '-read_intervals', '%+#1', '-of', 'csv=p=0', file,
      ]);
      timings.push({ name: line, duration, videoStart: Number.parseFloat(stdout.trim()), discontinuity });
      discontinuity = false;
    }
  }
  return timings;
}

/**
 * Where the timeline jumps: a segment that does not start where the one before ended (± tolerance), listed as
 * "seg-00003.ts starts 12.100 s, expected 10.000 s". Empty for a continuous playlist.
 */
export function timelineBreaks(timings: SegmentTiming[], toleranceSeconds = 0.15): string[] {
  const breaks: string[] = [];
  for (let i = 1; i < timings.length; i++) {
    const expected = timings[i - 1]!.videoStart + timings[i - 1]!.duration;
    if (Math.abs(timings[i]!.videoStart - expected) > toleranceSeconds) {
      breaks.push(`${timings[i]!.name} starts ${timings[i]!.videoStart.toFixed(3)} s, expected ${expected.toFixed(3)} s`);
    }
  }
  return breaks;
}
