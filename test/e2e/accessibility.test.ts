import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { Netizen } from '../helpers/qaFixtures.js';
import { startTestApp, TEST_ADMIN, type TestApp } from '../helpers/startTestApp.js';

/**
 * axe-core on every page a citizen or a staff member sees, in real Chromium against the real server, inside the
 * elements' shadow roots. Serious and critical violations fail: portals of county governments are audited for
 * accessibility (信息无障碍, 适老化), and the elements are what the portal embeds. The public elements' large-text and
 * high-contrast modes (and forced colours) are checked in publicElements.test.ts; no pass here under emulated forced
 * colours, where axe reports the author colours rather than the forced ones.
 */

let server: TestApp;
let browser: TestBrowser;
let page: Page;
let interviewId: string;
let cameraId: string;

beforeAll(async () => {
  server = await startTestApp();
  const staff = await server.login();
  const interview = await staff.post('/api/interviews', {
    title: '乡村振兴政策解读在线访谈',
    topic: '解读今年乡村振兴重点任务和惠农补贴政策',
    department: '县农业农村局',
    startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    guests: [
      { name: '张建国', position: '县农业农村局局长' },
      { name: '李秀兰', position: '县乡村振兴服务中心主任' },
    ],
  });
  interviewId = interview.body.id;
  cameraId = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '主机位' })).body.id;
  browser = await launchChromium();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectAccessible(): Promise<void> {
  const found = await seriousViolations(page);
  expect(found, `axe found on ${page.url()}:\n${found.join('\n')}`).toEqual([]);
}

const elementState = () => page.locator('online-interview').getAttribute('data-state');

describe('accessibility (axe-core, serious and critical)', () => {
  it('the demo portal page with a scheduled interview', async () => {
    await page.goto(`${server.url}/demo?interview=${interviewId}`);
    await expect.poll(elementState).toBe('scheduled');
    await expectAccessible();
  });

  it('the watch page', async () => {
    await page.goto(`${server.url}/watch/${interviewId}`);
    await expect.poll(elementState).toBe('scheduled');
    await expectAccessible();
  });

  it('the console login screen', async () => {
    await page.goto(`${server.url}/console#/login`);
    await page.locator('#username').waitFor();
    await expectAccessible();
  });

  it('the console home (today), after logging in through the form', async () => {
    await page.locator('#username').fill(TEST_ADMIN.username);
    await page.locator('#password').fill(TEST_ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/#\/home$/);
    await page.locator('oi-home h2#home-tasks').waitFor();
    await expectAccessible();
  });

  it('the console interview list', async () => {
    await page.goto(`${server.url}/console#/interviews`);
    await page.locator('oi-interview-list th[scope="row"]', { hasText: '乡村振兴政策解读在线访谈' }).waitFor();
    await expectAccessible();
  });

  it('the console interview detail, with the live status bar', async () => {
    await page.locator('oi-interview-list td a[href^="#/interviews/"]').first().click();
    // The camera is named in the cameras table and in the status bar's publishers.
    await page.locator('oi-interview-detail th[scope="row"]', { hasText: '主机位' }).first().waitFor();
    await page.locator('oi-live-status dl').waitFor();
    await expectAccessible();
  });

  it('the confirmation dialog of a status move', async () => {
    await page.locator('oi-interview-detail #status-title ~ .actions button').first().click();
    await page.locator('oi-confirm-dialog dialog[open]').waitFor();
    await expectAccessible();
    await page.keyboard.press('Escape');
    await page.locator('oi-confirm-dialog dialog[open]').waitFor({ state: 'detached' });
  });

  it('the interview form: new, and editing with a guest', async () => {
    await page.goto(`${server.url}/console#/interviews/new`);
    await page.locator('oi-interview-form #title').waitFor();
    await expectAccessible();
    await page.goto(`${server.url}/console#/interviews/${interviewId}/edit`);
    await page.locator('oi-interview-form #guest-0-name').waitFor();
    await expectAccessible();
  });

  it('the browser studio page, with the fake camera open', async () => {
    await page.goto(`${server.url}/console#/studio/${cameraId}`);
    await page.waitForFunction(
      () => {
        const studio = document
          .querySelector('oi-console')
          ?.shadowRoot?.querySelector('oi-studio-page')
          ?.shadowRoot?.querySelector('interview-studio');
        const video = studio?.shadowRoot?.querySelector('video');
        return video !== null && video !== undefined && video.readyState >= 2 && studio?.shadowRoot?.querySelector('option') !== null;
      },
      undefined,
      { timeout: 15_000 },
    );
    await expectAccessible();
  });

  it('the moderation desk, with a ban listed and the ban panel open', async () => {
    const staff = await server.login();
    // Both asked before the ban: it covers the address every test client shares.
    const banned = await new Netizen(server.anonymous(), interviewId).ask('这一条提问的提问者将被禁止', '网友甲');
    await new Netizen(server.anonymous(), interviewId).ask('这一条提问留在待审核队列里', '网友乙');
    await staff.post(`/api/interviews/${interviewId}/bans`, { questionId: banned.body.id, scope: 'interview', reason: '含不文明用语', days: 7 });
    await page.goto(`${server.url}/console#/interviews/${interviewId}/moderate`);
    await page.locator('oi-qa-moderate li[data-id]').first().focus();
    await page.keyboard.press('b');
    await page.locator('oi-qa-moderate input[name="ban-scope"]').first().waitFor();
    await page.locator('oi-qa-moderate button', { hasText: '解除' }).waitFor();
    await expectAccessible();
  });
});
