import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { ApiResponse, ApiSession } from '../helpers/ApiSession.js';
import { createTestDatabase } from '../helpers/createTestDatabase.js';
import { createInterview, Netizen, questionAction } from '../helpers/qaFixtures.js';
import { QaSocket } from '../helpers/QaSocket.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { TcpProxy } from '../helpers/TcpProxy.js';

/**
 * PostgreSQL lost and back, for a server in the middle of a show: while it is away every request that needs it is
 * answered at once with a JSON 503 `database_unavailable` (never a 500, a crash or a hang), viewers' sockets stay
 * open, and when it is back the server recovers by itself (requests succeed, LISTEN is re-established so the
 * sockets get new events). The app reaches PostgreSQL through a TCP proxy the test cuts; the second case kills the
 * app's backends with pg_terminate_backend, as a database restart does.
 */
let databaseUrl: string;
let proxy: TcpProxy;
let server: TestApp;
let admin: ApiSession;
let superuser: pg.Client;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  const direct = new URL(databaseUrl);
  proxy = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port) });
  server = await startTestApp({ databaseUrl: proxy.proxiedUrl(databaseUrl), rtcMinPort: 45300, rtcMaxPort: 45350 });
  admin = await server.login();
  superuser = new pg.Client({ connectionString: databaseUrl });
  await superuser.connect();
});
afterAll(async () => {
  await superuser?.end();
  await server?.close();
  await proxy?.close();
});

/** A request that must be answered within 15 s: a hang fails the test rather than its timeout. */
async function answered(call: () => Promise<ApiResponse>): Promise<ApiResponse & { ms: number }> {
  const began = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 15 s')), 15_000)));
  try {
    const response = await Promise.race([call(), hung]);
    return { ...response, ms: Math.round(performance.now() - began) };
  } finally {
    clearTimeout(timer);
  }
}

/** The database's LISTEN connections other than the superuser's: the app's change listener, once it listens. */
async function listeners(): Promise<number> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const result = await superuser.query<{ count: string }>(
    "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()",
    [name],
  );
  return Number(result.rows[0]!.count);
}

function expectUnavailable(response: ApiResponse & { ms: number }, what: string): void {
  expect(response.status, `${what}: ${JSON.stringify(response.body)}`).toBe(503);
  expect(response.body.error.code).toBe('database_unavailable');
  expect(response.body.error.message).toMatch(/try again/i);
  expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
}

describe('the database connection lost and back', () => {
  for (const mode of ['refuse', 'blackhole'] as const) {
    it(`${mode}: requests fail fast with a JSON 503, sockets stay open, everything recovers by itself`, async () => {
      const interviewId = await createInterview(admin, `数据库故障 ${mode}`);
      const netizen = new Netizen(server.anonymous(), interviewId);
      const before = (await netizen.ask('断线前的问题')).body.id as string;
      const viewer = await QaSocket.open(server.url, `/api/public/interviews/${interviewId}/events`, { since: 0 });
      await viewer.synced();
      await expect.poll(listeners, { timeout: 10_000 }).toBe(1);

      proxy.setMode(mode);
      onTestFinished(() => proxy.setMode('forward'));
      const anonymous = server.anonymous();
      const calls: [string, () => Promise<ApiResponse>][] = [
        ['public interview', () => anonymous.get(`/api/public/interviews/${interviewId}`)],
        ['ask', () => netizen.ask('断线时的问题', '网友')],
        ['staff list', () => admin.get('/api/interviews')],
        ['approve', () => questionAction(admin, interviewId, before, { action: 'approve' })],
        ['login', () => anonymous.post('/api/auth/login', { username: 'admin', password: 'x-wrong-password' })],
      ];
      // All at once, as visitors would: each is answered on its own (within ~5 s when connecting times out).
      const responses = await Promise.all(calls.map(([, call]) => answered(call)));
      const times: Record<string, number> = {};
      calls.forEach(([what], i) => {
        expectUnavailable(responses[i]!, what);
        times[what] = responses[i]!.ms;
      });
      // Liveness is not the database's business: a supervisor must not restart a process that only waits for it.
      expect((await answered(() => anonymous.get('/healthz'))).status).toBe(200);
      // The viewer keeps its socket through the outage.
      const stillOpen = await Promise.race([viewer.closed.then(() => false), new Promise((r) => setTimeout(() => r(true), 2000))]);
      expect(stillOpen).toBe(true);
      console.info(`database ${mode}: 503 answered in ms`, times);

      proxy.setMode('forward');
      const restored = performance.now();
      // Another netizen: the first asked less than 30 s ago, which the per-device limit refuses (429), database or not.
      const latecomer = new Netizen(server.anonymous(), interviewId);
      await expect.poll(async () => (await latecomer.ask('恢复后的问题')).status, { timeout: 30_000, interval: 250 }).toBe(201);
      const recoveredMs = Math.round(performance.now() - restored);
      const saved = (await admin.get(`/api/interviews/${interviewId}/qa`)).body;
      expect(JSON.stringify(saved)).toContain('恢复后的问题');
      await expect.poll(listeners, { timeout: 30_000, interval: 250 }).toBe(1);
      const relistenedMs = Math.round(performance.now() - restored);
      // A change after recovery reaches the viewer that stayed connected.
      expect((await questionAction(admin, interviewId, before, { action: 'approve' })).status).toBe(200);
      await viewer.waitFor((m) => m.type === 'qa' && m.item.id === before && m.item.status === 'approved', 'the approval', 15_000);
      console.info(`database ${mode}: requests back after ${recoveredMs} ms, LISTEN back after ${relistenedMs} ms`);
      await viewer.close();
    });
  }

  it('pg_terminate_backend of every app connection: no 500, the next requests succeed, LISTEN comes back', async () => {
    const interviewId = await createInterview(admin, '数据库重启');
    const viewer = await QaSocket.open(server.url, `/api/public/interviews/${interviewId}/events`, { since: 0 });
    await viewer.synced();
    await expect.poll(listeners, { timeout: 10_000 }).toBe(1);
    const name = new URL(databaseUrl).pathname.slice(1);
    const killed = await superuser.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    expect(killed.rowCount).toBeGreaterThan(0);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await answered(() => server.anonymous().get(`/api/public/interviews/${interviewId}`))).status);
    expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect(statuses.at(-1)).toBe(200);
    await expect.poll(listeners, { timeout: 30_000, interval: 250 }).toBe(1);
    const asked = (await new Netizen(server.anonymous(), interviewId).ask('重启后的问题')).body.id as string;
    expect((await questionAction(admin, interviewId, asked, { action: 'approve' })).status).toBe(200);
    await viewer.waitFor((m) => m.type === 'qa' && m.item.id === asked && m.item.status === 'approved', 'the approval', 15_000);
    await viewer.close();
  });
});
