import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { findFfmpeg } from '../../media/pipelines/findFfmpeg.js';
import { metricValue, scrapeMetrics } from '../helpers/prometheusText.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';

/**
 * /readyz turning 503 when what a show needs fails, and back to 200 when it returns: a mediasoup worker stopped
 * (SIGSTOP: it runs but does not answer) or killed, the FFmpeg binary removed, the app's database refusing
 * connections. The body names the failed check and says what to do; /healthz stays 200 throughout, and /metrics
 * answers while the database is away (counting the measurement it could not read).
 */
let server: TestApp;
let binDir: string;
let ffmpegCopy: string;
let superuser: pg.Client;

beforeAll(async () => {
  // A copy of FFmpeg the test may take away without touching the machine's.
  binDir = makeTempDir('ffmpeg');
  ffmpegCopy = path.join(binDir, 'ffmpeg');
  fs.copyFileSync(findFfmpeg(), ffmpegCopy);
  fs.chmodSync(ffmpegCopy, 0o755);
  server = await startTestApp({ ffmpegPath: ffmpegCopy, rtcMinPort: 46300, rtcMaxPort: 46400 });
  superuser = new pg.Client({ connectionString: inject('postgresUrl') });
  await superuser.connect();
});
afterAll(async () => {
  for (const pid of server?.app.media.workerPids ?? []) process.kill(pid, 'SIGCONT');
  await superuser?.end();
  await server?.close();
  if (binDir) removeTempDir(binDir);
});

interface Check {
  ok: boolean;
  message?: string;
}
const readyz = async () => {
  const response = await server.anonymous().get('/readyz');
  return { status: response.status, body: response.body as { ready: boolean; checks: Record<string, Check> } };
};
const ready = async () => (await readyz()).status;

describe('/readyz', () => {
  it('is 503 while a mediasoup worker does not answer, 200 again once it does', async () => {
    expect(await ready()).toBe(200);
    const [pid] = server.app.media.workerPids;
    process.kill(pid!, 'SIGSTOP');
    try {
      const { status, body } = await readyz();
      expect(status).toBe(503);
      expect(body.ready).toBe(false);
      expect(body.checks['mediasoupWorkers']).toEqual({ ok: false, message: expect.stringContaining(`not answering (pid ${pid})`) });
      expect(body.checks['database']).toEqual({ ok: true });
      expect(body.checks['ffmpeg']).toEqual({ ok: true });
      expect((await server.anonymous().get('/healthz')).status).toBe(200);
    } finally {
      process.kill(pid!, 'SIGCONT');
    }
    await expect.poll(ready, { timeout: 10_000, interval: 250 }).toBe(200);
  });

  it('is 200 again after a killed worker is replaced', async () => {
    const [pid] = server.app.media.workerPids;
    process.kill(pid!, 'SIGKILL');
    await expect.poll(() => server.app.media.workerPids.some((other) => other !== pid), { timeout: 15_000, interval: 100 }).toBe(true);
    await expect.poll(ready, { timeout: 10_000, interval: 250 }).toBe(200);
  });

  it('is 503 while FFmpeg is gone, saying to reinstall it', async () => {
    const aside = `${ffmpegCopy}.aside`;
    fs.renameSync(ffmpegCopy, aside);
    try {
      const { status, body } = await readyz();
      expect(status).toBe(503);
      expect(body.checks['ffmpeg']).toEqual({ ok: false, message: expect.stringContaining('reinstall FFmpeg') });
      expect(body.checks['mediasoupWorkers']).toEqual({ ok: true });
    } finally {
      fs.renameSync(aside, ffmpegCopy);
    }
    expect(await ready()).toBe(200);
  });

  it('is 503 while the database refuses connections, 200 once it takes them again', async () => {
    const name = new URL(server.app.database.url).pathname.slice(1);
    const database = superuser.escapeIdentifier(name);
    // Only this app's database: others on the same PostgreSQL are untouched.
    await superuser.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    try {
      await superuser.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await expect.poll(async () => (await readyz()).body.checks['database'], { timeout: 10_000, interval: 250 }).toEqual({
        ok: false,
        message: expect.stringContaining('PostgreSQL does not answer'),
      });
      expect(await ready()).toBe(503);
      expect((await server.anonymous().get('/healthz')).status).toBe(200);
      // /metrics still answers: the queue lengths could not be read, which is counted (and logged).
      const samples = await scrapeMetrics(server.url);
      expect(metricValue(samples, 'oi_metrics_scrape_step_failures_total', { step: 'queues' })).toBeGreaterThanOrEqual(1);
      expect(metricValue(samples, 'oi_metrics_scrape_step_failures_total', { step: 'media' })).toBeUndefined();
    } finally {
      await superuser.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    }
    await expect.poll(ready, { timeout: 15_000, interval: 250 }).toBe(200);
  });
});
