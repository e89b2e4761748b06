import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { decodeErrors, firstVideoFrameIsKeyframe, probeStreams } from '../helpers/ffprobe.js';
import { startTestApp, TEST_ADMIN, type TestApp } from '../helpers/startTestApp.js';

/**
 * The founding scenario, as its users do it: staff create an interview and a camera; the
 * technician logs in to the console, opens the studio page and presses 开始推流; a citizen's page
 * (the demo county portal) shows 即将开始, then plays the show; the technician stops; the page
 * shows 已结束 and the recording is a sound file. Real Chromium, PostgreSQL, mediasoup, FFmpeg.
 */
let server: TestApp;
let staff: ApiSession;
let browser: TestBrowser;
let studio: Page;
let portal: Page;
let interviewId: string;
let cameraId: string;

const startsAt = new Date(Date.now() + 3600_000).toISOString();

beforeAll(async () => {
  server = await startTestApp({ rtcMinPort: 44000, rtcMaxPort: 44100 });
  staff = await server.login();
  const interview = await staff.post('/api/interviews', {
    title: '夏季食品安全访谈',
    topic: '食品药品相关政策解读及夏季饮食安全防范常识',
    department: '县市场监管局',
    startsAt,
    guests: [
      { name: '王明', position: '县市场监管局局长' },
      { name: '李华', position: '食品安全科科长' },
    ],
  });
  interviewId = interview.body.id;
  cameraId = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '主机位' })).body.id;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const portalState = () => portal.locator('online-interview').getAttribute('data-state');
/** What a reader sees in the element (its shadow DOM). */
const portalText = () =>
  portal.locator('online-interview').evaluate((el) =>
    Array.from(el.shadowRoot!.children)
      .map((child) => (child instanceof HTMLElement ? child.innerText : ''))
      .join('\n'),
  );
const hlsDir = () => path.join(server.dataDir, 'interviews', interviewId, 'hls');

describe('studio → portal, end to end', () => {
  it('the portal page shows 即将开始 with the scheduled time, topic and guests before the show', async () => {
    portal = await browser.context.newPage();
    await portal.goto(`${server.url}/demo?interview=${interviewId}`);
    await expect.poll(portalState, { timeout: 15_000 }).toBe('scheduled');
    const text = await portalText();
    expect(text).toContain('即将开始');
    expect(text).toContain('夏季食品安全访谈');
    expect(text).toContain('县市场监管局');
    expect(text).toContain('王明');
    expect(text).toContain('县市场监管局局长');
  });

  it('the technician logs in to the console and previews the camera in the studio page', async () => {
    studio = await browser.context.newPage();
    await studio.goto(`${server.url}/console#/login`);
    await studio.locator('#username').fill(TEST_ADMIN.username);
    await studio.locator('#password').fill(TEST_ADMIN.password);
    await studio.locator('button[type="submit"]').click();
    await studio.waitForURL(/#\/home/);
    await studio.goto(`${server.url}/console#/studio/${cameraId}`);
    await studio.waitForFunction(() => {
      const video = document.querySelector('oi-console')?.shadowRoot?.querySelector('oi-studio-page')?.shadowRoot
        ?.querySelector('interview-studio')?.shadowRoot?.querySelector('video');
      return video !== null && video !== undefined && video.readyState >= 2;
    }, undefined, { timeout: 15_000 });
  });

  it('开始推流: the portal switches to 直播中 and plays, its video advancing by at least 3 s', async () => {
    const pressed = Date.now();
    await studio.locator('interview-studio [part="publish"]').click();
    await expect.poll(() => studio.locator('interview-studio').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');

    await expect.poll(portalState, { timeout: 15_000 }).toBe('live');
    const video = portal.locator('online-interview video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(0);
    const playingAfter = Date.now() - pressed;
    const start = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000, interval: 500 })
      .toBeGreaterThanOrEqual(start + 3);
    expect(await portalText()).toContain('直播中');
    console.info(`portal video playing ${playingAfter} ms after 开始推流`);
  });

  it('the HLS is H.264 + AAC, every segment starting on a keyframe', async () => {
    const playlist = readFileSync(path.join(hlsDir(), 'index.m3u8'), 'utf8');
    const segments = playlist.split('\n').filter((line) => line.endsWith('.ts'));
    expect(segments.length).toBeGreaterThanOrEqual(3);
    for (const segment of [segments[0]!, segments.at(-1)!]) {
      expect((await probeStreams(path.join(hlsDir(), segment))).map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    }
    for (const segment of segments) {
      expect(await firstVideoFrameIsKeyframe(path.join(hlsDir(), segment)), `${segment} starts on a keyframe`).toBe(true);
    }
  });

  it('停止推流: the playlist is closed, the portal shows 已结束, the recording decodes fully', async () => {
    await studio.locator('interview-studio [part="stop"]').click();
    await expect.poll(portalState, { timeout: 20_000 }).toBe('ended');
    expect(await portalText()).toContain('已结束');
    expect(readFileSync(path.join(hlsDir(), 'index.m3u8'), 'utf8').trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);

    const recordingsDir = path.join(server.dataDir, 'interviews', interviewId, 'recordings');
    expect(existsSync(recordingsDir)).toBe(true);
    // One program recording and the camera's own (ISO) recording, each one part, both whole.
    const recordings = readdirSync(recordingsDir).sort();
    expect(recordings.map((name) => name.split('-')[0])).toEqual(['camera', 'program']);
    for (const name of recordings) {
      const recording = path.join(recordingsDir, name);
      expect((await probeStreams(recording)).map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
      expect(await decodeErrors(recording)).toBe('');
    }
    expect((await staff.get(`/api/interviews/${interviewId}`)).body.status).toBe('ended');
  });
});
