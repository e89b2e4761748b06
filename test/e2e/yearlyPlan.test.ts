import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { createAccount, createUnit, PLAN_PASSWORD } from '../helpers/planFixtures.js';
import { startTestApp, TEST_ADMIN, type TestApp } from '../helpers/startTestApp.js';

/**
 * The column's year in the console, as its users run it: the department's proposer fills in the annex-2 form and
 * submits it; the office's planner accepts it into the plan, schedules the row as a draft interview and announces
 * it (the interview's status to scheduled); the public calendar then lists it. axe checks each of the pages on the way.
 */
let server: TestApp;
let admin: ApiSession;
let browser: TestBrowser;
let page: Page;
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const TOPIC = '义务教育阶段招生入学政策解读';

beforeAll(async () => {
  server = await startTestApp();
  admin = await server.login();
  const unit = await createUnit(admin, '县教体局');
  await createAccount(server, admin, 'jiaoti', ['proposer'], unit);
  await createAccount(server, admin, 'bangongshi', ['office_planner']);
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function loginAs(username: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${server.url}/console#/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(username === 'admin' ? TEST_ADMIN.password : PLAN_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/#\/home/);
}

async function expectAccessible(): Promise<void> {
  const found = await seriousViolations(page);
  expect(found, `axe found on ${page.url()}:\n${found.join('\n')}`).toEqual([]);
}

describe('propose → accept → schedule → announce, in the console', () => {
  it('the department proposes a topic on the form and submits it', async () => {
    await loginAs('jiaoti');
    await page.getByRole('link', { name: '选题征集' }).click();
    await page.getByRole('button', { name: '填写征集表' }).click();
    await page.getByLabel('访谈时间（建议）').fill('6月1日');
    await page.getByLabel('嘉宾1姓名').fill('王明');
    await page.getByLabel('嘉宾1职务').fill('县教体局局长');
    await page.getByLabel('访谈主题').fill(TOPIC);
    await page.getByLabel('主要内容').fill('小升初、中考招生政策及网民关心的入学问题');
    await page.getByLabel('单位联系人').fill('李华');
    await page.getByLabel('联系电话').fill('0917-4561234');
    await expectAccessible();
    await page.getByRole('button', { name: '提交县政府办公室' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 15_000 }).toContain('已提交');
    await expect.poll(() => page.locator('oi-proposals table').textContent(), { timeout: 15_000 }).toContain('已提交，待审核');
    // The office's review is not the department's: no review form for it.
    expect(await page.getByRole('button', { name: '提交审核意见' }).count()).toBe(0);
  });

  it('the office accepts it into the plan', async () => {
    await loginAs('bangongshi');
    await page.getByRole('link', { name: '选题征集' }).click();
    await expect.poll(() => page.locator('oi-proposals table').textContent(), { timeout: 15_000 }).toContain(TOPIC);
    await expectAccessible();
    await page.getByRole('form', { name: `审核“${TOPIC}”` }).getByRole('button', { name: '提交审核意见' }).click();
    await expect.poll(() => page.locator('oi-proposals table').textContent(), { timeout: 15_000 }).toContain('已采纳，列入计划');
  });

  it('the office schedules the plan row as a draft interview', async () => {
    await page.getByRole('link', { name: '访谈计划' }).click();
    const table = page.locator('oi-annual-plan table');
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain(TOPIC);
    expect(await table.textContent()).toContain('6月1日');
    await page.locator('oi-annual-plan details summary').first().click();
    await expectAccessible();
    await page.getByRole('form', { name: `编辑“${TOPIC}”` }).getByLabel('备注').fill('全年第一期');
    await page.getByRole('form', { name: `编辑“${TOPIC}”` }).getByRole('button', { name: '保存' }).click();
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain('全年第一期');
    await page.getByLabel('开始时间').fill(`${YEAR}-06-01T09:30`);
    await page.getByRole('button', { name: '排期（生成访谈草稿）' }).click();
    await expect.poll(() => page.getByRole('link', { name: `打开访谈“${TOPIC}”` }).count(), { timeout: 15_000 }).toBe(1);
  });

  it('shows the interview\'s preparation checklist with its due dates', async () => {
    await page.getByRole('link', { name: `“${TOPIC}”的准备清单` }).click();
    const table = page.locator('oi-checklist table');
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain('发布访谈预告');
    expect(await table.textContent()).toContain('5月29日');
    await expectAccessible();
    await page.getByLabel('“确定访谈嘉宾及助理”已完成').check();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 15_000 }).toContain('已更新清单');
  });

  it('announces it, and the public calendar lists it', async () => {
    await page.getByRole('link', { name: '返回访谈' }).click();
    const detail = page.locator('oi-interview-detail');
    await detail.getByRole('button', { name: '发布预告' }).first().click();
    await detail.locator('oi-confirm-dialog #confirm').click();
    await expect.poll(() => detail.locator('#status-title').textContent(), { timeout: 15_000 }).toContain('已发布预告');
    const calendar = await server.anonymous().get('/api/public/schedule.ics');
    expect((calendar.body as string).replace(/\r\n[ \t]/g, '')).toContain(`SUMMARY:${TOPIC}`);
    // The browser read 09:30 in its own time zone, which is this process's.
    const start = new Date(YEAR, 5, 1, 9, 30).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(calendar.body).toContain(`DTSTART:${start}`);
  });

  it('the accounts page passes axe too', async () => {
    await loginAs('admin');
    await page.goto(`${server.url}/console#/users`);
    await expect.poll(() => page.locator('oi-plan-users').textContent(), { timeout: 15_000 }).toBeDefined();
    await expect.poll(async () => (await page.locator('oi-plan-users details').count()) > 0, { timeout: 15_000 }).toBe(true);
    await page.locator('oi-plan-users details summary').first().click();
    await expectAccessible();
  });
});
