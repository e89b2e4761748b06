import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { loginAs } from '../helpers/consolePages.js';
import { createAccount, createUnit, PLAN_PASSWORD } from '../helpers/planFixtures.js';
import { SmtpSink } from '../helpers/SmtpSink.js';
import { startTestApp, TEST_ADMIN, type TestApp } from '../helpers/startTestApp.js';

/**
 * The office's overview pages in Chromium: 准备清单总览 (every upcoming show, overdue items flagged), 邮件发送 (the outbox
 * after a reminder went out to a real SMTP server), the e-mail field on 账号与单位, and a desk role's home page (a
 * moderator is sent to the moderation desk). axe checks each page.
 */
let server: TestApp;
let admin: ApiSession;
let browser: TestBrowser;
let page: Page;
const sink = new SmtpSink();
const DAY = 86_400_000;
let soonId: string;

beforeAll(async () => {
  const smtpPort = await sink.listen();
  server = await startTestApp({ smtpHost: '127.0.0.1', smtpPort, smtpFrom: '在线访谈 <zxft@example.gov.cn>', mailRetrySeconds: 1 });
  admin = await server.login();
  const unit = await createUnit(admin, '县卫健局');
  const proposer = await createAccount(server, admin, 'wjj', ['proposer'], unit);
  await createAccount(server, admin, 'banggongshi', ['office_planner']);
  await admin.request('PUT', `/api/users/${proposer.id}/assignment`, { json: { organisationId: unit, roles: ['proposer'], email: 'chen@wjj.example.gov.cn' } });
  await admin.post('/api/proposals/reminders', { year: new Date(Date.now() + 8 * 3_600_000).getUTCFullYear(), organisationIds: [unit], message: '请报送访谈选题' });
  soonId = (await admin.post('/api/interviews', { title: '医保政策解读', department: '县卫健局', status: 'draft', startsAt: new Date(Date.now() + 2 * DAY).toISOString() })).body.id;
  const announced = (await admin.post('/api/interviews', { title: '家庭医生签约', department: '县卫健局', startsAt: new Date(Date.now() + 10 * DAY).toISOString() })).body.id;
  await admin.request('PUT', `/api/interviews/${announced}/members/${proposer.id}`, { json: { roles: ['moderator'] } });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await sink.close();
});

const login = (username: string) => loginAs(page, server.url, username, username === 'admin' ? TEST_ADMIN.password : PLAN_PASSWORD);

async function expectAccessible(): Promise<void> {
  const found = await seriousViolations(page);
  expect(found, `axe found on ${page.url()}:\n${found.join('\n')}`).toEqual([]);
}

describe('the office overview pages', () => {
  it('准备清单总览 lists the upcoming show with its overdue items', async () => {
    await login('banggongshi');
    await page.getByRole('link', { name: '准备清单总览' }).click();
    const table = page.locator('oi-checklists-overview table');
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain('医保政策解读');
    const row = page.locator('oi-checklists-overview tr', { hasText: '医保政策解读' });
    // Guests, materials and the announcement were due 5, 4 and 3 days before a show 2 days away.
    expect(await row.textContent()).toContain('3 项逾期');
    expect(await row.locator('td.state-overdue').count()).toBe(3);
    await expectAccessible();
    await row.getByRole('link', { name: '打开“医保政策解读”的准备清单' }).click();
    await page.waitForURL(new RegExp(`#/checklist/${soonId}`));
  });

  it('邮件发送 shows the reminder sent to the proposer', async () => {
    await expect.poll(() => sink.messages.length, { timeout: 30_000 }).toBe(1);
    await page.goto(`${server.url}/console#/mail`);
    const table = page.locator('oi-mail-outbox table');
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain('chen@wjj.example.gov.cn');
    expect(await table.textContent()).toContain('已发送');
    expect(await page.locator('oi-mail-outbox p', { hasText: '已发送 1 封' }).count()).toBe(1);
    await expectAccessible();
  });

  it('账号与单位 sets an account’s e-mail address', async () => {
    await login('admin');
    await page.getByRole('link', { name: '账号与单位' }).click();
    const account = page.locator('oi-plan-users details', { hasText: 'banggongshi' });
    await account.locator('summary').click();
    await account.getByLabel('电子邮箱（接收提醒，可不填）').fill('office@example.gov.cn');
    await expectAccessible();
    await account.getByRole('button', { name: '保存单位与职责' }).click();
    await expect
      .poll(async () => (await admin.get('/api/users')).body.find((a: any) => a.username === 'banggongshi').email, { timeout: 15_000 })
      .toBe('office@example.gov.cn');
  });

  it("a moderator's home sends them to the moderation desk", async () => {
    await login('wjj');
    const task = page.getByRole('link', { name: /家庭医生签约.*审核台/ });
    await expect.poll(() => task.count(), { timeout: 15_000 }).toBe(1);
    expect(await task.getAttribute('href')).toMatch(/#\/interviews\/[^/]+\/moderate$/);
    // A unit's proposer does not announce or edit shows: no preparation task for the draft.
    expect(await page.getByRole('link', { name: /医保政策解读.*草稿/ }).count()).toBe(0);
    await expectAccessible();
  });
});
