import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { loginToConsole, shadowText } from '../helpers/consolePages.js';
import { createInterview, Netizen } from '../helpers/qaFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * 禁止提问 in the console, by keyboard: the moderator bans the asker of a queued question; the portal page (same
 * address as the asker, as every test client is) then shows the neutral message; after 解除 it may ask again.
 */
let server: TestApp;
let staff: ApiSession;
let browser: TestBrowser;
let portal: Page;
let desk: Page;
/** A second moderator's console on the same interview: bans made or lifted on `desk` reach it live. */
let otherDesk: Page;
let interviewId: string;

async function askOnPortal(body: string): Promise<void> {
  await portal.locator('#oi-q-nickname').fill('门户网友');
  await portal.locator('#oi-q-body').fill(body);
  await portal.locator('interview-questions form button[type="submit"]').click();
}

beforeAll(async () => {
  server = await startTestApp();
  staff = await server.login();
  interviewId = await createInterview(staff, '禁止提问演示');
  browser = await launchChromium();
  portal = await browser.context.newPage();
  await portal.goto(`${server.url}/demo?interview=${interviewId}`);
  desk = await browser.context.newPage();
  await loginToConsole(desk, server.url);
  otherDesk = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('banning from the moderation desk', () => {
  it('B opens the ban panel on the current question; confirming rejects it and lists the ban', async () => {
    expect((await new Netizen(server.anonymous(), interviewId).ask('这是一条捣乱的提问内容', '捣乱网友')).status).toBe(201);
    await otherDesk.goto(`${server.url}/console#/interviews/${interviewId}/moderate`);
    await expect.poll(() => shadowText(otherDesk, 'oi-qa-moderate'), { timeout: 15_000 }).toContain('禁止提问名单（0）');
    await desk.goto(`${server.url}/console#/interviews/${interviewId}/moderate`);
    const item = desk.locator('li[data-id]').first();
    await item.waitFor({ timeout: 15_000 });
    await expect.poll(() => shadowText(desk, 'oi-qa-moderate')).toContain('禁止提问名单（0）');
    await item.focus();
    await desk.keyboard.press('b');
    await desk.locator('input[name="ban-scope"]').first().waitFor();
    await desk.locator('label', { hasText: '永久（直到解除）' }).click();
    await desk.locator('button[type="submit"]', { hasText: '确认禁止提问' }).focus();
    await desk.keyboard.press('Enter');
    await expect.poll(() => shadowText(desk, 'oi-qa-moderate'), { timeout: 10_000 }).toContain('禁止提问名单（1）');
    const text = await shadowText(desk, 'oi-qa-moderate');
    expect(text).toContain('已禁止“捣乱网友”提问。');
    expect(text).toContain('永久（直到解除）');
    expect(text).toContain('没有待审核的问题。');
    // The other moderator's desk follows without a reload.
    await expect.poll(() => shadowText(otherDesk, 'oi-qa-moderate'), { timeout: 10_000 }).toContain('禁止提问名单（1）');
  });

  it('the portal then shows the neutral message; after 解除 the question goes through', async () => {
    await askOnPortal('被禁止之后还能提问吗？');
    await expect.poll(() => shadowText(portal, 'interview-questions'), { timeout: 10_000 }).toContain('您暂时无法在本栏目提问。如有疑问请联系网站管理员。');

    await desk.locator('button', { hasText: '解除' }).click();
    await expect.poll(() => shadowText(desk, 'oi-qa-moderate'), { timeout: 10_000 }).toContain('名单为空。');
    await expect.poll(() => shadowText(otherDesk, 'oi-qa-moderate'), { timeout: 10_000 }).toContain('名单为空。');
    await askOnPortal('解除之后再提问一次吧');
    await expect.poll(() => shadowText(portal, 'interview-questions'), { timeout: 10_000 }).toContain('待审核');
  });
});
