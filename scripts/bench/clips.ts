/**
 * Benchmark: clip export speed, through the code the export jobs run (media/clips/exportClip.ts).
 *
 * Makes a 5.5-minute 1280x720 25 fps recording as the live pipeline writes them (H.264 at 2.5 Mbit/s with a keyframe
 * every 2 s, AAC, Matroska) from FFmpeg's lavfi sources in a temp directory, then exports
 *  - a 5-minute clip in fast mode (stream copy, cut on keyframes): seconds taken (target ≤ 2);
 *  - a 1-minute clip in exact mode (libx264 + AAC, frame-accurate): speed in × realtime (target ≥ 3 on two cores).
 * Prints one JSON line; diagnostics (the machine's load while measuring) go to stderr. Run: npm run bench:clips.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { exportClip } from '../../media/clips/exportClip.js';
import { findFfmpeg } from '../../media/pipelines/findFfmpeg.js';

const run = promisify(execFile);
const ffmpeg = findFfmpeg(process.env['FFMPEG_PATH']);
const dir = mkdtempSync(path.join(os.tmpdir(), 'oi-bench-clips-'));
const source = path.join(dir, 'camera.mkv');
const log = (message: string, extra: Record<string, unknown> = {}) => process.stderr.write(`${JSON.stringify({ message, ...extra })}\n`);

try {
  const madeAt = performance.now();
  await run(ffmpeg, [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-t', '330', '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '2500k', '-g', '50', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '128k', '-f', 'matroska', source,
  ]);
  log('source recording made', { seconds: 330, bytes: statSync(source).size, ms: Math.round(performance.now() - madeAt) });

  const base = { ffmpegPath: ffmpeg, frameRate: 25, width: 1280, height: 720 };
  const loadBefore = os.loadavg()[0];
  const fastStarted = performance.now();
  await exportClip({ ...base, mode: 'fast', pieces: [{ file: source, fromSeconds: 15, toSeconds: 315, hasAudio: true }], outputPath: path.join(dir, 'fast.mp4') });
  const fastSeconds = (performance.now() - fastStarted) / 1000;

  const exactStarted = performance.now();
  await exportClip({ ...base, mode: 'exact', pieces: [{ file: source, fromSeconds: 100.2, toSeconds: 160.2, hasAudio: true }], outputPath: path.join(dir, 'exact.mp4') });
  const exactSeconds = (performance.now() - exactStarted) / 1000;
  log('machine', { cores: os.availableParallelism(), loadavg1mBefore: loadBefore, loadavg1mAfter: os.loadavg()[0] });

  process.stdout.write(
    `${JSON.stringify({
      fast_5min_clip_seconds: Math.round(fastSeconds * 100) / 100,
      exact_1min_720p_speed_x_realtime: Math.round((60 / exactSeconds) * 100) / 100,
      targets: { fast_5min_clip_seconds: 2, exact_1min_720p_speed_x_realtime: 3 },
      cores: os.availableParallelism(),
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
