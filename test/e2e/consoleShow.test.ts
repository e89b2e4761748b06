import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { loginToConsole, shadowText } from '../helpers/consolePages.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';

/**
 * A county office runs a whole show from the console, no command line: create the interview with a guest's photo,
 * announce it, add a camera, check the studio before going live, publish from the browser studio (the show goes on
 * air), watch the live status bar, end the show with the keyboard only through the confirmation dialog, publish the
 * replay. Real Chromium (fake camera and microphone), PostgreSQL, mediasoup and FFmpeg.
 */
let server: TestApp;
let staff: ApiSession;
let browser: TestBrowser;
let page: Page;
let studio: Page;
let interviewId: string;
let photoDir: string;

beforeAll(async () => {
  server = await startTestApp({ rtcMinPort: 44200, rtcMaxPort: 44300 });
  staff = await server.login();
  browser = await launchChromium();
  page = await browser.context.newPage();
  photoDir = makeTempDir('photo');
  await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#4a6fa5' } }).jpeg().toFile(path.join(photoDir, 'guest.jpg'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (photoDir) removeTempDir(photoDir);
});

const detailText = () => shadowText(page, 'oi-interview-detail');
const apiStatus = async () => (await staff.get(`/api/interviews/${interviewId}`)).body.status as string;

/** The element focused now, through the console's shadow roots: "tag#id" of the innermost one and its host chain. */
function focusedPath(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const chain: string[] = [];
    let active: Element | null = document.activeElement;
    while (active) {
      chain.push(`${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}`);
      active = active.shadowRoot?.activeElement ?? null;
    }
    return chain;
  });
}

/** Presses Tab until the focused element's text or id matches, at most `max` times. */
async function tabTo(p: Page, matches: (chain: string[]) => boolean, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (matches(await focusedPath(p))) return;
    await p.keyboard.press('Tab');
  }
  throw new Error(`focus never reached the target; it is at ${(await focusedPath(p)).join(' > ')}`);
}

describe('the console runs a whole show', () => {
  it('creates the interview as a draft with its host, a guest with photo and bio, and its background', async () => {
    await loginToConsole(page, server.url);
    await page.locator('oi-home a[href="#/interviews/new"]').click();
    const form = page.locator('oi-interview-form');
    await form.locator('#title').fill('优化营商环境在线访谈');
    await form.locator('#department').fill('县发展和改革局');
    const soon = new Date(Date.now() + 3600_000);
    const local = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}T${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
    await form.locator('#startsAt').fill(local(soon));
    await form.locator('#endsAt').fill(local(new Date(soon.getTime() + 5400_000)));
    await form.locator('#background').fill('为进一步优化营商环境，县发改局局长做客在线访谈。');
    await form.locator('#host-name').fill('陈主持');
    await form.locator('#guest-0-name').fill('王明');
    await form.locator('#guest-0-position').fill('县发改局局长');
    await form.locator('#guest-0-bio').fill('分管全县经济运行工作。');
    await form.locator('#guest-0-photo').setInputFiles(path.join(photoDir, 'guest.jpg'));
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(/#\/interviews\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    interviewId = page.url().split('/').at(-1)!;
    const interview = (await staff.get(`/api/interviews/${interviewId}`)).body;
    expect(interview).toMatchObject({
      status: 'draft',
      background: '为进一步优化营商环境，县发改局局长做客在线访谈。',
      host: { name: '陈主持' },
      guests: [{ name: '王明', position: '县发改局局长', bio: '分管全县经济运行工作。', photo: expect.stringMatching(/\.jpg$/) }],
    });
    expect((await server.anonymous().get(`/api/public/interviews/${interviewId}`)).status).toBe(404);
  });

  it('announces it through the confirmation dialog; the portal then shows it', async () => {
    await expect.poll(detailText, { timeout: 10_000 }).toContain('草稿');
    await page.locator('oi-interview-detail #status-title ~ .actions button', { hasText: '发布预告' }).click();
    const dialog = page.locator('oi-confirm-dialog dialog[open]');
    await dialog.waitFor();
    await dialog.locator('#confirm').click();
    await expect.poll(apiStatus, { timeout: 10_000 }).toBe('scheduled');
    await expect.poll(detailText).toContain('已发布预告');
    // The public gate may hold the draft status for 2 s.
    await expect.poll(async () => (await server.anonymous().get(`/api/public/interviews/${interviewId}`)).status, { timeout: 10_000 }).toBe(200);
    const publicJson = (await server.anonymous().get(`/api/public/interviews/${interviewId}`)).body;
    expect(publicJson.guests[0].photoUrl).toMatch(/\/media\/interviews\/.+\/people\/.+\.jpg$/);
  });

  it('adds a camera, shows its WHIP URL and token with copy buttons, and opens the studio', async () => {
    const add = page.locator('oi-camera-add');
    await add.locator('#camera-name').fill('主机位');
    await add.locator('button[type="submit"]').click();
    const token = page.locator('oi-camera-token');
    await expect.poll(() => token.locator('#token-value').inputValue(), { timeout: 10_000 }).toMatch(/.{20,}/);
    expect(await token.locator('#token-whip-url').inputValue()).toMatch(/\/whip\/[0-9a-f-]{36}$/);
    expect(await token.locator('button', { hasText: '复制' }).count()).toBe(2);
    expect(await shadowText(page, 'oi-camera-token')).toContain('OBS');
  });

  it('the studio preflight checks the camera, microphone, server and upload, each with a result', async () => {
    const cameraId = (await staff.get(`/api/interviews/${interviewId}/cameras`)).body[0].id as string;
    studio = await browser.context.newPage();
    await studio.goto(`${server.url}/console#/studio/${cameraId}`);
    const preflight = studio.locator('studio-preflight');
    await preflight.locator('button[part="preflight-run"]').click({ timeout: 20_000 });
    await expect.poll(() => preflight.getAttribute('data-done'), { timeout: 30_000 }).toBe('true');
    const verdicts = Object.fromEntries(
      await Promise.all(
        ['camera', 'microphone', 'server', 'upload'].map(async (id) => [id, await preflight.locator(`li[data-check="${id}"]`).getAttribute('data-verdict')]),
      ),
    );
    // Chromium's fake camera moves; its fake microphone beeps at full scale (a clipping warning is right); the server
    // is on this machine.
    expect(verdicts).toEqual({ camera: 'pass', microphone: expect.stringMatching(/^(pass|warn)$/), server: 'pass', upload: 'pass' });
    const text = await shadowText(studio, 'studio-preflight');
    expect(text).toMatch(/上行带宽约 [\d.]+ Mbps/);
  });

  it('publishing from the studio puts the show on air; the status bar shows the publisher', async () => {
    await studio.locator('interview-studio [part="publish"]').click();
    await expect.poll(apiStatus, { timeout: 20_000 }).toBe('live');
    await expect.poll(detailText, { timeout: 15_000 }).toContain('直播中');
    await expect.poll(() => shadowText(page, 'oi-live-status'), { timeout: 20_000 }).toContain('1 / 1 路已连接');
    await expect.poll(() => shadowText(page, 'oi-live-status'), { timeout: 20_000 }).toMatch(/\d+ Kbps/);
  });

  it('ends the show with the keyboard only: the dialog keeps focus, Esc cancels, Enter confirms', async () => {
    const end = page.locator('oi-interview-detail #status-title ~ .actions button', { hasText: '结束直播' });
    await end.focus();
    await page.keyboard.press('Enter');
    await page.locator('oi-confirm-dialog dialog[open]').waitFor();
    expect((await focusedPath(page)).at(-1)).toBe('button#cancel');
    // Focus is trapped: Tab cycles within the dialog's buttons (the page behind is inert).
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const chain = await focusedPath(page);
      if (chain.includes('oi-confirm-dialog')) expect(['button#cancel', 'button#confirm']).toContain(chain.at(-1));
      else expect(chain.at(-1)).toBe('body');
    }
    await page.keyboard.press('Escape');
    await page.locator('oi-confirm-dialog dialog[open]').waitFor({ state: 'detached' });
    expect(await apiStatus()).toBe('live');
    // Focus went back to the button that opened the dialog.
    expect(await end.evaluate((button) => button.matches(':focus'))).toBe(true);

    await page.keyboard.press('Enter');
    await page.locator('oi-confirm-dialog dialog[open]').waitFor();
    await tabTo(page, (chain) => chain.at(-1) === 'button#confirm');
    await page.keyboard.press('Enter');
    await expect.poll(apiStatus, { timeout: 20_000 }).toBe('ended');
    await expect.poll(detailText, { timeout: 10_000 }).toContain('已结束');
    const playlist = fs.readFileSync(path.join(server.dataDir, 'interviews', interviewId, 'hls', 'index.m3u8'), 'utf8');
    expect(playlist.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
  });

  it('publishes the replay; the home page no longer asks for it', async () => {
    await studio.close();
    await page.locator('oi-interview-detail #status-title ~ .actions button', { hasText: '发布回顾' }).click();
    await page.locator('oi-confirm-dialog #confirm').click();
    await expect.poll(apiStatus, { timeout: 10_000 }).toBe('replay');
    const publicJson = (await server.anonymous().get(`/api/public/interviews/${interviewId}`)).body;
    expect(publicJson).toMatchObject({ status: 'replay', hlsUrl: expect.stringContaining('/hls/index.m3u8') });
    await page.goto(`${server.url}/console#/home`);
    await page.locator('oi-home h2#home-tasks').waitFor();
    expect(await shadowText(page, 'oi-home')).not.toContain('请检查回放后发布回顾');
  });
});
