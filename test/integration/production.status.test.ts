import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { publishFromPage, waitForConnected } from '../helpers/whipPublisher.js';

/**
 * C2, the director's status bar, through the whole server: a camera publishing from Chromium shows its codec,
 * bitrate, loss and keyframes; one that is not publishing shows as disconnected; files and disk are reported.
 */
let server: TestApp;
let staff: ApiSession;
let browser: TestBrowser;
let interviewId: string;
let live: { id: string; whipUrl: string; token: string };
let idle: { id: string };

beforeAll(async () => {
  // A threshold no disk meets, so the warning is seen set.
  server = await startTestApp({ rtcMinPort: 42200, rtcMaxPort: 42300, diskFreeWarningGb: 1e9 });
  staff = await server.login();
  interviewId = (await staff.post('/api/interviews', { title: '导播状态' })).body.id;
  live = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '主持人机位' })).body;
  idle = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '全景' })).body;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const status = async () => (await staff.get(`/api/interviews/${interviewId}/media-status`)).body;

describe('GET /api/interviews/:id/media-status', () => {
  it('answers 401 without a login and 404 for an unknown interview', async () => {
    expect((await server.anonymous().get(`/api/interviews/${interviewId}/media-status`)).status).toBe(401);
    const unknown = await staff.get('/api/interviews/00000000-0000-4000-8000-000000000000/media-status');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });

  it('is off air with every camera disconnected before anyone publishes', async () => {
    const body = await status();
    expect(body).toMatchObject({ onAir: false, liveSince: null, programCameraId: null, hls: { segmentAgeSeconds: null }, recording: { bytes: 0 } });
    expect(body.cameras.map((c: { name: string; connected: boolean }) => [c.name, c.connected])).toEqual([
      ['主持人机位', false],
      ['全景', false],
    ]);
    expect(body.disk.freeBytes).toBeGreaterThan(0);
    expect(body.disk.warning).toBe(true);
  });

  it('shows the publishing camera on air with its codec, resolution, bitrate, loss and last keyframe', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/healthz`);
    expect((await publishFromPage(page, live.whipUrl, live.token)).status).toBe(201);
    await waitForConnected(page);

    await expect.poll(async () => (await status()).onAir, { timeout: 20_000, interval: 300 }).toBe(true);
    await expect
      .poll(async () => (await status()).cameras[0].bitrateKbps ?? 0, { timeout: 10_000, interval: 300 })
      .toBeGreaterThan(50);
    const body = await status();
    expect(body.programCameraId).toBe(live.id);
    expect(Date.parse(body.liveSince)).toBeLessThanOrEqual(Date.now());
    const [camera, other] = body.cameras;
    expect(camera).toMatchObject({ cameraId: live.id, name: '主持人机位', connected: true, codec: 'H264' });
    expect(camera.packetLossPercent).toBeGreaterThanOrEqual(0);
    expect(Date.now() - Date.parse(camera.lastKeyframeAt)).toBeLessThan(10_000);
    expect(other).toMatchObject({ cameraId: idle.id, connected: false, bitrateKbps: null });
    expect(body.hls.segmentAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(body.hls.segmentAgeSeconds).toBeLessThan(10);
    expect(body.recording.bytes).toBeGreaterThan(0);
    await page.close();
  });
});
