import type { Page } from 'playwright-core';
import { TEST_ADMIN } from './startTestApp.js';

/** The text a reader sees inside a custom element (its shadow DOM, nested ones included). */
export function shadowText(page: Page, selector: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((root) => {
      const walk = (node: Node): string => {
        if (node instanceof HTMLElement && node.shadowRoot) return walk(node.shadowRoot);
        if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
        if (node instanceof HTMLStyleElement) return '';
        return Array.from(node.childNodes).map(walk).join(' ');
      };
      return walk(root).replace(/\s+/g, ' ');
    });
}

/** Logs the test admin in through the console's own form, as staff do. */
export async function loginToConsole(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/console#/login`);
  await page.locator('#username').fill(TEST_ADMIN.username);
  await page.locator('#password').fill(TEST_ADMIN.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/#\/home/);
}

/** Signs `username` in on a fresh document (cookies cleared, so another user's console state is gone). */
export async function loginAs(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/console#/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/#\/home/);
}
