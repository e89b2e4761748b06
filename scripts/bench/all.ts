/**
 * `npm run bench`: runs every `bench:*` script of package.json, one after the other, and writes
 * bench-results/latest.json (every JSON line each bench printed, its exit status, time taken, the load average before
 * and after it, and the machine) and bench-results/latest.md (a short table with each target met or missed).
 *
 * A bench the issues ask for that package.json lacks is reported as missing; one that exits non-zero, prints no JSON
 * line or runs past the time limit is reported as failed with the end of its stderr. Nothing is left out quietly.
 *
 * Options:
 *   --only a,b        run only these benches (names without "bench:"); the others keep their entries from the
 *                     previous latest.json, each with its own date, so a busy machine can be measured bench by bench
 *   --skip a,b        run all but these (same keeping)
 *   --timeout-min N   per bench (default 20)
 * bench:chat runs with --viewers 10000, the scale its target is set at.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine, loadAverage, type MachineDescription } from './machine.js';
import { judge, type Verdict } from './targets.js';

/** Every bench an issue asks for, so one missing from package.json is reported rather than silently absent. */
const EXPECTED = ['ingest', 'chat', 'clips', 'crash', 'transcript', 'hls', 'latency', 'cpu'];
const ARGS: Record<string, string[]> = { chat: ['--viewers', '10000'] };
const STDERR_TAIL_LINES = 30;

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT_DIR = path.join(REPO, 'bench-results');

type Status = 'ok' | 'failed' | 'timeout' | 'missing';

interface BenchEntry {
  name: string;
  status: Status;
  command: string | null;
  date: string;
  exit_code: number | null;
  seconds: number;
  load_average_before: [number, number, number];
  load_average_after: [number, number, number];
  results: Record<string, unknown>[];
  verdicts: Verdict[];
  stderr_tail: string[];
}

interface Report {
  date: string;
  machine: MachineDescription;
  benches: BenchEntry[];
}

const { values: options } = parseArgs({
  options: {
    only: { type: 'string' },
    skip: { type: 'string' },
    'timeout-min': { type: 'string', default: '20' },
  },
});
const list = (text: string | undefined) => new Set((text ?? '').split(',').map((name) => name.trim()).filter(Boolean));
const only = list(options.only);
const skip = list(options.skip);
const timeoutMs = Number(options['timeout-min']) * 60_000;
if (!(timeoutMs > 0)) throw new Error('--timeout-min must be a positive number of minutes');

const scripts = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const defined = Object.keys(scripts).filter((name) => name.startsWith('bench:')).map((name) => name.slice('bench:'.length));
const names = [...new Set([...EXPECTED, ...defined])];
const selected = names.filter((name) => (only.size === 0 || only.has(name)) && !skip.has(name));
for (const name of only) if (!names.includes(name)) throw new Error(`--only ${name}: no bench:${name} in package.json and none expected`);

const previous = readPrevious();
const entries = new Map<string, BenchEntry>(previous.map((entry) => [entry.name, entry]));
const machine = describeMachine();
process.stderr.write(`machine: ${JSON.stringify(machine)}\n`);

for (const name of selected) {
  const entry = defined.includes(name) ? await runBench(name) : missing(name);
  entries.set(name, entry);
  process.stderr.write(`bench:${name}: ${entry.status} in ${entry.seconds} s, load ${entry.load_average_before.join(' ')} → ${entry.load_average_after.join(' ')}\n`);
  write({ date: new Date().toISOString(), machine, benches: ordered(entries) });
}
const report: Report = { date: new Date().toISOString(), machine, benches: ordered(entries) };
write(report);
process.stderr.write(`wrote ${path.relative(REPO, path.join(OUT_DIR, 'latest.json'))} and latest.md\n`);
process.exitCode = selected.every((name) => entries.get(name)?.status === 'ok') ? 0 : 1;

function runBench(name: string): Promise<BenchEntry> {
  const args = ['run', '--silent', `bench:${name}`, ...(ARGS[name] ? ['--', ...ARGS[name]] : [])];
  const date = new Date().toISOString();
  const loadBefore = loadAverage();
  const started = performance.now();
  process.stderr.write(`bench:${name}: npm ${args.join(' ')}\n`);
  return new Promise((resolve) => {
    // Its own process group, so a timeout ends the bench together with the server, FFmpeg and Chromium it started.
    const child = spawn('npm', args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    const stderr: string[] = [];
    let partial = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      stderr.push(...lines);
      if (stderr.length > STDERR_TAIL_LINES * 4) stderr.splice(0, stderr.length - STDERR_TAIL_LINES);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch (error) {
        process.stderr.write(`bench:${name}: could not kill its process group: ${String(error)}\n`);
      }
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (partial) stderr.push(partial);
      const results = jsonLines(stdout);
      const status: Status = timedOut ? 'timeout' : code === 0 && results.length > 0 ? 'ok' : 'failed';
      if (code === 0 && results.length === 0) stderr.push('(the bench exited 0 but printed no JSON line)');
      resolve({
        name,
        status,
        command: `npm ${args.join(' ')}`,
        date,
        exit_code: code,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        load_average_before: loadBefore,
        load_average_after: loadAverage(),
        results,
        verdicts: judge(name, results),
        stderr_tail: status === 'ok' ? [] : stderr.slice(-STDERR_TAIL_LINES),
      });
    });
  });
}

function missing(name: string): BenchEntry {
  const load = loadAverage();
  return {
    name, status: 'missing', command: null, date: new Date().toISOString(), exit_code: null, seconds: 0,
    load_average_before: load, load_average_after: load, results: [], verdicts: judge(name, []),
    stderr_tail: [`package.json has no bench:${name} script`],
  };
}

function jsonLines(stdout: string): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  for (const line of stdout.split('\n')) {
    const text = line.trim();
    if (!text.startsWith('{')) continue;
    try {
      lines.push(JSON.parse(text) as Record<string, unknown>);
    } catch {
      // Not a result line (a bench may log other text to stdout); the bench is judged on the lines that parse.
    }
  }
  return lines;
}

function readPrevious(): BenchEntry[] {
  const file = path.join(OUT_DIR, 'latest.json');
  if ((only.size === 0 && skip.size === 0) || !existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as Report).benches;
}

function ordered(all: Map<string, BenchEntry>): BenchEntry[] {
  return names.filter((name) => all.has(name)).map((name) => all.get(name)!);
}

function write(data: Report): void {
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'latest.json'), `${JSON.stringify(data, null, 2)}\n`);
  writeFileSync(path.join(OUT_DIR, 'latest.md'), markdown(data));
}

function markdown(data: Report): string {
  const m = data.machine;
  const rows: string[] = [];
  for (const entry of data.benches) {
    const when = `${entry.date.slice(0, 16).replace('T', ' ')} UTC`;
    const load = `${entry.load_average_before[0]} → ${entry.load_average_after[0]}`;
    const status = entry.status === 'ok' ? 'ok' : `**${entry.status}**`;
    const judged = entry.verdicts.filter((verdict) => verdict.value !== null || entry.status === 'ok');
    if (entry.status !== 'ok' || judged.length === 0) {
      const result = entry.status === 'ok' ? summary(entry.results) : (entry.stderr_tail.at(-1) ?? '').slice(0, 120);
      rows.push(`| ${entry.name} | ${status} | — | ${escape(result)} | — | — | ${load} | ${when} |`);
      continue;
    }
    for (const verdict of judged) {
      const met = verdict.met === null ? 'not measured' : verdict.met ? 'met' : '**missed**';
      rows.push(`| ${entry.name} | ${status} | ${verdict.measure} | ${verdict.value === null ? '—' : `${verdict.value}${verdict.unit ? ` ${verdict.unit}` : ''}`} | ${verdict.target} | ${met} | ${load} | ${when} |`);
    }
  }
  return [
    '# Benchmarks: latest run',
    '',
    `Written by \`npm run bench\` on ${data.date.slice(0, 16).replace('T', ' ')} UTC (full lines in latest.json; method and`,
    'history in [docs/performance.md](../docs/performance.md)).',
    '',
    `Machine: ${m.cpu_model}, ${m.cores} cores, ${m.memory_gb} GB, ${m.os}; Node ${m.node}; ${m.ffmpeg}; ${m.chromium}; commit ${m.commit}.`,
    'Load is the 1-minute load average before → after each bench: above the core count, other work shared the cores.',
    '',
    '| bench | status | measure | result | target | met | load (1 min) | date |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** A bench without a target: its numbers in short, `key value` pairs. */
function summary(results: Record<string, unknown>[]): string {
  const pairs: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'number') pairs.push(`${prefix} ${value}`);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, prefix ? `${prefix}.${key}` : key);
    }
  };
  for (const line of results) walk(line, '');
  const text = pairs.join(', ');
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}

function escape(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
