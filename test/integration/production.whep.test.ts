import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { receivedVideo, stopWatching, watchFromPage } from '../helpers/whepViewer.js';
import { publishFromPage, waitForConnected } from '../helpers/whipPublisher.js';

/**
 * The director's tools through the whole server: two cameras publish from Chromium; a console page (logged in)
 * watches each camera and the program over WHEP and receives decoded frames; PUT /program cuts between them while
 * the program monitor keeps playing.
 */
let server: TestApp;
let staff: ApiSession;
let browser: TestBrowser;
let interviewId: string;
let host: { id: string; whipUrl: string; token: string };
let guest: { id: string; whipUrl: string; token: string };
let consolePage: Page;

beforeAll(async () => {
  server = await startTestApp({ rtcMinPort: 43600, rtcMaxPort: 43700 });
  staff = await server.login();
  interviewId = (await staff.post('/api/interviews', { title: '导播台' })).body.id;
  host = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '主持人' })).body;
  guest = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '嘉宾' })).body;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const whep = (suffix: string) => `${server.url}/whep/interviews/${interviewId}/${suffix}`;

async function publish(camera: { whipUrl: string; token: string }): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/healthz`);
  expect((await publishFromPage(page, camera.whipUrl, camera.token, { width: 640, height: 360 })).status).toBe(201);
  await waitForConnected(page);
}

describe('WHEP monitors and the switcher', () => {
  it('refuses a viewer without a console login, and before the show is live', async () => {
    const anonymous = await browser.context.newPage();
    await anonymous.goto(`${server.url}/healthz`);
    expect(await watchFromPage(anonymous, whep('program'), 'x')).toMatchObject({ status: 401, code: 'unauthenticated' });
    await anonymous.close();

    const [name, value] = staff.cookie!.split('=') as [string, string];
    await browser.context.addCookies([{ name, value, url: server.url }]);
    consolePage = await browser.context.newPage();
    await consolePage.goto(`${server.url}/healthz`);
    expect(await watchFromPage(consolePage, whep('program'), 'x')).toMatchObject({ status: 409, code: 'not_live' });
    const put = await staff.request('PUT', `/api/interviews/${interviewId}/program`, { json: { cameraId: host.id } });
    expect(put.status).toBe(409);
    expect(put.body.error.code).toBe('not_live');
  });

  it('shows each camera and the program live in the console, and keeps the program playing across cuts', async () => {
    await publish(host);
    await publish(guest);
    await expect.poll(async () => (await staff.get(`/api/interviews/${interviewId}/media-status`)).body.programCameraId, { timeout: 20_000 }).toBe(host.id);

    for (const [key, url] of [['host', whep(`cameras/${host.id}`)], ['guest', whep(`cameras/${guest.id}`)], ['program', whep('program')]] as const) {
      const watch = await watchFromPage(consolePage, url, key);
      expect(watch.status, `${key}: ${watch.code}`).toBe(201);
      expect(watch.location).toMatch(/\/whep\/sessions\/[\w-]{20,}$/);
    }
    for (const key of ['host', 'guest', 'program']) {
      await expect.poll(async () => (await receivedVideo(consolePage, key)).framesDecoded, { timeout: 15_000, message: key }).toBeGreaterThan(10);
    }
    expect(await receivedVideo(consolePage, 'host')).toMatchObject({ frameWidth: 640, frameHeight: 360 });

    const badBody = await staff.request('PUT', `/api/interviews/${interviewId}/program`, { json: {} });
    expect(badBody.status).toBe(400);
    const foreign = await staff.request('PUT', `/api/interviews/${interviewId}/program`, { json: { cameraId: '00000000-0000-4000-8000-000000000000' } });
    expect(foreign.status).toBe(404);

    const switchMs: number[] = [];
    for (const camera of [guest, host, guest]) {
      const before = (await receivedVideo(consolePage, 'program')).framesDecoded;
      const put = await staff.request('PUT', `/api/interviews/${interviewId}/program`, { json: { cameraId: camera.id, audioCameraId: host.id } });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ programCameraId: camera.id, pendingCameraId: null, audioCameraId: host.id });
      expect(put.body.switchMs).toBeGreaterThanOrEqual(0);
      switchMs.push(put.body.switchMs);
      await expect.poll(async () => (await receivedVideo(consolePage, 'program')).framesDecoded, { timeout: 10_000 }).toBeGreaterThan(before + 20);
    }
    const status = (await staff.get(`/api/interviews/${interviewId}/media-status`)).body;
    expect(status.cameras.map((c: { width: number; height: number }) => [c.width, c.height])).toEqual([[640, 360], [640, 360]]);

    const jitterBufferMs = Math.round((await receivedVideo(consolePage, 'program')).jitterBufferMs);
    expect(jitterBufferMs).toBeLessThan(1000);

    expect(await stopWatching(consolePage, 'guest')).toBe(200);
    expect(await stopWatching(consolePage, 'guest')).toBe(404);
  });
});
