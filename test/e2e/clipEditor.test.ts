import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { loginToConsole } from '../helpers/consolePages.js';
import { publishLavfi } from '../helpers/lavfiPublisher.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * The clip editor in real Chromium against the real server: a short recorded show, in and out points set by keyboard
 * (I, L, O), the thumbnail strip and waveform drawn, the range played in the preview (K, Space) up to the out point, a clip saved and exported exactly with the progress bar, and the exported MP4 playing in Chromium;
 * axe-core finds no serious or critical violation.
 */
let server: TestApp;
let browser: TestBrowser;
let page: Page;
/** Content Security Policy violations Chromium reported on the page. */
const policyViolations: string[] = [];
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
  // The timeline places its thumbnails, range and play head by style properties; a style attribute would be refused.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});


describe('the clip editor', () => {
  it('cuts a clip by keyboard, exports it with a progress bar, and the MP4 plays in Chromium', async () => {
    await loginToConsole(page, server.url);
    await page.goto(`${server.url}/console#/interviews/${interviewId}/clips`);
    const scrub = page.locator('oi-clip-editor input.scrub');
    await expect.poll(() => scrub.count(), { timeout: 30_000, interval: 500 }).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // The camera's own recording: it covers the whole show (the program's starts once FFmpeg is up).
    await page.locator('oi-clip-editor select').selectOption({ index: 1 });
    await scrub.focus();
    await page.keyboard.press('i');
    await page.keyboard.press('l');
    await page.keyboard.press('o');
    await expect.poll(() => page.locator('oi-clip-editor .points').innerText()).toContain('0:05.0');

    // The strip of thumbnails and the waveform, made by the server from the recording, are drawn along the bar.
    await expect
      .poll(() => page.locator('oi-clip-editor .thumbs img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth === 160).length), { timeout: 60_000, interval: 500 })
      .toBe(10);
    expect((await page.locator('oi-clip-editor .wave path').getAttribute('d'))!.split('M').length).toBeGreaterThan(30);
    expect(await page.locator('oi-clip-editor .thumbs').getAttribute('aria-hidden')).toBe('true');

    // K goes back to the in point; Space plays the range in the preview, the play head follows and it stops at the out point.
    await scrub.focus();
    await page.keyboard.press('k');
    await expect.poll(() => page.locator('oi-clip-editor output').innerText()).toContain('0:00.0');
    await page.keyboard.press(' ');
    await expect.poll(() => page.locator('oi-clip-editor button.play').getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    await expect.poll(() => page.locator('oi-clip-editor output').innerText(), { timeout: 10_000 }).toMatch(/0:0[1-4]\.\d/);
    await expect.poll(() => page.locator('oi-clip-editor button.play').getAttribute('aria-pressed'), { timeout: 20_000 }).toBe('false');
    expect(await page.locator('oi-clip-editor output').innerText()).toContain('0:05.0');
    const preview = await page.locator('oi-clip-editor video.preview').evaluate((v) => ({ time: (v as HTMLVideoElement).currentTime, paused: (v as HTMLVideoElement).paused, width: (v as HTMLVideoElement).videoWidth }));
    expect(preview.paused).toBe(true);
    expect(preview.width).toBe(160);
    expect(preview.time).toBeGreaterThan(4.5);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('oi-clip-editor form input').fill('第一段');
    await page.locator('oi-clip-editor form button[type="submit"]').click();
    const exact = page.locator('oi-clip-editor .items button', { hasText: '精确导出' });
    await exact.waitFor();
    await exact.click();
    const download = page.locator('oi-clip-editor a[download]');
    await download.waitFor({ timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);
    expect(policyViolations).toEqual([]);

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
