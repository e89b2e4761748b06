import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { loginToConsole } from '../helpers/consolePages.js';
import { publishLavfi } from '../helpers/lavfiPublisher.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * The clip editor in real Chromium against the real server: a short recorded show, in and out points set by keyboard
 * (I, L, O), a clip saved and exported exactly with the progress bar, and the exported MP4 playing in Chromium;
 * axe-core finds no serious or critical violation.
 */
const axeSource = readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');
let server: TestApp;
let browser: TestBrowser;
let page: Page;
let interviewId: string;

beforeAll(async () => {
  server = await startTestApp({ rtcMinPort: 44900, rtcMaxPort: 45000 });
  const staff = await server.login();
  interviewId = (await staff.post('/api/interviews', { title: '剪辑页面' })).body.id;
  const camera = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '主机位' })).body;
  const publisher = await publishLavfi(camera.whipUrl, camera.token);
  await new Promise((resolve) => setTimeout(resolve, 12_000));
  await staff.post(`/api/interviews/${interviewId}/end`);
  await publisher.drop();
  browser = await launchChromium();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function seriousViolations(): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations: Result[] = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

describe('the clip editor', () => {
  it('cuts a clip by keyboard, exports it with a progress bar, and the MP4 plays in Chromium', async () => {
    await loginToConsole(page, server.url);
    await page.goto(`${server.url}/console#/interviews/${interviewId}/clips`);
    const scrub = page.locator('oi-clip-editor input.scrub');
    await expect.poll(() => scrub.count(), { timeout: 30_000, interval: 500 }).toBe(1);
    expect(await seriousViolations()).toEqual([]);

    await scrub.focus();
    await page.keyboard.press('i');
    await page.keyboard.press('l');
    await page.keyboard.press('o');
    await expect.poll(() => page.locator('oi-clip-editor .points').innerText()).toContain('0:05.0');
    await page.locator('oi-clip-editor form input').fill('第一段');
    await page.locator('oi-clip-editor form button[type="submit"]').click();
    const exact = page.locator('oi-clip-editor .items button', { hasText: '精确导出' });
    await exact.waitFor();
    await exact.click();
    const download = page.locator('oi-clip-editor a[download]');
    await download.waitFor({ timeout: 60_000 });
    expect(await seriousViolations()).toEqual([]);

    const href = await download.getAttribute('href');
    const played = await page.evaluate(async (url) => {
      const video = document.createElement('video');
      video.muted = true;
      video.src = url;
      document.body.append(video);
      await video.play();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return { time: video.currentTime, duration: video.duration, width: video.videoWidth };
    }, href!);
    expect(played.time).toBeGreaterThan(0.5);
    expect(Math.abs(played.duration - 5)).toBeLessThan(0.2);
    expect(played.width).toBe(160);
  });
});
