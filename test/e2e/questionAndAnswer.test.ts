import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { loginToConsole, shadowText } from '../helpers/consolePages.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { publishFromPage, waitForConnected } from '../helpers/whipPublisher.js';

/**
 * One question, one answer, as the column runs it: a netizen asks on the portal page and sees it
 * pending; a moderator approves it in the console; the host marks it 正在回答; the guest answers
 * it; the department's reviewer publishes the answer; the viewer page shows it all, live, in order.
 */
let server: TestApp;
let staff: ApiSession;
let browser: TestBrowser;
let portal: Page;
let desk: Page;
let interviewId: string;

const QUESTION = '暑期游泳馆的食品卫生谁来检查？';
const ANSWER = '由县市场监管局每月抽查，结果在门户网站公示。';

beforeAll(async () => {
  server = await startTestApp({ rtcMinPort: 44200, rtcMaxPort: 44300 });
  staff = await server.login();
  interviewId = (
    await staff.post('/api/interviews', {
      title: '夏季饮食安全',
      department: '县市场监管局',
      guests: [{ name: '王明', position: '县市场监管局局长' }],
    })
  ).body.id;
  browser = await launchChromium();

  // The show is on air: a studio camera publishes, so the portal shows the live layout with the feed.
  const camera = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '主机位' })).body;
  const studio = await browser.context.newPage();
  await studio.goto(`${server.url}/healthz`);
  expect((await publishFromPage(studio, camera.whipUrl, camera.token)).status).toBe(201);
  await waitForConnected(studio);
  for (let i = 0; i < 100 && (await staff.get(`/api/interviews/${interviewId}`)).body.status !== 'live'; i++) {
    await new Promise((r) => setTimeout(r, 200));
  }

  portal = await browser.context.newPage();
  await portal.setViewportSize({ width: 1280, height: 900 });
  await portal.goto(`${server.url}/demo?interview=${interviewId}`);
  desk = await browser.context.newPage();
  await loginToConsole(desk, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a question answered live, end to end', () => {
  it('the netizen asks and sees the question pending, visible only to them', async () => {
    await expect.poll(() => portal.locator('online-interview').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    await portal.locator('#oi-q-nickname').fill('热心市民');
    await portal.locator('#oi-q-body').fill(QUESTION);
    await portal.locator('interview-questions form button[type="submit"]').click();
    await expect.poll(() => shadowText(portal, 'interview-questions'), { timeout: 10_000 }).toContain('待审核');
    const publicQa = (await server.anonymous().get(`/api/public/interviews/${interviewId}/qa`)).body;
    expect(publicQa.questions).toEqual([]);
  });

  it('the moderator approves it in the console; the portal shows it at once', async () => {
    await desk.goto(`${server.url}/console#/interviews/${interviewId}/moderate`);
    const approve = desk.locator('li[data-id] button', { hasText: '通过' }).first();
    await approve.waitFor({ timeout: 15_000 });
    await approve.click();
    await expect.poll(() => shadowText(portal, 'interview-questions'), { timeout: 10_000 }).toContain('已采纳');
    expect(await shadowText(portal, 'interview-questions')).toContain(QUESTION);
  });

  it('the host marks it 正在回答; the portal highlights it', async () => {
    await desk.goto(`${server.url}/console#/interviews/${interviewId}/host`);
    const answering = desk.locator('button', { hasText: '设为正在回答' }).first();
    await answering.waitFor({ timeout: 15_000 });
    await answering.click();
    await expect.poll(() => shadowText(portal, 'interview-live-feed'), { timeout: 10_000 }).toContain('正在回答');
  });

  it('the host can take 正在回答 off without answering; the portal drops the highlight, and it can be marked again', async () => {
    // The banner itself: the feed's polite live region keeps its last announcement, which names the question too.
    const banner = portal.locator('interview-live-feed [part="answering"]');
    expect(await banner.count()).toBe(1);
    await desk.locator('button', { hasText: '取消“正在回答”' }).click();
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => shadowText(desk, 'oi-qa-host'), { timeout: 10_000 }).toContain('当前没有正在回答的问题。');
    await desk.locator('button', { hasText: '设为正在回答' }).first().click();
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);
  });

  it('the guest answers it; once the reviewer publishes the answer, the feed shows question and answer in order', async () => {
    await desk.goto(`${server.url}/console#/interviews/${interviewId}/guest`);
    await desk.locator('#post-body').waitFor({ timeout: 15_000 });
    await desk.locator('#post-body').fill(ANSWER);
    await desk.locator('#post-question').selectOption({ index: 1 });
    await desk.locator('button[type="submit"]', { hasText: '发布' }).click();
    await expect.poll(() => shadowText(desk, 'oi-console'), { timeout: 10_000 }).toContain('审核通过后发布');
    expect(await shadowText(portal, 'interview-live-feed')).not.toContain(ANSWER);

    await desk.goto(`${server.url}/console#/interviews/${interviewId}/review`);
    const publish = desk.locator('button', { hasText: '通过并发布' }).first();
    await publish.waitFor({ timeout: 15_000 });
    await publish.click();

    await expect.poll(() => shadowText(portal, 'interview-live-feed'), { timeout: 10_000 }).toContain(ANSWER);
    const feed = await shadowText(portal, 'interview-live-feed');
    expect(feed).toContain('王明');
    expect(feed.indexOf(QUESTION)).toBeLessThan(feed.indexOf(ANSWER));
  });

  it('a viewer who joins late gets the same state: the question, then its answer', async () => {
    const late = await browser.context.newPage();
    await late.goto(`${server.url}/watch/${interviewId}`);
    await expect.poll(() => shadowText(late, 'interview-live-feed'), { timeout: 15_000 }).toContain(ANSWER);
    const feed = await shadowText(late, 'interview-live-feed');
    expect(feed.indexOf(QUESTION)).toBeLessThan(feed.indexOf(ANSWER));
    expect(await shadowText(late, 'interview-questions')).toContain(QUESTION);
    await late.close();
  });
});
