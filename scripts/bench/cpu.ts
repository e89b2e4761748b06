/**
 * Benchmark: CPU share of the media processes per camera passed through and per transcoded rendition.
 *
 * Starts the whole server on loopback (embedded PostgreSQL, one mediasoup worker, FFmpeg). --cameras (default 2)
 * studio components (<interview-studio>) in headless Chromium publish Chromium's fake 1280×720 camera over WHIP to
 * one interview. Two windows of --seconds each (default 60):
 *  1. passthrough: the program copies the on-air camera's H.264 into HLS; each camera has its ISO recorder;
 *  2. transcoded: the director's overlays are turned on (PUT /api/interviews/:id/overlays: lower third and 直播
 *     badge), so the program FFmpeg decodes, draws and encodes again (libx264) at the camera's resolution.
 * In each window, every process the server started is read from /proc/<pid>/stat (utime + stime) once a second;
 * a process's share = its CPU seconds ÷ wall seconds (100 % = one core). Processes are told apart by their command
 * line: mediasoup-worker; FFmpeg writing index.m3u8 (the program); FFmpeg writing Matroska only (a camera's ISO).
 * Chromium (the cameras) and PostgreSQL are not counted.
 *
 * A program that writes no HLS in window 2 is reported (transcoded.hls_seconds_per_second 0) but not taken as a
 * rendition's cost: per_transcoded_rendition_pct is then null and the bench exits 1.
 *
 * Per passthrough camera = its ISO recorder + the worker's share ÷ cameras (the program's copy is counted once per
 * show, as passthrough.program_pct). Per transcoded rendition = the program FFmpeg's share in window 2 ÷ the number
 * of libx264 outputs in its command line.
 *
 * Prints one JSON line; diagnostics on stderr. Run: npm run bench:cpu [-- --seconds 10 --cameras 1] (after npm run
 * build: the studio page loads dist/web).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../test/helpers/chromium.js';
import { startBenchServer } from './benchServer.js';
import { loadAverage } from './machine.js';

const { values: options } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, cameras: { type: 'string', default: '2' } },
});
const SECONDS = Number(options.seconds);
const CAMERAS = Number(options.cameras);
if (!(SECONDS > 0)) throw new Error(`--seconds must be a positive number, not ${options.seconds}`);
if (!Number.isInteger(CAMERAS) || CAMERAS < 1 || CAMERAS > 4) throw new Error(`--cameras must be 1 to 4, not ${options.cameras}`);
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const log = (message: string, extra: Record<string, unknown> = {}) => process.stderr.write(`${JSON.stringify({ message, ...extra })}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Role = 'worker' | 'program' | 'iso';

interface MediaProcess {
  pid: number;
  role: Role;
  /** libx264 outputs in its command line: the renditions it encodes. */
  encodes: number;
  ticks: number;
}

const server = await startBenchServer();
const browser = await launchChromium();

try {
  const base = server.app.url;
  const interview = await server.api<{ id: string }>('POST', '/api/interviews', { title: '基准测试：媒体 CPU' });
  const cameras: { id: string; whipUrl: string; token: string }[] = [];
  for (let i = 0; i < CAMERAS; i++) {
    cameras.push(await server.api('POST', `/api/interviews/${interview.id}/cameras`, { name: `机位 ${i + 1}` }));
  }
  const page = await browser.context.newPage();
  await page.goto(`${base}/demo`);
  await page.waitForFunction(() => customElements.get('interview-studio') !== undefined);
  await page.evaluate((all) => {
    document.body.innerHTML = '';
    for (const camera of all) {
      const studio = document.createElement('interview-studio');
      studio.setAttribute('whip-url', camera.whipUrl);
      studio.setAttribute('token', camera.token);
      document.body.append(studio);
    }
  }, cameras);
  await page.waitForFunction(
    (count) => [...document.querySelectorAll('interview-studio')].filter((s) => (s.shadowRoot?.querySelector('video')?.readyState ?? 0) >= 2).length === count,
    CAMERAS,
    { timeout: 30_000 },
  );
  for (let i = 0; i < CAMERAS; i++) await page.locator('interview-studio [part="publish"]').nth(i).click();

  const playlist = `${base}/media/interviews/${interview.id}/hls/index.m3u8`;
  await waitFor('the program and every camera ISO recorder', () => {
    const found = mediaProcesses();
    return found.some((p) => p.role === 'program') && found.filter((p) => p.role === 'iso').length >= CAMERAS;
  });
  await waitFor('the first HLS segment', async () => (await fetchText(playlist)).includes('#EXTINF'));
  await sleep(3000);
  const cameraStatus = (await server.api<{ cameras: { width: number | null; height: number | null; bitrateKbps: number | null }[] }>(
    'GET', `/api/interviews/${interview.id}/media-status`,
  )).cameras.map((c) => ({ width: c.width, height: c.height, kbps: c.bitrateKbps }));
  const passthrough = await measure('passthrough', playlist);

  const programBefore = mediaProcesses().find((p) => p.role === 'program')?.pid;
  await server.api('PUT', `/api/interviews/${interview.id}/overlays`, {
    lowerThird: { name: '王明', position: '县发展和改革局局长' },
    logo: false,
    liveBadge: true,
  });
  await waitFor('the program FFmpeg to restart with the overlays', () =>
    mediaProcesses().some((p) => p.role === 'program' && p.pid !== programBefore && p.encodes > 0), 90_000);
  const hlsBefore = hlsSeconds(await fetchText(playlist));
  await waitFor('the program to write HLS with the overlays', async () => hlsSeconds(await fetchText(playlist)) > hlsBefore, 90_000)
    .catch((error: unknown) => log('measuring anyway: the program writes no HLS with the overlays', { error: String(error) }));
  const measured = await measure('transcoded', playlist);
  // A program that wrote nothing was not transcoding: its CPU is reported, but not as a rendition's cost.
  const transcoded = measured.hlsRealtime > 0 ? measured : null;

  const iso = passthrough.byRole.iso;
  const renditions = Math.max(1, measured.encodes);
  const result = {
    cameras: CAMERAS,
    camera_pictures: cameraStatus,
    seconds: SECONDS,
    per_passthrough_camera_pct: round(average(iso) + sum(passthrough.byRole.worker) / CAMERAS),
    per_transcoded_rendition_pct: transcoded ? round(sum(transcoded.byRole.program) / renditions) : null,
    passthrough: {
      worker_pct: round(sum(passthrough.byRole.worker)),
      program_pct: round(sum(passthrough.byRole.program)),
      iso_recorder_pct: iso.map(round),
      hls_seconds_per_second: passthrough.hlsRealtime,
    },
    transcoded: {
      renditions,
      worker_pct: round(sum(measured.byRole.worker)),
      program_pct: round(sum(measured.byRole.program)),
      iso_recorder_pct: measured.byRole.iso.map(round),
      hls_seconds_per_second: measured.hlsRealtime,
    },
    program_restarts_while_measuring: passthrough.programRestarts + measured.programRestarts,
    load_average: { passthrough: passthrough.load, transcoded: measured.load },
    cores: os.availableParallelism(),
    clock_ticks: CLOCK_TICKS,
  };
  console.log(JSON.stringify(result));
  // No transcoded HLS is a failure of the run, reported with what was measured.
  if (!transcoded) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}

/**
 * CPU share (% of one core) of each role's processes over SECONDS. A process that starts meanwhile counts from 0 (it
 * is new); one that ends counts up to its last reading. hlsRealtime: seconds of HLS written per second; below 1 the
 * program could not keep up (on a busy machine: it did not get the CPU it needed, so its share is a lower bound).
 */
async function measure(window: string, playlist: string): Promise<{
  byRole: Record<Role, number[]>; encodes: number; programRestarts: number; load: number[]; hlsRealtime: number;
}> {
  const hlsBefore = hlsSeconds(await fetchText(playlist));
  const first = new Map(mediaProcesses().map((p) => [p.pid, p]));
  const baseline = new Map([...first].map(([pid, p]) => [pid, p.ticks]));
  const last = new Map(first);
  const loadStart = loadAverage();
  const started = performance.now();
  while (performance.now() - started < SECONDS * 1000) {
    await sleep(1000);
    for (const p of mediaProcesses()) {
      if (!baseline.has(p.pid)) baseline.set(p.pid, 0);
      last.set(p.pid, p);
    }
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const hlsRealtime = Math.round(((hlsSeconds(await fetchText(playlist)) - hlsBefore) / wallSeconds) * 100) / 100;
  const byRole: Record<Role, number[]> = { worker: [], program: [], iso: [] };
  let encodes = 0;
  for (const [pid, p] of last) {
    byRole[p.role].push((((p.ticks - baseline.get(pid)!) / CLOCK_TICKS) / wallSeconds) * 100);
    if (p.role === 'program') encodes = Math.max(encodes, p.encodes);
  }
  const programRestarts = [...last.values()].filter((p) => p.role === 'program').length - 1;
  const load = loadAverage();
  log(window, { wallSeconds: round(wallSeconds), byRole, programRestarts, hlsRealtime, loadStart, load });
  return { byRole, encodes, programRestarts, load: [loadStart[0], load[0]], hlsRealtime };
}

/** Seconds of media the playlist lists. */
function hlsSeconds(playlist: string): number {
  return [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].reduce((total, match) => total + Number(match[1]), 0);
}

/** Every running process descended from this one whose command line says it is a media process of the server. */
function mediaProcesses(): MediaProcess[] {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readOrNull(`/proc/${entry}/stat`);
    if (!stat) continue;
    // Fields after "pid (comm) ": state ppid … utime (14th of the line) stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parents.set(Number(entry), Number(fields[1]));
    ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
  }
  const descends = (pid: number): boolean => {
    for (let current = parents.get(pid); current !== undefined && current > 1; current = parents.get(current)) {
      if (current === process.pid) return true;
    }
    return false;
  };
  const found: MediaProcess[] = [];
  for (const [pid, tick] of ticks) {
    if (!descends(pid)) continue;
    const args = (readOrNull(`/proc/${pid}/cmdline`) ?? '').split('\0');
    const role = roleOf(args);
    if (role) found.push({ pid, role, ticks: tick, encodes: args.filter((arg) => arg === 'libx264').length });
  }
  return found;
}

function roleOf(args: string[]): Role | null {
  const program = args[0] ?? '';
  if (program.endsWith('mediasoup-worker')) return 'worker';
  if (!program.endsWith('ffmpeg')) return null;
  if (args.some((arg) => arg.endsWith('index.m3u8'))) return 'program';
  if (args.includes('matroska')) return 'iso';
  return null;
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null; // the process ended between listing and reading
  }
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url).catch(() => null);
  return response?.ok ? response.text() : '';
}

async function waitFor(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(250);
  }
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function average(values: number[]): number {
  return values.length ? sum(values) / values.length : 0;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
