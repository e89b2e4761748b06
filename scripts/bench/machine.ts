import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { findFfmpeg } from '../../media/pipelines/findFfmpeg.js';
import { CHROMIUM_PATH } from '../../test/helpers/chromium.js';

/** The machine a benchmark ran on: its numbers mean little without it, least of all on shared cores. */
export interface MachineDescription {
  cpu_model: string;
  cores: number;
  memory_gb: number;
  os: string;
  node: string;
  ffmpeg: string;
  chromium: string;
  commit: string;
}

export function describeMachine(): MachineDescription {
  return {
    cpu_model: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memory_gb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    ffmpeg: firstLine(() => execFileSync(findFfmpeg(process.env['FFMPEG_PATH']), ['-version'], { encoding: 'utf8' })).replace(/ Copyright.*$/, ''),
    chromium: firstLine(() => execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' })),
    commit: firstLine(() => execFileSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8' })),
  };
}

/** The 1-, 5- and 15-minute load averages, rounded: how many processes wanted the cores meanwhile. */
export function loadAverage(): [number, number, number] {
  const [one, five, fifteen] = os.loadavg().map((value) => Math.round(value * 100) / 100);
  return [one!, five!, fifteen!];
}

function firstLine(read: () => string): string {
  try {
    return read().split('\n')[0]!.trim();
  } catch (error) {
    return `unavailable (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}
