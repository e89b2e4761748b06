import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { loginToConsole } from '../helpers/consolePages.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { publishFromPage, waitForConnected } from '../helpers/whipPublisher.js';

/**
 * The 导播台 in Chromium against the real server: two cameras publish, the director sees both and the program
 * playing (WHEP), cuts with a number key and with a click, and the page has no serious accessibility violation.
 */

let server: TestApp;
let browser: TestBrowser;
let page: Page;
let interviewId: string;

beforeAll(async () => {
  server = await startTestApp({ rtcMinPort: 43800, rtcMaxPort: 43900 });
  const staff = await server.login();
  interviewId = (await staff.post('/api/interviews', { title: '导播测试访谈' })).body.id;
  browser = await launchChromium();
  for (const name of ['主持人机位', '嘉宾机位']) {
    const camera = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name })).body;
    const publisher = await browser.context.newPage();
    await publisher.goto(`${server.url}/healthz`);
    expect((await publishFromPage(publisher, camera.whipUrl, camera.token, { width: 640, height: 360 })).status).toBe(201);
    await waitForConnected(publisher);
  }
  page = await browser.context.newPage();
  await loginToConsole(page, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Frames a monitor has shown: its <video>'s decoded picture size and play position. */
const playing = (monitor: string) =>
  page.locator(`oi-director-page video[data-monitor="${monitor}"]`).evaluate((video: HTMLVideoElement) => video.videoWidth > 0 && video.currentTime > 0.5);

const button = (name: string) => page.locator('oi-director-page button', { hasText: name });

describe('导播台 (director page)', () => {
  it('shows both cameras and the program live, cuts on a key press and a click, turns the 直播 badge on, and passes axe', async () => {
    await page.goto(`${server.url}/console#/interviews/${interviewId}/director`);
    await button('主持人机位').waitFor();
    await expect.poll(() => page.locator('oi-director-page video[data-monitor]').count(), { timeout: 20_000 }).toBe(3);
    await expect.poll(() => playing('program'), { timeout: 20_000 }).toBe(true);
    for (const monitor of await page.locator('oi-director-page video[data-monitor]').evaluateAll((videos) => videos.map((v) => (v as HTMLVideoElement).dataset['monitor']!))) {
      await expect.poll(() => playing(monitor), { timeout: 20_000, message: monitor }).toBe(true);
    }
    await expect.poll(() => button('主持人机位').getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    expect(await button('嘉宾机位').getAttribute('aria-pressed')).toBe('false');
    expect(await button('嘉宾机位').textContent()).toContain('2');

    await page.keyboard.press('2');
    await expect.poll(() => button('嘉宾机位').getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    expect(await button('主持人机位').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.locator('oi-director-page [role="status"]').textContent()).toContain('嘉宾机位');

    await button('主持人机位').click();
    await expect.poll(() => button('主持人机位').getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');

    await page.locator('oi-director-page input[name="liveBadge"]').check();
    await page.locator('oi-director-page form button[type="submit"]').click();
    await expect.poll(() => page.locator('oi-director-page [role="status"]').textContent(), { timeout: 15_000 }).toContain('字幕与台标已更新');
    expect(await page.locator('oi-director-page input[name="liveBadge"]').isChecked()).toBe(true);

    const serious = await seriousViolations(page);
    expect(serious).toEqual([]);
  });
});
