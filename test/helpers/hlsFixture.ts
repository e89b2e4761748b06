import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Real HLS written by FFmpeg where the server looks for an interview's program (<dataDir>/interviews/<id>/hls), for
 * tests of the players that need no camera: a colour test picture with a tone, H.264 + AAC as the media node writes.
 */
const SOURCE = ['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'];
const ENCODE = ['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-g', '25', '-keyint_min', '25', '-sc_threshold', '0', '-c:a', 'aac', '-b:a', '64k'];

export function hlsDir(dataDir: string, interviewId: string): string {
  return path.join(dataDir, 'interviews', interviewId, 'hls');
}

/** A closed (VOD) playlist of `seconds`, as a show leaves behind once it ended. */
export async function writeRecordedHls(dataDir: string, interviewId: string, seconds: number): Promise<void> {
  const dir = hlsDir(dataDir, interviewId);
  mkdirSync(dir, { recursive: true });
  await run([
    ...SOURCE,
    '-t', String(seconds),
    ...ENCODE,
    '-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'vod',
    '-hls_segment_filename', path.join(dir, 'seg%03d.ts'),
    path.join(dir, 'index.m3u8'),
  ]);
}

export interface LiveHls {
  stop(): Promise<void>;
}

/** A live playlist written in real time (1 s segments, a sliding window of 6), until stop(). */
export async function startLiveHls(dataDir: string, interviewId: string): Promise<LiveHls> {
  const dir = hlsDir(dataDir, interviewId);
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'ffmpeg',
    [
      '-hide_banner', '-loglevel', 'error', '-re',
      ...SOURCE,
      ...ENCODE,
      '-f', 'hls', '-hls_time', '1', '-hls_list_size', '6', '-hls_flags', 'delete_segments+omit_endlist',
      '-hls_segment_filename', path.join(dir, 'live%05d.ts'),
      path.join(dir, 'index.m3u8'),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const playlist = path.join(dir, 'index.m3u8');
  const deadline = Date.now() + 20_000;
  // Ready once three segments are listed: enough for a player to start.
  while (!(existsSync(playlist) && readFileSync(playlist, 'utf8').split('\n').filter((l) => l.endsWith('.ts')).length >= 3)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`live HLS did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}: ${stderr}`))));
  });
}
