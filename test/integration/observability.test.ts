import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailOutboxRepository } from '../../server/db/MailOutboxRepository.js';
import { createLogger } from '../../server/logger.js';
import type { ApiSession } from '../helpers/ApiSession.js';
import { metricValue, scrapeMetrics } from '../helpers/prometheusText.js';
import { QaSocket } from '../helpers/QaSocket.js';
import { createInterview, Netizen, questionAction } from '../helpers/qaFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * The operators' view through the whole server on PostgreSQL: /healthz, /readyz, /metrics (values that move when the
 * things they count happen, who may read them) and request ids in the JSON log lines and the response headers.
 */
let server: TestApp;
let admin: ApiSession;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const stream = new PassThrough();
  stream.setEncoding('utf8');
  let pending = '';
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) logLines.push(JSON.parse(line) as Record<string, unknown>);
  });
  server = await startTestApp({ logger: createLogger({ logLevel: 'debug' }, stream) });
  admin = await server.login();
});
afterAll(async () => {
  await server?.close();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const histogramCount = async (name: string, labels: Record<string, string> = {}) =>
  metricValue(await scrapeMetrics(server.url), `${name}_count`, labels) ?? 0;

describe('/healthz and /readyz', () => {
  it('answers alive and ready with every check passing, uncached', async () => {
    const health = await server.anonymous().get('/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ ok: true });
    const ready = await server.anonymous().get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(ready.body).toEqual({ ready: true, checks: { database: { ok: true }, mediasoupWorkers: { ok: true }, ffmpeg: { ok: true } } });
  });
});

describe('request ids', () => {
  it('gives each request a new UUID, keeps a sane incoming one and replaces one that is not', async () => {
    const first = await server.anonymous().get('/healthz');
    const second = await server.anonymous().get('/healthz');
    expect(first.headers.get('x-request-id')).toMatch(UUID);
    expect(second.headers.get('x-request-id')).toMatch(UUID);
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));

    const kept = await server.anonymous().get('/healthz', { headers: { 'X-Request-Id': 'nginx-7f3a:01.2' } });
    expect(kept.headers.get('x-request-id')).toBe('nginx-7f3a:01.2');
    for (const insane of ['has space', 'x'.repeat(129), '"}{"level":60', '']) {
      const replaced = await server.anonymous().get('/healthz', { headers: { 'X-Request-Id': insane } });
      expect(replaced.headers.get('x-request-id'), insane).toMatch(UUID);
    }
  });

  it('puts the request id on every log line the request writes, whichever component writes it', async () => {
    const id = await createInterview(admin, '请求编号');
    const requestId = `test-${Date.now()}`;
    const asked = await new Netizen(server.anonymous(), id).ask('课后服务几点结束？', '网友', undefined);
    expect(asked.status).toBe(201);
    const approved = await admin.request('POST', `/api/interviews/${id}/questions/${asked.body.id}/actions`, {
      json: { action: 'approve' },
      headers: { 'X-Request-Id': requestId },
    });
    expect(approved.status).toBe(200);
    expect(approved.headers.get('x-request-id')).toBe(requestId);

    await expect.poll(() => logLines.filter((line) => line['requestId'] === requestId).map((line) => line['msg'])).toEqual(
      expect.arrayContaining(['question changed', 'request']),
    );
    const lines = logLines.filter((line) => line['requestId'] === requestId);
    // The Q&A service's line and the request line: written by different components, one id.
    expect([...new Set(lines.map((line) => line['component']))]).toEqual(expect.arrayContaining(['qa', 'http']));
    const request = lines.find((line) => line['msg'] === 'request')!;
    expect(request).toMatchObject({ level: 30, service: 'online-interview', method: 'POST', status: 200 });
    expect(request['ms']).toEqual(expect.any(Number));
    expect(Date.parse(String(request['time']))).toBeGreaterThan(0);
    // Lines written outside any request carry none.
    expect(logLines.find((line) => line['msg'] === 'online-interview is listening')).not.toHaveProperty('requestId');
  });
});

describe('/metrics', () => {
  it('serves Prometheus text with the Node default metrics and every oi_ metric', async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const name of [
      'process_cpu_user_seconds_total', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes',
      'oi_http_request_duration_seconds', 'oi_moderation_latency_seconds', 'oi_ffmpeg_crashes_total', 'oi_live_interviews',
      'oi_publishers', 'oi_camera_ingest_bitrate_bits_per_second', 'oi_camera_packet_loss_ratio', 'oi_camera_keyframe_requests',
      'oi_hls_segment_age_seconds', 'oi_websocket_clients', 'oi_moderation_queue_length', 'oi_clip_export_jobs',
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
  });

  it('counts HTTP latency by route pattern and status class, never by raw URL', async () => {
    const id = await createInterview(admin, '延迟直方图');
    const labels = { route: '/api/interviews/:id/media-status', method: 'GET', status_class: '2xx' };
    const before = await histogramCount('oi_http_request_duration_seconds', labels);
    for (let i = 0; i < 3; i++) expect((await admin.get(`/api/interviews/${id}/media-status`)).status).toBe(200);
    expect(await histogramCount('oi_http_request_duration_seconds', labels)).toBe(before + 3);

    const unknown = await admin.get('/api/interviews/00000000-0000-4000-8000-000000000000/media-status');
    expect(unknown.status).toBe(404);
    expect(await histogramCount('oi_http_request_duration_seconds', { ...labels, status_class: '4xx' })).toBeGreaterThanOrEqual(1);

    const junk = `no-such-page-${Date.now()}`;
    expect((await server.anonymous().get(`/${junk}?q=${junk}`)).status).toBe(404);
    const samples = await scrapeMetrics(server.url);
    expect(metricValue(samples, 'oi_http_request_duration_seconds_count', { route: 'unmatched', status_class: '4xx' })).toBeGreaterThanOrEqual(1);
    expect(samples.some((sample) => Object.values(sample.labels).some((value) => value.includes(junk) || value.includes(id)))).toBe(false);
    // HLS files are one pattern whatever the interview or file.
    expect((await server.anonymous().get(`/media/interviews/${id}/hls/index.m3u8`)).status).toBe(404);
  });

  it('observes moderation latency when a moderator approves, and the moderation queue', async () => {
    const id = await createInterview(admin, '审核时延');
    const queue = async () => metricValue(await scrapeMetrics(server.url), 'oi_moderation_queue_length', { kind: 'question' });
    const pendingBefore = (await queue())!;
    const countBefore = await histogramCount('oi_moderation_latency_seconds');
    const ask = async (body: string) => {
      const response = await new Netizen(server.anonymous(), id).ask(body);
      expect(response.status).toBe(201);
      return response.body as { id: string };
    };
    const asked = [await ask('入学报名需要哪些材料？'), await ask('学区房怎么认定？')];
    expect(await queue()).toBe(pendingBefore + 2);

    expect((await questionAction(admin, id, asked[0].id, { action: 'approve' })).status).toBe(200);
    expect(await histogramCount('oi_moderation_latency_seconds')).toBe(countBefore + 1);
    expect(await queue()).toBe(pendingBefore + 1);
    // A rejection is no approval; approving twice counts once.
    expect((await questionAction(admin, id, asked[1].id, { action: 'reject', reason: '与主题无关' })).status).toBe(200);
    await questionAction(admin, id, asked[0].id, { action: 'approve' });
    expect(await histogramCount('oi_moderation_latency_seconds')).toBe(countBefore + 1);
    expect(await queue()).toBe(pendingBefore);
    const samples = await scrapeMetrics(server.url);
    const sum = metricValue(samples, 'oi_moderation_latency_seconds_sum')!;
    expect(sum).toBeGreaterThanOrEqual(0);
    expect(sum).toBeLessThan(120);
    expect(metricValue(samples, 'oi_clip_export_jobs', { status: 'queued' })).toBe(0);
    expect(metricValue(samples, 'oi_clip_export_jobs', { status: 'running' })).toBe(0);
  });

  it('counts the e-mail outbox: queued and given up on', async () => {
    const outbox = new MailOutboxRepository(server.app.database.dataSource);
    const mail = (to: string) => ({ kind: 'proposal_reminder', to, userId: null, subject: '请报送选题', body: '…' });
    await outbox.enqueue([mail('a@example.gov.cn'), mail('b@example.gov.cn')]);
    const mails = async () => {
      const samples = await scrapeMetrics(server.url);
      return [metricValue(samples, 'oi_mail_outbox', { status: 'queued' }), metricValue(samples, 'oi_mail_outbox', { status: 'failed' })];
    };
    expect(await mails()).toEqual([2, 0]);
    const [first] = await outbox.claimDue(1, 60_000);
    await outbox.markFailedAttempt(first!.id, 'mail server refused the sender', null);
    expect(await mails()).toEqual([1, 1]);
  });

  it('counts the open WebSocket clients', async () => {
    const id = await createInterview(admin, '实时连接');
    const clients = async () => metricValue(await scrapeMetrics(server.url), 'oi_websocket_clients');
    const before = (await clients())!;
    const sockets = await Promise.all([0, 1].map(() => QaSocket.open(server.url, `/api/public/interviews/${id}/events`, { since: 0 })));
    expect(await clients()).toBe(before + 2);
    for (const socket of sockets) socket.close();
    await expect.poll(clients, { timeout: 10_000 }).toBe(before);
  });

  it('answers only a direct loopback connection without a token: a proxied request is refused', async () => {
    const proxied: Record<string, string>[] = [{ 'X-Forwarded-For': '203.0.113.7' }, { Forwarded: 'for=203.0.113.7' }];
    for (const header of proxied) {
      const response = await server.anonymous().get('/metrics', { headers: header });
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('metricsToken') });
    }
  });
});

describe('/metrics with a metricsToken', () => {
  let other: TestApp;
  beforeAll(async () => {
    other = await startTestApp({ metricsToken: 'prometheus-scrapes-with-this' });
  });
  afterAll(async () => {
    await other?.close();
  });

  it('wants the bearer token, from loopback too, and counts only its own app', async () => {
    expect((await other.anonymous().get('/metrics')).status).toBe(401);
    const wrong = await other.anonymous().get('/metrics', { headers: { Authorization: 'Bearer prometheus-scrapes-with-thaT' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('unauthorized');
    const token = { Authorization: 'Bearer prometheus-scrapes-with-this' };
    const proxied = await scrapeMetrics(other.url, { ...token, 'X-Forwarded-For': '203.0.113.7' });
    // Each app has its own registry: this one never saw the first app's media-status requests.
    expect(metricValue(proxied, 'oi_http_request_duration_seconds_count', { route: '/api/interviews/:id/media-status' })).toBeUndefined();
    expect(metricValue(proxied, 'oi_http_request_duration_seconds_count', { route: '/metrics', status_class: '4xx' })).toBe(2);
  });
});
