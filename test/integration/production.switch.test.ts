import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { decodeErrors, firstVideoFrameIsKeyframe } from '../helpers/ffprobe.js';
import { segmentTimings, timelineBreaks } from '../helpers/hlsTimeline.js';
import { HARNESS_TOKEN, startMediaHarness, type MediaHarness } from '../helpers/mediaHarness.js';
import { publishFromPage, stopFromPage, waitForConnected } from '../helpers/whipPublisher.js';

/**
 * The program switcher with real parts: two Chromium cameras publish into one interview, the director cuts
 * between them several times, and the program's HLS must stay one unbroken timeline (no discontinuity, each
 * segment starting where the last ended and on a keyframe, nothing undecodable).
 */
const INTERVIEW = 'interview-switch';
let harness: MediaHarness;
let browser: TestBrowser;
const pages: Page[] = [];

beforeAll(async () => {
  harness = await startMediaHarness({ host: INTERVIEW, guest: INTERVIEW }, { min: 43400, max: 43500 });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

async function publish(camera: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${harness.base}/`);
  expect((await publishFromPage(page, harness.whipUrl(camera), HARNESS_TOKEN, { width: 640, height: 360 })).status).toBe(201);
  await waitForConnected(page);
  pages.push(page);
  return page;
}

describe('program switcher', () => {
  it('cuts between two cameras on keyframes while the HLS keeps one continuous timeline', async () => {
    const live = harness.nextEvent('programLive', INTERVIEW, 30_000);
    await publish('host');
    await live;
    await publish('guest');
    const status = await harness.media.mediaStatus(INTERVIEW);
    expect(status.programCameraId).toBe('host');
    expect(status.cameras.map((c) => c.cameraId).sort()).toEqual(['guest', 'host']);

    const waits: number[] = [];
    for (const camera of ['guest', 'host', 'guest', 'host']) {
      await harness.waitForSegments(INTERVIEW, harness.playlist(INTERVIEW).split('\n').filter((l) => l.endsWith('.ts')).length + 1, 20_000);
      const waited = await harness.media.selectProgram(INTERVIEW, camera);
      expect(waited, `cut to ${camera} landed`).not.toBeNull();
      waits.push(waited!);
      expect((await harness.media.mediaStatus(INTERVIEW)).programCameraId).toBe(camera);
    }
    const before = harness.playlist(INTERVIEW).split('\n').filter((l) => l.endsWith('.ts')).length;
    await harness.waitForSegments(INTERVIEW, before + 2, 20_000);

    const ended = harness.nextEvent('programEnded', INTERVIEW, 30_000);
    await harness.media.endInterview(INTERVIEW);
    await ended;
    for (const page of pages) await stopFromPage(page, HARNESS_TOKEN).catch(() => undefined);

    const playlistPath = path.join(harness.hlsDir(INTERVIEW), 'index.m3u8');
    const timings = await segmentTimings(playlistPath);
    expect(timings.length).toBeGreaterThanOrEqual(6);
    expect(timings.filter((t) => t.discontinuity)).toEqual([]);
    expect(timelineBreaks(timings)).toEqual([]);
    for (const timing of timings) {
      expect(await firstVideoFrameIsKeyframe(path.join(harness.hlsDir(INTERVIEW), timing.name)), timing.name).toBe(true);
    }
    expect(await decodeErrors(playlistPath)).toBe('');
  });
});
