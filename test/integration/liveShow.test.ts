import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { publishFromPage, stopFromPage, waitForConnected } from '../helpers/whipPublisher.js';

/**
 * The whole server with real parts: cameras added through the API publish from Chromium over WHIP with their
 * database-backed tokens; the media node's events move the interview through its lifecycle.
 */
let server: TestApp;
let staff: ApiSession;
let browser: TestBrowser;
let interviewId: string;
let camera: { id: string; whipUrl: string; token: string };

beforeAll(async () => {
  server = await startTestApp({ rtcMinPort: 42000, rtcMaxPort: 42100 });
  staff = await server.login();
  interviewId = (await staff.post('/api/interviews', { title: '全链路直播', guests: [{ name: '主持人', position: '' }] })).body.id;
  camera = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '主机位' })).body;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/healthz`);
  return page;
}

const publicView = async () => (await server.anonymous().get(`/api/public/interviews/${interviewId}`)).body;

describe('a live show through the whole server', () => {
  it('refuses a WHIP offer with a wrong token', async () => {
    const page = await openPage();
    const result = await publishFromPage(page, camera.whipUrl, 'oi_cam_wrong');
    expect(result.status).toBe(401);
    await page.close();
  });

  it('goes live when a camera publishes with its token, and ends from the console', async () => {
    const page = await openPage();
    const result = await publishFromPage(page, camera.whipUrl, camera.token);
    expect(result.status).toBe(201);
    await waitForConnected(page);

    await expect.poll(async () => (await publicView()).status, { timeout: 20_000, interval: 250 }).toBe('live');
    const live = await publicView();
    expect(live.hlsUrl).toBe(`${server.app.publicUrl}/media/interviews/${interviewId}/hls/index.m3u8`);
    const playlist = await server.anonymous().get(new URL(live.hlsUrl).pathname);
    expect(playlist.status).toBe(200);
    expect(playlist.body).toContain('#EXTM3U');
    const cameras = (await staff.get(`/api/interviews/${interviewId}/cameras`)).body;
    expect(cameras).toEqual([expect.objectContaining({ id: camera.id, live: true })]);

    const ended = await staff.post(`/api/interviews/${interviewId}/end`);
    expect(ended.body).toMatchObject({ status: 'ended', endedAt: expect.any(String) });
    const hlsDir = path.join(server.dataDir, 'interviews', interviewId, 'hls');
    expect(fs.readFileSync(path.join(hlsDir, 'index.m3u8'), 'utf8')).toContain('#EXT-X-ENDLIST');
    expect((await publicView()).hlsUrl).not.toBeNull();
    await page.close();
  });

  it('resumes when the studio page publishes again with a studio token', async () => {
    const studio = (await staff.post(`/api/cameras/${camera.id}/studio-token`)).body;
    const page = await openPage();
    const result = await publishFromPage(page, studio.whipUrl, studio.token);
    expect(result.status).toBe(201);
    await waitForConnected(page);
    await expect.poll(async () => (await publicView()).status, { timeout: 20_000, interval: 250 }).toBe('live');

    expect(await stopFromPage(page, studio.token)).toBe(200);
    await page.close();
  });
});
