/**
 * Benchmark: a moderator approves a question → every viewer's socket shows it.
 *
 * Starts the real server (server/main.ts with its embedded PostgreSQL) as a child process in a temp directory, on
 * loopback only. Netizens ask --items questions (each from its own device token), then --viewers viewer sockets open
 * on the interview in batches and say hello from the current seq until each has had `qa-synced`. The questions are
 * then approved one at a time through the staff API; each approval waits until every viewer has it (or its arrivals
 * stall for 1 s) before the next, since a moderator screens one question at a time and overlapping fan-outs would
 * measure queueing behind the previous approval rather than the delivery of one. After the last approval the viewers
 * drain for 10 s.
 *
 * delivery = when a viewer's socket received the `qa` message with the question approved − when the approval request
 * was sent (one clock: both happen in this process). Lost = a viewer never received it; duplicated = a viewer got the
 * same seq twice. Prints one JSON line:
 *   {"viewers":N,"items":M,"delivery_ms":{"min":…,"median":…,"p99":…,"max":…},
 *    "messages":{"expected":…,"received":…,"lost":…,"duplicated":…},"server_peak_rss_mb":…}
 * (peak RSS = VmHWM of the server's Node process; PostgreSQL and mediasoup run in processes of their own).
 * Diagnostics go to stderr. Exits 1 when anything was lost or duplicated, or the run failed or took over 5 minutes.
 * Run: npm run bench:chat -- --viewers 10000 --items 100
 */
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RawViewerSocket } from './RawViewerSocket.js';
import { ADMIN, HOST, startServer, stopServer, waitForHealth } from './serverProcess.js';

const { values: args } = parseArgs({
  options: { viewers: { type: 'string', default: '5000' }, items: { type: 'string', default: '100' } },
});
const VIEWERS = wholeNumber('--viewers', args.viewers);
const ITEMS = wholeNumber('--items', args.items);

const OVERALL_TIMEOUT_MS = 5 * 60_000;
/** Sockets opened at once: the server's listen backlog (511 in Node) would drop SYNs from a bigger burst. */
const CONNECT_BATCH = 500;
/** The next approval goes out once no viewer has received the current one for this long (some never will). */
const ITEM_STALL_MS = 1_000;
const DRAIN_MS = 10_000;
/** Descriptors each process needs beside the sockets: PostgreSQL pool, pipes, files, the runtime's own. */
const FD_HEADROOM = 1_024;

/** What every viewer received, per approved question: first arrival per socket, and repeated seqs. */
class DeliveryTracker {
  readonly #itemOf: Map<string, number>;
  /** sentAt[item]: performance.now() when its approval request was sent. */
  readonly sentAt: number[];
  /** performance.now() of the latest first arrival of each item at any viewer, NaN until one. */
  readonly #lastArrival: number[];
  /** arrivals[item][viewer]: performance.now() of the first arrival, NaN until then. */
  readonly arrivals: Float64Array[];
  readonly received: Uint32Array;
  duplicated = 0;
  synced = 0;

  constructor(questionIds: readonly string[], viewers: number) {
    this.#itemOf = new Map(questionIds.map((id, item) => [id, item]));
    this.sentAt = questionIds.map(() => NaN);
    this.#lastArrival = questionIds.map(() => NaN);
    this.arrivals = questionIds.map(() => new Float64Array(viewers).fill(NaN));
    this.received = new Uint32Array(questionIds.length);
  }

  /** The question's approved view arrived at a viewer. */
  approved(questionId: string, viewer: number, at: number): void {
    const item = this.#itemOf.get(questionId);
    if (item === undefined || !Number.isNaN(this.arrivals[item]![viewer])) return;
    this.arrivals[item]![viewer] = at;
    this.#lastArrival[item] = at;
    this.received[item]!++;
  }

  /** Every viewer has the item, or none has received it for ITEM_STALL_MS (since its send, if nobody has yet). */
  settled(item: number, now: number): boolean {
    if (this.received[item] === this.arrivals[item]!.length) return true;
    const last = this.#lastArrival[item]!;
    return now - (Number.isNaN(last) ? this.sentAt[item]! : last) > ITEM_STALL_MS;
  }

  /** Every delivery time, in ms from its approval's send. */
  deliveries(): Float64Array {
    const all = new Float64Array(this.received.reduce((sum, n) => sum + n, 0));
    let next = 0;
    for (const [item, arrivals] of this.arrivals.entries()) {
      for (const at of arrivals) if (!Number.isNaN(at)) all[next++] = at - this.sentAt[item]!;
    }
    return all.sort();
  }
}

async function runBenchmark(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oi-bench-chat-'));
  const agent = new http.Agent({ keepAlive: true });
  const viewers: Viewer[] = [];
  let server: ChildProcess | undefined;
  let peakRssKb = 0;
  let rssSampler: NodeJS.Timeout | undefined;

  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      clearInterval(rssSampler);
      for (const viewer of viewers) viewer.ws.terminate();
      agent.destroy();
      if (server) await stopServer(server);
      rmSync(dataDir, { recursive: true, force: true });
    })());
  const abort = (reason: string) => {
    process.stderr.write(`${reason}: cleaning up\n`);
    void cleanup().finally(() => process.exit(1));
  };
  const watchdog = setTimeout(() => abort(`not finished after ${OVERALL_TIMEOUT_MS / 1000} s`), OVERALL_TIMEOUT_MS);
  process.once('SIGINT', () => abort('interrupted'));
  process.once('SIGTERM', () => abort('terminated'));
  // A throw in a socket's handler would otherwise end this process and leave the server and its database running.
  process.once('uncaughtException', (error) => abort(`uncaught: ${error.stack ?? error.message}`));

  let result: ReturnType<typeof summarise> | undefined;
  try {
    const [port, pgPort] = await freePorts(2);
    const base = `http://${HOST}:${port}`;
    // Every question comes from this one address.
    const started = startServer(dataDir, port!, pgPort!, { OI_QUESTIONS_PER_IP_PER_HOUR: String(Math.max(30, ITEMS)) });
    server = started;
    // VmHWM is the kernel's own high-water mark; sampling it keeps the last value after the process has gone.
    rssSampler = setInterval(() => (peakRssKb = Math.max(peakRssKb, vmHwmKb(started.pid!))), 200);
    await waitForHealth(base, started);
    log(`server up (pid ${started.pid}, port ${port}); load average ${os.loadavg().map(round).join(' ')}`);

    const api = apiClient(base, agent);
    const cookie = await api.login();
    const interview = await api.json<{ id: string }>('POST', '/api/interviews', {
      cookie,
      body: { title: '图文直播基准测试' },
    });
    const questionIds = await askQuestions(api, interview.id);
    const { seq } = await api.json<{ seq: number }>('GET', `/api/public/interviews/${interview.id}/qa`);
    log(`${questionIds.length} questions asked; qa seq ${seq}`);

    const tracker = new DeliveryTracker(questionIds, VIEWERS);
    const url = `ws://${HOST}:${port}/api/public/interviews/${interview.id}/events`;
    let t = performance.now();
    for (let first = 0; first < VIEWERS; first += CONNECT_BATCH) {
      const batch = [];
      for (let i = first; i < Math.min(first + CONNECT_BATCH, VIEWERS); i++) {
        const viewer = openViewer(url, i, seq, tracker);
        viewers.push(viewer);
        batch.push(viewer.opened);
      }
      await Promise.all(batch);
    }
    log(`${VIEWERS} sockets open in ${ms(performance.now() - t)} ms`);
    t = performance.now();
    await waitUntil(() => tracker.synced === VIEWERS, 60_000, () => `${tracker.synced}/${VIEWERS} viewers synced`);
    log(`all synced in ${ms(performance.now() - t)} ms`);

    // Both processes share this machine's cores: what the viewers' side costs is time the server does not get.
    const cpuBefore = { server: cpuTimeMs(started.pid!), viewers: cpuTimeMs(process.pid) };
    const approvalMs: number[] = [];
    for (const [item, questionId] of questionIds.entries()) {
      const sentAt = performance.now();
      tracker.sentAt[item] = sentAt;
      await api.json('POST', `/api/interviews/${interview.id}/questions/${questionId}/actions`, {
        cookie,
        body: { action: 'approve' },
      });
      approvalMs.push(performance.now() - sentAt);
      await waitUntil(() => tracker.settled(item, performance.now()), OVERALL_TIMEOUT_MS);
    }
    const approvalCpu = {
      server: cpuSince(cpuBefore.server, cpuTimeMs(started.pid!)),
      viewers: cpuSince(cpuBefore.viewers, cpuTimeMs(process.pid)),
    };
    log(`approvals sent; draining ${DRAIN_MS / 1000} s`);
    await sleep(DRAIN_MS);

    result = summarise(tracker, peakRssKb);
    logDiagnostics(tracker, approvalMs, approvalCpu, viewers);
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`benchmark failed: ${detail}\n`);
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
  if (!result) process.exit(1);
  console.log(JSON.stringify(result));
  process.exit(result.messages.lost > 0 || result.messages.duplicated > 0 ? 1 : 0);
}

interface Viewer {
  ws: RawViewerSocket;
  /** Settles when the socket is open (hello sent) or fails to open. */
  opened: Promise<void>;
  closedEarly: { code: number; reason: string } | null;
}

// The server's messages this benchmark reads (docs/qa.md, "Realtime"), recognised by their bytes rather than parsed:
// JSON.parse of every message cost the viewers more CPU than the server spent sending it. An approved question is
// `{"type":"qa","seq":N,"event":"question",…,"item":{"id":"<uuid>",…,"status":"approved",…}}`.
const QA_PREFIX = Buffer.from('{"type":"qa","seq":');
const SYNCED_PREFIX = Buffer.from('{"type":"qa-synced"');
const QUESTION_EVENT = Buffer.from('"event":"question"');
const ITEM_ID = Buffer.from('"item":{"id":"');
const APPROVED = Buffer.from('"status":"approved"');
const UUID_LENGTH = 36;

function openViewer(url: string, index: number, since: number, tracker: DeliveryTracker): Viewer {
  const seqs = new Set<number>();
  let synced = false;
  const found = (data: Buffer, needle: Buffer, from: number, end: number) => {
    const at = data.indexOf(needle, from);
    return at >= 0 && at + needle.length <= end ? at : -1;
  };
  const ws = new RawViewerSocket(url, {
    text(data, start, end, at) {
      if (data.compare(QA_PREFIX, 0, QA_PREFIX.length, start, start + QA_PREFIX.length) === 0) {
        let seq = 0;
        let i = start + QA_PREFIX.length;
        for (; data[i]! >= 0x30 && data[i]! <= 0x39; i++) seq = seq * 10 + data[i]! - 0x30;
        if (seqs.has(seq)) {
          tracker.duplicated++;
          return;
        }
        seqs.add(seq);
        if (found(data, QUESTION_EVENT, i, end) < 0 || found(data, APPROVED, i, end) < 0) return;
        const id = found(data, ITEM_ID, i, end);
        if (id >= 0) tracker.approved(data.toString('latin1', id + ITEM_ID.length, id + ITEM_ID.length + UUID_LENGTH), index, at);
      } else if (!synced && data.compare(SYNCED_PREFIX, 0, SYNCED_PREFIX.length, start, start + SYNCED_PREFIX.length) === 0) {
        synced = true;
        tracker.synced++;
      }
    },
    closed: (code, reason) => (viewer.closedEarly ??= { code, reason }),
  });
  const viewer: Viewer = {
    ws,
    closedEarly: null,
    opened: ws.opened.then(
      () => ws.send(JSON.stringify({ type: 'hello', since })),
      (error: Error) => {
        throw new Error(`viewer ${index}: ${error.message}`);
      },
    ),
  };
  return viewer;
}

/** Asks ITEMS questions, each from a new device token (the server is started with a per-IP limit above ITEMS). */
async function askQuestions(api: ApiClient, interviewId: string): Promise<string[]> {
  const ids: string[] = [];
  while (ids.length < ITEMS) {
    const reply = await api.request('POST', `/api/public/interviews/${interviewId}/questions`, {
      headers: { 'X-Device-Token': crypto.randomBytes(32).toString('base64url') },
      body: {
        nickname: `网友${ids.length + 1}`,
        body: `第 ${ids.length + 1} 个问题：请介绍一下这项政策的具体办理流程。`,
      },
    });
    if (reply.status !== 201) throw new Error(`asking a question: ${reply.status} ${reply.body}`);
    const question = JSON.parse(reply.body) as { id: string; status: string };
    if (question.status !== 'pending') {
      throw new Error(`question ${question.id} is ${question.status}, expected pending (review is on by default)`);
    }
    ids.push(question.id);
  }
  return ids;
}

function summarise(tracker: DeliveryTracker, peakRssKb: number) {
  const deliveries = tracker.deliveries();
  const expected = VIEWERS * ITEMS;
  const received = deliveries.length;
  // Nearest rank: the smallest delivery time at least a fraction q of all deliveries do not exceed.
  const at = (q: number) => (received === 0 ? null : round(deliveries[Math.max(0, Math.ceil(q * received) - 1)]!));
  return {
    viewers: VIEWERS,
    items: ITEMS,
    delivery_ms: { min: at(0), median: at(0.5), p99: at(0.99), max: at(1) },
    messages: { expected, received, lost: expected - received, duplicated: tracker.duplicated },
    server_peak_rss_mb: Math.round(peakRssKb / 1024),
  };
}

/**
 * Where the time goes, per item: send → first viewer (HTTP, transaction, NOTIFY, the server's first send) and
 * first → last viewer (the fan-out to every socket, and this process reading them), and the server's CPU time.
 */
function logDiagnostics(
  tracker: DeliveryTracker,
  approvalMs: number[],
  cpu: { server: CpuTime; viewers: CpuTime },
  viewers: Viewer[],
): void {
  const firstMs: number[] = [];
  const spreadMs: number[] = [];
  for (const [item, arrivals] of tracker.arrivals.entries()) {
    let first = Infinity;
    let last = -Infinity;
    for (const at of arrivals) {
      if (Number.isNaN(at)) continue;
      first = Math.min(first, at);
      last = Math.max(last, at);
    }
    if (first === Infinity) continue;
    firstMs.push(first - tracker.sentAt[item]!);
    spreadMs.push(last - first);
  }
  log(`approval (send → HTTP answer) ms: median ${round(median(approvalMs))}, max ${round(Math.max(...approvalMs))}`);
  log(`send → first viewer ms: median ${round(median(firstMs))}, max ${round(Math.max(...firstMs))}`);
  log(`first → last viewer ms: median ${round(median(spreadMs))}, max ${round(Math.max(...spreadMs))}`);
  for (const [side, time] of Object.entries(cpu)) {
    const perViewerUs = ((time.user + time.system) * 1000) / ITEMS / VIEWERS;
    log(
      `${side} CPU during the approvals, per item: ${round(time.user / ITEMS)} ms user + ` +
        `${round(time.system / ITEMS)} ms system (${round(perViewerUs)} µs per viewer)`,
    );
  }
  log(`load average at the end: ${os.loadavg().map(round).join(' ')} (other work on this machine skews the times)`);
  const closed = viewers.filter((viewer) => viewer.closedEarly !== null);
  if (closed.length > 0) {
    log(`${closed.length} sockets closed before the end, e.g. ${JSON.stringify(closed[0]!.closedEarly)}`);
  }
  for (const [item, count] of tracker.received.entries()) {
    if (count !== VIEWERS) log(`item ${item + 1}: received by ${count}/${VIEWERS}`);
  }
}

interface ApiReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface RequestOptions {
  cookie?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

type ApiClient = ReturnType<typeof apiClient>;

/** node:http with a keep-alive agent: the approvals reuse one connection. */
function apiClient(base: string, agent: http.Agent) {
  const request = (method: string, pathname: string, options: RequestOptions = {}) =>
    new Promise<ApiReply>((resolve, reject) => {
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      const req = http.request(
        `${base}${pathname}`,
        {
          method,
          agent,
          headers: {
            ...options.headers,
            ...(options.cookie === undefined ? {} : { Cookie: options.cookie }),
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          timeout: 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${pathname}: no answer within 30 s`)));
      req.on('error', reject);
      req.end(body);
    });

  const json = async <T>(method: string, pathname: string, options: RequestOptions = {}): Promise<T> => {
    const reply = await request(method, pathname, options);
    if (reply.status < 200 || reply.status >= 300) {
      throw new Error(`${method} ${pathname}: ${reply.status} ${reply.body}`);
    }
    return JSON.parse(reply.body) as T;
  };

  const login = async (): Promise<string> => {
    const reply = await request('POST', '/api/auth/login', { body: ADMIN });
    if (reply.status !== 200) throw new Error(`login failed: ${reply.status} ${reply.body}`);
    return (reply.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]).join('; ');
  };

  return { request, json, login };
}

/** Ports free on loopback now (held together while choosing, so they differ). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<net.Server>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, HOST, () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** The hard limit on open files, which this process's children (the server) inherit. */
function hardOpenFileLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
  // "Max open files            <soft>               <hard>               files"
  const hard = line?.split(/\s{2,}/)[2];
  if (hard === 'unlimited') return Infinity;
  if (hard === undefined || Number.isNaN(Number(hard))) {
    throw new Error('cannot read the open-file limit from /proc/self/limits');
  }
  return Number(hard);
}

function vmHwmKb(pid: number): number {
  try {
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0; // the process is gone: the sampled peak stands
  }
}

/** CPU time in ms, in a process's own code (user) and in the kernel on its behalf (system: socket reads and writes). */
interface CpuTime {
  user: number;
  system: number;
}

/** A process's CPU time so far. */
function cpuTimeMs(pid: number): CpuTime {
  // After the command name (which may hold spaces, hence from the last ")"), utime and stime are the 12th and 13th
  // fields, in clock ticks of 1/100 s (USER_HZ on Linux).
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
}

function cpuSince(before: CpuTime, after: CpuTime): CpuTime {
  return { user: after.user - before.user, system: after.system - before.system };
}

async function waitUntil(done: () => boolean, timeoutMs: number, describe?: () => string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms${describe ? `: ${describe()}` : ''}`);
    }
    await sleep(5);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function wholeNumber(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`${name} must be a whole number from 1, not ${value}\n`);
    process.exit(1);
  }
  return n;
}

function sleep(msToWait: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, msToWait));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function ms(n: number): number {
  return Math.round(n);
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

// Last, so that every class and module-level binding above is initialised before the run uses it.
// Node raises its own soft limit on open files to the hard limit as it starts (this process and the server alike), so
// only the hard limit can stand in the way.
const fdsNeeded = VIEWERS + FD_HEADROOM;
const fdLimit = hardOpenFileLimit();
if (fdLimit < fdsNeeded) {
  process.stderr.write(
    `${VIEWERS} viewers need about ${fdsNeeded} file descriptors in this process and in the server (one per socket ` +
      `on each side), but the hard limit is ${fdLimit}. Raise it (e.g. LimitNOFILE, /etc/security/limits.conf, ` +
      `docker run --ulimit nofile=65536:65536) or ask for fewer viewers.\n`,
  );
  process.exit(1);
}
await runBenchmark();
