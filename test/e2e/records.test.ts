import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InterviewRepository } from '../../server/db/InterviewRepository.js';
import type { ApiSession } from '../helpers/ApiSession.js';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { loginToConsole, shadowText } from '../helpers/consolePages.js';
import { Netizen, questionAction } from '../helpers/qaFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * The after-show pages in Chromium against the real server: the department reviews, corrects, approves and publishes
 * the 文字实录 by keyboard and mouse, and the portal's API then serves the corrected text; axe-core finds no serious
 * or critical violation on the transcript, follow-up, overdue and statistics pages.
 */

let server: TestApp;
let admin: ApiSession;
let browser: TestBrowser;
let page: Page;
let interviewId: string;

beforeAll(async () => {
  server = await startTestApp();
  admin = await server.login();
  interviewId = (
    await admin.post('/api/interviews', { title: '城乡供水一体化', department: '县水利局', guests: [{ name: '王局长', position: '县水利局局长' }] })
  ).body.id;
  const interviews = new InterviewRepository(server.app.database.dataSource);
  await interviews.setStatus(interviewId, 'scheduled', new Date());
  await interviews.setStatus(interviewId, 'live', new Date());
  const answered = (await new Netizen(server.anonymous(), interviewId).ask('我们村什么时候通自来水？', '李大爷')).body.id;
  const leftOver = (await new Netizen(server.anonymous(), interviewId).ask('水费会不会涨？', '张阿姨')).body.id;
  await questionAction(admin, interviewId, answered, { action: 'approve' });
  await questionAction(admin, interviewId, leftOver, { action: 'approve' });
  await admin.post(`/api/interviews/${interviewId}/posts`, { role: 'host', body: '各位网友好，欢迎收看。' });
  const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer();
  const uploaded = await fetch(`${server.url}/api/interviews/${interviewId}/images`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/jpeg', Cookie: admin.cookie! },
    body: new Uint8Array(photo),
  });
  const imageId = ((await uploaded.json()) as { id: string }).id;
  await admin.post(`/api/interviews/${interviewId}/posts`, { role: 'guest', guestIndex: 0, body: '明年六月前全部通水。', questionId: answered, imageIds: [imageId] });
  const guestPost = (await admin.get(`/api/interviews/${interviewId}/qa`)).body.posts.find((p: { role: string }) => p.role === 'guest');
  if (guestPost.status === 'pending') await admin.post(`/api/interviews/${interviewId}/posts/${guestPost.id}/actions`, { action: 'approve' });
  await questionAction(admin, interviewId, answered, { action: 'answered' });
  await interviews.setStatus(interviewId, 'ended', new Date());

  browser = await launchChromium();
  page = await browser.context.newPage();
  await loginToConsole(page, server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectAccessible(): Promise<void> {
  const found = await seriousViolations(page);
  expect(found, `axe found on ${page.url()}:\n${found.join('\n')}`).toEqual([]);
}

const consoleText = () => shadowText(page, 'oi-console');

describe('the department reviews and publishes the transcript', () => {
  it('builds, corrects, approves and publishes it from the console', async () => {
    await page.goto(`${server.url}/console#/interviews/${interviewId}`);
    await page.getByRole('link', { name: '文字实录' }).click();
    await page.waitForURL(/\/transcript$/);
    await expect.poll(consoleText, { timeout: 15_000 }).toContain('尚未生成文字实录');
    await expectAccessible();

    await page.getByRole('button', { name: '生成文字实录' }).click();
    await expect.poll(consoleText, { timeout: 15_000 }).toContain('实录内容（3 段）');
    await expectAccessible();

    const first = page.locator('#text-0');
    await expect.poll(() => first.inputValue()).toBe('各位网友好，欢迎收看。');
    await first.fill('各位网友，大家好！欢迎收看本期在线访谈。');
    await page.locator('#speaker-0').fill('主持人 刘芳');
    await expect.poll(consoleText).toContain('有未保存的修改');
    await page.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(consoleText, { timeout: 15_000 }).toContain('已保存');

    // Entry 3 (the guest's answer) moves above entry 2 (the question) and back, by keyboard.
    await page.getByRole('button', { name: '上移第 3 段' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#text-1').inputValue()).toBe('明年六月前全部通水。');
    await page.getByRole('button', { name: '下移第 2 段' }).click();
    await expect.poll(() => page.locator('#text-2').inputValue()).toBe('明年六月前全部通水。');
    // The picture of the answer is shown with its entry; the reviewer leaves it out of the transcript.
    expect(await page.locator('#entry-2 img').count()).toBe(1);
    await page.getByRole('button', { name: '移除图片（第 3 段第 1 张）' }).click();
    await expect.poll(() => page.locator('#entry-2 img').count()).toBe(0);
    await page.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(consoleText, { timeout: 15_000 }).toContain('已保存');

    await page.getByRole('button', { name: '审核通过' }).click();
    await expect.poll(consoleText, { timeout: 15_000 }).toContain('已审核通过，可以发布');
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await expect.poll(consoleText, { timeout: 15_000 }).toContain('已发布，网站上可以看到文字实录');
    await expect.poll(consoleText).toContain('Word 文档（DOCX）');
    await expectAccessible();

    const published = (await server.anonymous().get(`/api/public/interviews/${interviewId}/transcript`)).body;
    expect(published.entries.map((e: { speaker: string; text: string }) => `${e.speaker}：${e.text}`)).toEqual([
      '主持人 刘芳：各位网友，大家好！欢迎收看本期在线访谈。',
      '李大爷：我们村什么时候通自来水？',
      '王局长：明年六月前全部通水。',
    ]);
    expect(published.entries[2].images).toBeUndefined();
  });
});

describe('accessibility of the other after-show pages (axe-core, serious and critical)', () => {
  it('the follow-ups page, with an open follow-up and its answer form', async () => {
    await page.goto(`${server.url}/console#/interviews/${interviewId}/follow-ups`);
    await expect.poll(consoleText, { timeout: 15_000 }).toContain('水费会不会涨？');
    await expectAccessible();
  });

  it('the overdue list', async () => {
    await page.goto(`${server.url}/console#/follow-ups/overdue`);
    await expect.poll(consoleText, { timeout: 15_000 }).toContain('没有逾期的答复');
    await expectAccessible();
  });

  it('the statistics with its chart and table, opened from the console navigation', async () => {
    await page.getByRole('link', { name: '年度统计' }).click();
    await page.waitForURL(/#\/statistics$/);
    await expect.poll(consoleText, { timeout: 15_000 }).toContain('县水利局');
    expect(await page.locator('svg[role="img"]').count()).toBe(1);
    await expectAccessible();
  });
});
