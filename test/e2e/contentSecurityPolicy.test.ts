import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { loginToConsole, shadowText } from '../helpers/consolePages.js';
import { apiSecurityPolicy } from '../helpers/apiSecurityPolicy.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * The pages' Content-Security-Policy (no 'unsafe-inline') in real Chromium: the console (sign-in, home, the
 * interview list and an interview's page) and the portal pages (/watch, /demo) render with no violation reported,
 * while an injected inline script is refused and reported, which shows the check would see one. Also the console's
 * sign-in messages for a locked account, in Chinese.
 */
let server: TestApp;
let browser: TestBrowser;
let page: Page;
let interviewId: string;
/** Violations from the page's securitypolicyviolation events and Chromium's console, since the last reset. */
let violations: string[] = [];

beforeAll(async () => {
  server = await startTestApp({ loginFailuresPerAccount: 2 });
  const staff = await server.login();
  const created = await staff.post('/api/interviews', { status: 'scheduled', title: '内容安全策略测试', scheduledAt: new Date(Date.now() + 86_400_000).toISOString() });
  expect(created.status).toBe(201);
  interviewId = created.body.id;
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.exposeFunction('reportViolation', (text: string) => void violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function settle(): Promise<void> {
  await page.waitForLoadState('networkidle');
}

describe('Content-Security-Policy in Chromium', () => {
  it('serves pages with a policy that has no unsafe-inline and lets nobody frame the console', async () => {
    for (const path of ['/console', `/watch/${interviewId}`, `/demo?interview=${interviewId}`]) {
      const response = await fetch(server.url + path);
      const policy = response.headers.get('Content-Security-Policy') ?? '';
      expect(policy, path).toMatch(/script-src 'self'[; ]/);
      expect(policy, path).not.toMatch(/unsafe-inline|unsafe-eval/);
    }
    expect((await fetch(`${server.url}/console`)).headers.get('Content-Security-Policy')).toMatch(/frame-ancestors 'none'/);
    expect((await fetch(`${server.url}/api/auth/me`)).headers.get('Content-Security-Policy')).toBe(
      apiSecurityPolicy(server.app.publicUrl),
    );
  });

  it('renders the console (sign-in, home, interviews, an interview) with no violation', async () => {
    violations = [];
    await loginToConsole(page, server.url);
    await settle();
    expect(await shadowText(page, 'oi-console')).toContain('内容安全策略测试');
    await page.goto(`${server.url}/console#/interviews`);
    await settle();
    await page.goto(`${server.url}/console#/interviews/${interviewId}`);
    await settle();
    expect(await shadowText(page, 'oi-console')).toContain('内容安全策略测试');
    expect(violations).toEqual([]);
  });

  it('renders the portal pages with no violation', async () => {
    violations = [];
    for (const path of [`/watch/${interviewId}`, `/demo?interview=${interviewId}`]) {
      await page.goto(server.url + path);
      await settle();
      await expect.poll(() => shadowText(page, 'online-interview'), { timeout: 20_000 }).toContain('内容安全策略测试');
    }
    expect(violations).toEqual([]);
  });

  it('would see a violation: an injected inline script is refused and reported', async () => {
    violations = [];
    await page.goto(`${server.url}/watch/${interviewId}`);
    await settle();
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedRan = true;';
      document.body.append(script);
      return (window as unknown as { injectedRan?: boolean }).injectedRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.length, { timeout: 10_000 }).toBeGreaterThan(0);
  });
});

describe('console sign-in when throttled', () => {
  it('says the account is locked and what to do', async () => {
    await browser.context.clearCookies();
    await page.goto(`${server.url}/console#/login`);
    const error = page.locator('oi-login p.error');
    for (const expected of [/用户名或密码错误/, /用户名或密码错误/, /已暂时锁定.*分钟后再试.*联系管理员/]) {
      await page.locator('#username').fill('someone');
      await page.locator('#password').fill('a wrong password');
      await page.locator('button[type="submit"]').click();
      await expect.poll(() => error.textContent(), { timeout: 10_000 }).toMatch(expected);
      await page.locator('#password').fill('');
    }
  });
});
