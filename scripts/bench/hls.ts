/**
 * Benchmark: HLS files served by the server vs. nginx serving the same files, in the same run.
 *
 * Starts the real server (server/main.ts with its embedded PostgreSQL) as a child process in a temp directory on
 * loopback, creates an interview and puts it on air (so the drafts gate lets its files through, as for a real show),
 * and has FFmpeg write a real live-show HLS into its folder: 720p H.264 at ~2.5 Mbit/s with AAC, 2-second segments,
 * the size a camera's passthrough makes. Debian's nginx (one worker process, as the server is one Node process) serves
 * the same folder with the same content types and Cache-Control. autocannon (this process) then loads each with
 * --connections keep-alive connections for --seconds: the playlist on the server, on nginx, a segment on the server,
 * on nginx; each pair twice, alternating, keeping the better run of each (the machine is shared).
 *
 * Prints one JSON line:
 *   {"bench":"hls","segment_bytes":…,"playlist":{"server_rps":…,"nginx_rps":…,"ratio":…},
 *    "segment":{…the same},"ratio":<the lower of the two>,"target":0.5,"met":…,"load_average":[…],"machine":{…}}
 * with, for each file, server_mbit_s, nginx_mbit_s, server_cpu_us_per_request and nginx_cpu_us_per_request.
 * ratio = server requests/s ÷ nginx requests/s. CPU per request (user + system time of the server process, of nginx's
 * master and worker, from /proc) says what each costs even when other work shares the cores and skews requests/s. Diagnostics go to stderr. Exits 1 when a run had errors or non-200
 * answers, or the whole thing failed.
 * Run: npm run bench:hls -- --seconds 8 --connections 32
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import autocannon from 'autocannon';
import { findFfmpeg } from '../../media/pipelines/findFfmpeg.js';
import { freePort } from '../../test/helpers/freePort.js';
import { NginxProcess } from '../../test/helpers/NginxProcess.js';
import { makeTempDir, removeTempDir } from '../../test/helpers/tempDir.js';
import { describeMachine, loadAverage } from './machine.js';
import { ADMIN, HOST, startServer, stopServer, waitForHealth } from './serverProcess.js';

const { values: args } = parseArgs({
  options: { seconds: { type: 'string', default: '8' }, connections: { type: 'string', default: '32' } },
});
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
if (!(SECONDS >= 1) || !(CONNECTIONS >= 1)) throw new Error('--seconds and --connections must be numbers ≥ 1');

const TARGET = 0.5;
const run = promisify(execFile);

interface Measured {
  rps: number;
  mbitPerSecond: number;
  /** CPU time the serving processes spent per request: fair even when other work shares the cores. */
  cpuUsPerRequest: number;
}

async function main(): Promise<void> {
  const dataDir = makeTempDir('bench-hls');
  const [port, pgPort] = [await freePort(), await freePort()];
  const server = startServer(dataDir, port, pgPort);
  let nginx: NginxProcess | undefined;
  try {
    const base = `http://${HOST}:${port}`;
    await waitForHealth(base, server);
    const interviewId = await liveInterview(base);
    const hls = path.join(dataDir, 'interviews', interviewId, 'hls');
    await writeHls(hls);
    const segment = fs.readdirSync(hls).filter((file) => file.endsWith('.ts')).sort()[1]!;
    const segmentBytes = fs.statSync(path.join(hls, segment)).size;
    nginx = await NginxProcess.start({ site: ({ port: nginxPort }) => nginxSite(nginxPort, dataDir) });
    const files = { playlist: 'index.m3u8', segment };
    const results: Record<string, { server: Measured; nginx: Measured }> = {};
    for (const [kind, file] of Object.entries(files)) {
      const urlPath = `/media/interviews/${interviewId}/hls/${file}`;
      await checkSame(`${base}${urlPath}`, `${nginx.url}${urlPath}`);
      const none: Measured = { rps: 0, mbitPerSecond: 0, cpuUsPerRequest: Infinity };
      const best = { server: none, nginx: none };
      const pids = { server: () => [server.pid!], nginx: () => nginx!.processIds() };
      for (let round = 0; round < 2; round++) {
        for (const [who, origin] of [['server', base], ['nginx', nginx.url]] as const) {
          const measured = await load(`${origin}${urlPath}`, `${kind} from ${who}`, pids[who]());
          if (measured.rps > best[who].rps) best[who] = measured;
        }
      }
      results[kind] = best;
    }
    const summary = (kind: string) => {
      const { server: s, nginx: n } = results[kind]!;
      return {
        server_rps: Math.round(s.rps),
        nginx_rps: Math.round(n.rps),
        ratio: round2(s.rps / n.rps),
        server_mbit_s: Math.round(s.mbitPerSecond),
        nginx_mbit_s: Math.round(n.mbitPerSecond),
        server_cpu_us_per_request: Math.round(s.cpuUsPerRequest),
        nginx_cpu_us_per_request: Math.round(n.cpuUsPerRequest),
      };
    };
    const playlist = summary('playlist');
    const segmentSummary = summary('segment');
    const ratio = Math.min(playlist.ratio, segmentSummary.ratio);
    process.stdout.write(
      `${JSON.stringify({
        bench: 'hls',
        seconds: SECONDS,
        connections: CONNECTIONS,
        segment_bytes: segmentBytes,
        playlist,
        segment: segmentSummary,
        ratio,
        target: TARGET,
        met: ratio >= TARGET,
        load_average: loadAverage(),
        machine: describeMachine(),
      })}\n`,
    );
  } finally {
    await nginx?.close();
    await stopServer(server);
    removeTempDir(dataDir);
  }
}

/** One autocannon run; fails on errors, timeouts or any answer but 200. `pids`: the processes serving it. */
async function load(url: string, what: string, pids: number[]): Promise<Measured> {
  const cpuBefore = cpuSeconds(pids);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, pipelining: 1 });
  const cpu = cpuSeconds(pids) - cpuBefore;
  const bad = result.errors + result.timeouts + result.non2xx;
  if (bad > 0) throw new Error(`${what}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`);
  const measured = {
    rps: result.requests.average,
    mbitPerSecond: (result.throughput.average * 8) / 1e6,
    cpuUsPerRequest: (cpu * 1e6) / result.requests.total,
  };
  process.stderr.write(
    `${what}: ${Math.round(measured.rps)} req/s, ${Math.round(measured.mbitPerSecond)} Mbit/s, p99 ${result.latency.p99} ms, ` +
      `${Math.round(measured.cpuUsPerRequest)} µs CPU/request\n`,
  );
  return measured;
}

/** User + system CPU seconds of these processes so far (/proc/<pid>/stat, clock ticks of 1/100 s). */
function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

/** Both must answer the same bytes, type and Cache-Control, or the comparison would be of different work. */
async function checkSame(serverUrl: string, nginxUrl: string): Promise<void> {
  const [a, b] = await Promise.all([fetch(serverUrl), fetch(nginxUrl)]);
  const [bodyA, bodyB] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
  const headers = (r: Response) => [r.status, r.headers.get('content-type'), r.headers.get('cache-control')].join(' ');
  if (headers(a) !== headers(b) || !Buffer.from(bodyA).equals(Buffer.from(bodyB))) {
    throw new Error(`server and nginx differ for ${new URL(serverUrl).pathname}: ${headers(a)} (${bodyA.byteLength} B) vs ${headers(b)} (${bodyB.byteLength} B)`);
  }
}

/** nginx as an operator would put it on the media node: the files straight from the data directory. */
function nginxSite(port: number, dataDir: string): string {
  return `
server {
    listen ${HOST}:${port};
    sendfile on;
    tcp_nopush on;
    location ~ "^/media/interviews/([0-9a-f-]{36})/hls/([^/]+\\.m3u8)$" {
        alias ${dataDir}/interviews/$1/hls/$2;
        types { } default_type application/vnd.apple.mpegurl;
        add_header Cache-Control no-cache;
        add_header Access-Control-Allow-Origin *;
    }
    location ~ "^/media/interviews/([0-9a-f-]{36})/hls/([^/]+\\.ts)$" {
        alias ${dataDir}/interviews/$1/hls/$2;
        types { } default_type video/mp2t;
        add_header Cache-Control "public, max-age=86400";
        add_header Access-Control-Allow-Origin *;
    }
}
`;
}

/** 10 s of a live show as the media node writes it: 720p H.264 ~2.5 Mbit/s (noisy picture) + AAC, 2 s segments. */
async function writeHls(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  await run(findFfmpeg(process.env['FFMPEG_PATH']), [
    '-hide_banner', '-loglevel', 'error',
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30,noise=alls=12:allf=t',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-t', '10',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '2500k', '-maxrate', '2500k', '-bufsize', '2500k', '-g', '60',
    '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '96k',
    '-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'event', '-hls_flags', 'independent_segments+program_date_time',
    '-hls_segment_filename', path.join(dir, 'seg-%05d.ts'),
    path.join(dir, 'index.m3u8'),
  ]);
}

/** Creates an interview and moves it on air through the staff API, as the studio would. */
async function liveInterview(base: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const post = async (urlPath: string, body: unknown) => {
    const response = await fetch(`${base}${urlPath}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST ${urlPath}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  const { id } = await post('/api/interviews', { title: 'bench:hls', guests: [{ name: '嘉宾', position: '局长' }] });
  await post(`/api/interviews/${id}/status`, { status: 'scheduled' });
  await post(`/api/interviews/${id}/status`, { status: 'live' });
  return id;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:hls failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
