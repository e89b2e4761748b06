import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { loginToConsole, shadowText } from '../helpers/consolePages.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/** Staff switch the console between Chinese (the default) and English; the choice survives a reload. */
let server: TestApp;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  server = await startTestApp();
  browser = await launchChromium();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const header = () => shadowText(page, 'oi-console');
const languageButton = () => page.locator('oi-console').locator('[part="language"]');

describe('console language', () => {
  it('starts in Chinese and switches to English from the header, by keyboard', async () => {
    await loginToConsole(page, server.url);
    expect(await header()).toContain('访谈管理');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await languageButton().getAttribute('lang')).toBe('en');

    await languageButton().focus();
    await page.keyboard.press('Enter');
    await expect.poll(header).toContain('Interviews');
    expect(await header()).not.toContain('访谈管理');
    expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['en', 'Online Interview Console']);
  });

  it('remembers English after a reload, and switches back to Chinese', async () => {
    await page.reload();
    await expect.poll(header).toContain('Interviews');
    await languageButton().click();
    await expect.poll(header).toContain('访谈管理');
    await page.reload();
    await expect.poll(header).toContain('访谈管理');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });
});
