import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { frameNumberOf } from './lavfiPublisher.js';

const run = promisify(execFile);

/** The counter numbers (see lavfiPublisher) of every frame of a recording, in decoding order. */
export async function counterFrames(file: string): Promise<number[]> {
  const { stdout } = await run(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-map', '0:v:0', '-vf', 'signalstats,metadata=print:file=-', '-f', 'null', '-'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const values = (key: string) => [...stdout.matchAll(new RegExp(`lavfi\\.signalstats\\.${key}=([\\d.]+)`, 'g'))].map((m) => Number(m[1]));
  const [y, u, v] = [values('YAVG'), values('UAVG'), values('VAVG')];
  return y.map((value, i) => frameNumberOf(value, u[i]!, v[i]!));
}

/** Pids of running processes whose command line contains every one of `needles` (e.g. an FFmpeg writing a file). */
export function pidsWithCommandLine(...needles: string[]): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue;
    }
    if (needles.every((needle) => commandLine.includes(needle))) pids.push(Number(entry));
  }
  return pids;
}
