import { mkdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { shadowText } from '../helpers/consolePages.js';
import { freePort } from '../helpers/freePort.js';
import { startLiveHls, writeRecordedHls, type LiveHls } from '../helpers/hlsFixture.js';
import { Netizen, questionAction } from '../helpers/qaFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * The public elements in real Chromium against the real server (PostgreSQL, real HLS written by FFmpeg): every state
 * of <online-interview> (预告 with countdown and guests, 直播中, 已结束, 回顾 with transcript and chapters, unreachable
 * server), <interview-schedule>, keyboard-only use, the large-text and high-contrast modes, axe-core on each state in
 * each mode, a stalled stream recovering, and the whole thing embedded from a second origin through the CORS
 * allowlist. Screenshots of each state (zh-CN and en, normal and large text) go to test-results/screenshots/.
 */
const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

let server: TestApp;
let staff: ApiSession;
let browser: TestBrowser;
let page: Page;
/** A second origin on loopback ("localhost" against the server's "127.0.0.1"), serving a portal page. */
let portal: http.Server;
let portalOrigin: string;
let live: LiveHls | null = null;
const ids = { scheduled: '', soon: '', live: '', ended: '', replay: '', draft: '' };

const HOUR = 3_600_000;

/** A plain head-and-shoulders portrait, as the console would upload (JPEG). */
function portrait(background: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="375">
    <rect width="300" height="375" fill="${background}"/>
    <circle cx="150" cy="140" r="70" fill="#5b6b7b"/>
    <path d="M30 375 C40 260 100 230 150 230 C200 230 260 260 270 375 Z" fill="#2f3d4c"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

async function uploadPortrait(interviewId: string, background: string): Promise<string> {
  const response = await fetch(`${server.url}/api/interviews/${interviewId}/portraits`, {
    method: 'POST',
    body: new Uint8Array(await portrait(background)),
    headers: { 'Content-Type': 'image/jpeg', Origin: server.url, Cookie: staff.cookie ?? '' },
  });
  const body = (await response.json()) as { photo: string };
  if (response.status !== 201) throw new Error(`portrait: ${response.status} ${JSON.stringify(body)}`);
  return body.photo;
}

const GUESTS = [
  {
    name: '张建国',
    position: '县发展和改革局局长',
    bio: '长期从事县域经济和项目建设工作，2021 年起任县发展和改革局局长，主持全县营商环境优化工作。',
  },
  {
    name: '李秀兰',
    position: '县政务服务中心主任',
    bio: '负责县政务服务中心“一窗受理、集成服务”改革，推动 186 项事项“最多跑一次”。',
  },
];

async function createInterview(fields: Record<string, unknown>): Promise<string> {
  const response = await staff.post('/api/interviews', { status: 'scheduled', ...fields });
  if (response.status !== 201) throw new Error(`create: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

async function withPeople(id: string, fields: Record<string, unknown>): Promise<void> {
  const [a, b] = [await uploadPortrait(id, '#d9e4ec'), await uploadPortrait(id, '#ece3d9')];
  const response = await staff.request('PUT', `/api/interviews/${id}`, {
    json: {
    ...fields,
    host: { name: '王芳', position: '县融媒体中心主持人', bio: null },
    guests: [
      { ...GUESTS[0], photo: a },
      { ...GUESTS[1], photo: b },
    ],
    },
  });
  if (response.status !== 200) throw new Error(`edit: ${response.status} ${JSON.stringify(response.body)}`);
}

async function setStatus(id: string, status: string): Promise<void> {
  const response = await staff.post(`/api/interviews/${id}/status`, { status });
  if (response.status !== 200) throw new Error(`status ${status}: ${response.status} ${JSON.stringify(response.body)}`);
}

/** Two approved questions, host and guest posts answering the first, as a show leaves them. */
async function seedQa(id: string, answering: boolean): Promise<void> {
  const first = await new Netizen(server.anonymous(), id).ask('企业开办现在最快多长时间能办完？需要跑几次？', '创业青年');
  const second = await new Netizen(server.anonymous(), id).ask('个体工商户办理营业执照可以在手机上办吗？', '城关居民');
  for (const q of [first, second]) await questionAction(staff, id, q.body.id, { action: 'approve' });
  await questionAction(staff, id, first.body.id, { action: answering ? 'answering' : 'answered' });
  const posts = [
    { role: 'host', body: '各位网友大家好，欢迎收看本期在线访谈。今天我们邀请到县发展和改革局和县政务服务中心的负责同志。' },
    { role: 'guest', guestIndex: 0, body: '目前企业开办全程网办，最快半个工作日办结，群众最多跑一次。', questionId: first.body.id },
  ];
  for (const post of posts) {
    const created = await staff.post(`/api/interviews/${id}/posts`, post);
    if (created.status !== 201) throw new Error(`post: ${created.status} ${JSON.stringify(created.body)}`);
    if (created.body.status === 'pending') await staff.post(`/api/interviews/${id}/posts/${created.body.id}/actions`, { action: 'approve' });
  }
}

beforeAll(async () => {
  const portalPort = await freePort();
  portalOrigin = `http://localhost:${portalPort}`;
  server = await startTestApp({ publicUrl: 'http://127.0.0.1:0', corsOrigins: [portalOrigin] });
  staff = await server.login();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  const background =
    '为进一步优化营商环境，激发市场主体活力，县政府今年出台了《关于持续优化营商环境的若干措施》。\n\n本期访谈邀请相关部门负责同志解读政策要点，回答企业和群众关心的问题。';
  const common = { topic: '解读《关于持续优化营商环境的若干措施》', department: '县发展和改革局', background };
  const inTwoDays = Date.now() + 2 * 24 * HOUR + 3 * HOUR + 25 * 60_000;
  ids.scheduled = await createInterview({ title: '优化营商环境政策解读', ...common });
  await withPeople(ids.scheduled, {
    title: '优化营商环境政策解读',
    ...common,
    startsAt: new Date(inTwoDays).toISOString(),
    endsAt: new Date(inTwoDays + HOUR).toISOString(),
  });
  ids.soon = await createInterview({ title: '夏季防汛工作访谈', department: '县应急管理局', startsAt: new Date(Date.now() + 0.8 * HOUR).toISOString() });
  ids.draft = await createInterview({ title: '尚未发布的草稿访谈', status: 'draft', startsAt: new Date(Date.now() + 5 * HOUR).toISOString() });

  for (const key of ['live', 'ended', 'replay'] as const) {
    const title = { live: '乡村振兴政策在线访谈', ended: '义务教育招生政策解读', replay: '医保惠民政策解读' }[key];
    ids[key] = await createInterview({ title, ...common });
    await withPeople(ids[key], { title, ...common, startsAt: new Date(Date.now() - 0.5 * HOUR).toISOString() });
    await seedQa(ids[key], key === 'live');
    await setStatus(ids[key], 'live');
  }
  live = await startLiveHls(server.dataDir, ids.live);
  for (const key of ['ended', 'replay'] as const) {
    await setStatus(ids[key], 'ended');
    await writeRecordedHls(server.dataDir, ids[key], 24);
  }
  await setStatus(ids.replay, 'replay');

  portal = http.createServer((req, res) => {
    const interview = new URL(req.url ?? '/', portalOrigin).searchParams.get('interview') ?? '';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>县政府门户网站 - 在线访谈</title>
<script type="module" src="${server.url}/assets/online-interview.js"></script></head>
<body><main><h1>在线访谈</h1>
<online-interview server="${server.url}" interview="${interview}"></online-interview>
<interview-schedule server="${server.url}"></interview-schedule></main></body></html>`);
  });
  await new Promise<void>((resolve) => portal.listen(portalPort, '127.0.0.1', resolve));

  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
}, 180_000);

afterAll(async () => {
  await live?.stop();
  await browser?.close();
  await new Promise((resolve) => (portal ? portal.close(resolve) : resolve(undefined)));
  await server?.close();
});

const state = () => page.locator('online-interview').getAttribute('data-state');
const text = () => shadowText(page, 'online-interview');

/**
 * Opens an interview on the demo portal page (its column is about 680 px wide: the element stacks, and the schedule
 * sits under it) or on the watch page (about 970 px: side by side).
 */
async function open(id: string, options: { lang?: 'en'; expect: string; on?: 'demo' | 'watch' }): Promise<void> {
  const lang = options.lang ? `lang=${options.lang}` : '';
  if (options.on === 'watch') await page.goto(`${server.url}/watch/${id}?${lang}`);
  else await page.goto(`${server.url}/demo?interview=${id}&${lang}`);
  await expect.poll(state, { timeout: 20_000 }).toBe(options.expect);
  if (options.on !== 'watch') await page.locator('interview-schedule[data-state="ready"]').waitFor({ timeout: 20_000 });
}

/** Stores a display mode as the toggles would (on the server's origin, whose storage the elements read). */
async function setMode(mode: 'normal' | 'large' | 'contrast'): Promise<void> {
  if (!page.url().startsWith(server.url)) await page.goto(`${server.url}/healthz`);
  await page.evaluate((m) => {
    localStorage.setItem('oi-display-large-text', m === 'large' ? '1' : '0');
    localStorage.setItem('oi-display-high-contrast', m === 'contrast' ? '1' : '0');
  }, mode);
}

/** Pauses the videos so screenshots and axe see a settled page. */
async function settle(): Promise<void> {
  await page.evaluate(() => {
    const walk = (root: ParentNode): void => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el instanceof HTMLVideoElement) el.pause();
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
  });
}

const axeResults: Record<string, number> = {};

/** axe in normal, large-text and high-contrast modes, each after a reload so the stored choice is what applies. */
async function axeInEveryMode(id: string, expected: string): Promise<void> {
  for (const mode of ['normal', 'large', 'contrast'] as const) {
    await setMode(mode);
    await open(id, { expect: expected });
    const found = await seriousViolations(page);
    axeResults[`${expected}/${mode}`] = found.length;
    expect(found, `axe on ${expected} in ${mode} mode:\n${found.join('\n')}`).toEqual([]);
  }
  await setMode('normal');
}

async function screenshots(name: string, id: string, expected: string, prepare?: () => Promise<void>): Promise<void> {
  for (const lang of ['zh-CN', 'en'] as const) {
    for (const mode of ['normal', 'large'] as const) {
      await setMode(mode);
      await open(id, { expect: expected, on: 'watch', ...(lang === 'en' ? { lang: 'en' as const } : {}) });
      await prepare?.();
      await settle();
      await page.locator('online-interview').screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${lang}-${mode}.png`) });
    }
  }
  await setMode('normal');
}

/** Where keyboard focus is, through the shadow roots: the focused element's tag, part and text. */
function focused(): Promise<{ tag: string; part: string; text: string; label: string; outline: string }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const style = el ? getComputedStyle(el) : null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      part: el?.getAttribute('part') ?? '',
      text: (el?.textContent ?? '').trim(),
      label: el?.getAttribute('aria-label') ?? el?.getAttribute('name') ?? '',
      outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
    };
  });
}

/** Presses Tab until `match` says focus arrived (at most `max` times); fails otherwise. */
async function tabTo(match: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    if (match(f)) {
      // Visible focus: an outline of at least 2 px on whatever is focused.
      expect(f.outline, `focus ring on ${f.tag} ${f.part}`).toMatch(/^(solid|auto) ([2-9]|\d\d)/);
      return;
    }
  }
  throw new Error('focus never reached the expected control');
}

describe('<online-interview> 预告 (scheduled)', () => {
  it('shows topic, department, time range, countdown, host, background, guests with photos and bios, and the advance-question form', async () => {
    await open(ids.scheduled, { expect: 'scheduled' });
    const content = await text();
    for (const expected of ['即将开始', '优化营商环境政策解读', '县发展和改革局', '距离访谈开始还有', '2 天 3 小时', '主持人', '王芳（县融媒体中心主持人）', '背景介绍', '嘉宾介绍', '张建国', '县政务服务中心主任', '一窗受理', '预约提问', '至']) {
      expect(content, expected).toContain(expected);
    }
    const photos = page.locator('online-interview img[part="guest-photo"]');
    await expect.poll(() => photos.count()).toBe(2);
    await expect.poll(() => photos.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300);
    expect(await photos.first().getAttribute('alt')).toBe('张建国的照片');
  });

  it('counts down each second as a timer, without re-announcing it through a live region', async () => {
    await open(ids.soon, { expect: 'scheduled' });
    const timer = page.locator('online-interview [role="timer"]');
    const first = await timer.innerText();
    expect(first).toMatch(/^\d+ 分 \d+ 秒$/);
    await expect.poll(() => timer.innerText(), { timeout: 5000 }).not.toBe(first);
    expect(await timer.getAttribute('aria-live')).toBeNull();
    // The polite status line does not change as the countdown ticks.
    const stateLine = page.locator('online-interview p[part="state"]');
    const before = await stateLine.innerText();
    await page.waitForTimeout(1500);
    expect(await stateLine.innerText()).toBe(before);
  });

  it('asks an advance question by keyboard alone, with visible focus on every stop', async () => {
    await open(ids.scheduled, { expect: 'scheduled' });
    await page.locator('body').focus();
    await tabTo((f) => f.part.includes('display-toggle-large-text'));
    await page.keyboard.press('Space');
    expect(await page.locator('online-interview [part~="display-toggle-large-text"]').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Space');
    await tabTo((f) => f.tag === 'input' && f.label.includes('nickname'));
    await page.keyboard.type('热心市民');
    await tabTo((f) => f.tag === 'textarea', 3);
    await page.keyboard.type('新政策对小微企业有哪些减税降费措施？');
    await tabTo((f) => f.tag === 'button' && f.text.includes('提交问题'), 6);
    await page.keyboard.press('Enter');
    await expect.poll(text, { timeout: 10_000 }).toContain('提问已提交');
  });

  it('is laid out by its own width: side by side in a wide element, stacked in a narrow one on the same wide screen', async () => {
    await open(ids.live, { expect: 'live', on: 'watch' });
    const main = page.locator('online-interview .main');
    const side = page.locator('online-interview .side');
    let [m, s] = [await main.boundingBox(), await side.boundingBox()];
    expect(s!.x).toBeGreaterThan(m!.x + m!.width - 1);
    await page.locator('online-interview').evaluate((el: HTMLElement) => (el.style.width = '480px'));
    await expect.poll(async () => (await side.boundingBox())!.y, { timeout: 5000 }).toBeGreaterThan(m!.y + 100);
    [m, s] = [await main.boundingBox(), await side.boundingBox()];
    expect(s!.y).toBeGreaterThanOrEqual(m!.y + m!.height - 1);
  });
});

describe('<online-interview> 直播中, 已结束, 回顾', () => {
  it('live: plays muted with an unmute button reached by keyboard, 正在回答, 图文直播 and the viewer count', async () => {
    await open(ids.live, { expect: 'live' });
    const video = page.locator('online-interview video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 }).toBeGreaterThan(0.5);
    expect(await video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
    await expect.poll(text, { timeout: 10_000 }).toMatch(/\d+ 人正在观看/);
    const content = await text();
    for (const expected of ['直播中', '正在回答', '企业开办现在最快多长时间能办完', '图文直播', '最快半个工作日办结', '网友提问']) {
      expect(content, expected).toContain(expected);
    }
    await page.locator('body').focus();
    await tabTo((f) => f.part === 'unmute');
    await page.keyboard.press('Enter');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(false);
  });

  it('ended: the recording plays from the start, with the questions and their answers', async () => {
    await open(ids.ended, { expect: 'ended' });
    const content = await text();
    for (const expected of ['已结束', '访谈回放', '已回答', '最快半个工作日办结']) expect(content, expected).toContain(expected);
    const video = page.locator('online-interview video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 20_000 }).toBeGreaterThan(20);
  });

  it('replay: transcript and chapters (contracts C3/C4) render when the server has them, and a chapter seeks by keyboard', async () => {
    await routeReplayExtras();
    await open(ids.replay, { expect: 'replay' });
    await expect.poll(text, { timeout: 10_000 }).toContain('访谈实录');
    const content = await text();
    for (const expected of ['精彩回顾', '章节', '企业开办时限', '0:12', '主持人王芳', '目前企业开办全程网办']) expect(content, expected).toContain(expected);
    const video = page.locator('online-interview video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 20_000 }).toBeGreaterThan(20);
    await page.locator('body').focus();
    await tabTo((f) => f.part === 'chapter' && f.label.includes('0:12'));
    await page.keyboard.press('Enter');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThanOrEqual(12);
    await page.unrouteAll();
  });

  it('replay without a published transcript or chapters (the real server: none made) shows neither, and no error', async () => {
    const transcript = page.waitForResponse((r) => r.url().endsWith(`/api/public/interviews/${ids.replay}/transcript`));
    const chapters = page.waitForResponse((r) => r.url().endsWith(`/api/public/interviews/${ids.replay}/chapters`));
    await open(ids.replay, { expect: 'replay' });
    expect((await transcript).status()).toBe(404);
    expect([200, 404]).toContain((await chapters).status());
    await page.waitForTimeout(1000);
    const content = await text();
    expect(content).not.toContain('访谈实录');
    expect(content).not.toContain('章节');
    expect(await page.locator('online-interview .error-box p[part="message"]').innerText()).toBe('');
  });

  it('switches live → ended → replay without a reload', async () => {
    const id = await createInterview({ title: '状态切换测试访谈', startsAt: new Date().toISOString() });
    await open(id, { expect: 'scheduled' });
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await setStatus(id, 'live');
    await expect.poll(state, { timeout: 15_000 }).toBe('live');
    await setStatus(id, 'ended');
    await expect.poll(state, { timeout: 15_000 }).toBe('ended');
    await setStatus(id, 'replay');
    await expect.poll(state, { timeout: 15_000 }).toBe('replay');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  });
});

/** The transcript (C3) and chapters (C4) of the replay, answered in the contract's shapes. */
async function routeReplayExtras(): Promise<void> {
  await page.route(`**/api/public/interviews/${ids.replay}/transcript`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        publishedAt: new Date().toISOString(),
        entries: [
          { role: 'host', speaker: '主持人王芳', text: '各位网友大家好，欢迎收看本期在线访谈。' },
          { role: 'netizen', speaker: '网友“创业青年”', text: '企业开办现在最快多长时间能办完？' },
          { role: 'guest', speaker: '张建国', text: '目前企业开办全程网办，最快半个工作日办结。' },
        ],
      }),
    }),
  );
  await page.route(`**/api/public/interviews/${ids.replay}/chapters`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        chapters: [
          { questionId: '00000000-0000-4000-8000-000000000001', title: '开场', startSeconds: 0 },
          { questionId: '00000000-0000-4000-8000-000000000002', title: '企业开办时限', startSeconds: 12 },
        ],
      }),
    }),
  );
}

/** The server unreachable: every public request fails and the socket is refused. */
async function cutServer(): Promise<void> {
  await page.route('**/api/public/**', (route) => route.abort('connectionrefused'));
  await page.routeWebSocket(/\/events$/, (ws) => ws.close());
}

/** The server reachable again: a new page, since a page's WebSocket routes cannot be removed. */
async function restoreServer(): Promise<void> {
  await page.close();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('<online-interview> when the server is unreachable', () => {
  it('says so with a retry button, and recovers by itself once the server answers again', async () => {
    await cutServer();
    await page.goto(`${server.url}/demo?interview=${ids.scheduled}`);
    await expect.poll(state, { timeout: 15_000 }).toBe('error');
    expect(await text()).toContain('暂时无法连接服务器');
    await expect.poll(() => page.locator('online-interview button[part="retry"]').count()).toBe(1);
    const schedule = page.locator('interview-schedule');
    await expect.poll(() => schedule.getAttribute('data-state')).toBe('error');
    expect(await shadowText(page, 'interview-schedule')).toContain('暂时无法连接服务器');
    await page.unrouteAll();
    // No click: the backoff's next attempt (5 s after the first failure, 10 s after the second) finds the server.
    await expect.poll(state, { timeout: 30_000 }).toBe('scheduled');
    await expect.poll(() => schedule.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    expect(await page.locator('online-interview button[part="retry"]').count()).toBe(0);
    await restoreServer();
  });

  it('the retry button asks again at once', async () => {
    await cutServer();
    await page.goto(`${server.url}/demo?interview=${ids.scheduled}`);
    await expect.poll(state, { timeout: 15_000 }).toBe('error');
    await page.unrouteAll();
    await page.locator('online-interview button[part="retry"]').click();
    await expect.poll(state, { timeout: 5000 }).toBe('scheduled');
    await restoreServer();
  });
});

describe('large text and high contrast', () => {
  it('toggled in the element, remembered across reloads, followed by the other elements on the page', async () => {
    await setMode('normal');
    await open(ids.scheduled, { expect: 'scheduled' });
    const title = page.locator('online-interview h2[part="title"]');
    const scheduleTitle = page.locator('interview-schedule h2[part="title"]');
    const size = (l: typeof title) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const [before, scheduleBefore] = [await size(title), await size(scheduleTitle)];
    await page.locator('online-interview [part~="display-toggle-large-text"]').click();
    await expect.poll(() => size(title)).toBeCloseTo(before * 1.3, 0);
    await expect.poll(() => size(scheduleTitle)).toBeCloseTo(scheduleBefore * 1.3, 0);
    await page.locator('online-interview [part~="display-toggle-high-contrast"]').click();
    const card = page.locator('online-interview article[part="container"]');
    await expect.poll(() => card.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
    await page.reload();
    await expect.poll(state).toBe('scheduled');
    expect(await size(title)).toBeCloseTo(before * 1.3, 0);
    expect(await page.locator('online-interview [part~="display-toggle-high-contrast"]').getAttribute('aria-pressed')).toBe('true');
    // Line height stays at least 1.3 in every mode.
    const ratio = await page.locator('online-interview dd').first().evaluate((el) => {
      const s = getComputedStyle(el);
      return parseFloat(s.lineHeight) / parseFloat(s.fontSize);
    });
    expect(ratio).toBeGreaterThanOrEqual(1.3);
    await setMode('normal');
  });

  it('high contrast follows prefers-contrast: more until the viewer chooses', async () => {
    await page.goto(`${server.url}/healthz`);
    await page.evaluate(() => localStorage.clear());
    await page.emulateMedia({ contrast: 'more' });
    await open(ids.scheduled, { expect: 'scheduled' });
    expect(await page.locator('online-interview [part~="display-toggle-high-contrast"]').getAttribute('aria-pressed')).toBe('true');
    await page.emulateMedia({ contrast: 'no-preference' });
    await expect
      .poll(() => page.locator('online-interview [part~="display-toggle-high-contrast"]').getAttribute('aria-pressed'))
      .toBe('false');
  });
});

describe('forced colours (Windows high-contrast themes)', () => {
  it('keep the badges boxed and the pressed toggles marked, the system colours taking over', async () => {
    await setMode('large');
    await page.emulateMedia({ forcedColors: 'active' });
    await open(ids.live, { expect: 'live' });
    const badge = page.locator('online-interview [part~="badge"]').first();
    expect(await badge.evaluate((el) => getComputedStyle(el).borderTopColor)).not.toBe('rgba(0, 0, 0, 0)');
    const toggle = page.locator('online-interview [part~="display-toggle-large-text"]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('✓');
    await page.emulateMedia({ forcedColors: 'none' });
    await setMode('normal');
  });
});

describe('<interview-schedule>', () => {
  it("lists this year's public interviews, upcoming soonest first and past latest first, drafts left out, each linking to its page (by keyboard)", async () => {
    await open(ids.scheduled, { expect: 'scheduled' });
    const content = await shadowText(page, 'interview-schedule');
    expect(content).toContain(`${new Date().getFullYear()} 年访谈安排`);
    expect(content).not.toContain('尚未发布的草稿访谈');
    const upcoming = await page.locator('interview-schedule [part~="group-upcoming"] a[part="link"]').allInnerTexts();
    expect(upcoming).toEqual(['乡村振兴政策在线访谈', '夏季防汛工作访谈', '优化营商环境政策解读']);
    const past = await page.locator('interview-schedule [part~="group-past"] a[part="link"]').allInnerTexts();
    expect(past).toEqual(expect.arrayContaining(['医保惠民政策解读', '义务教育招生政策解读']));
    expect(await page.locator('interview-schedule [part~="group-upcoming"] [part~="badge-live"]').count()).toBe(1);
    // The demo sets href-template="/demo?interview={id}": the link opens that interview on the portal page.
    await page.locator('body').focus();
    await tabTo((f) => f.tag === 'a' && f.text === '夏季防汛工作访谈', 80);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`interview=${ids.soon}`));
    await expect.poll(state).toBe('scheduled');
  });

  it('the list endpoint validates its query and hides drafts', async () => {
    const anonymous = server.anonymous();
    const bad = await anonymous.get('/api/public/interviews?year=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_request', field: 'year' });
    const list = await anonymous.get(`/api/public/interviews?year=${new Date().getFullYear()}`);
    expect(list.status).toBe(200);
    expect(list.body.interviews.map((i: { id: string }) => i.id)).not.toContain(ids.draft);
    expect((await anonymous.get('/api/public/interviews?year=2001')).body.interviews).toEqual([]);
    expect((await anonymous.get(`/api/public/interviews/${ids.draft}`)).status).toBe(404);
  });
});

describe('axe-core (serious and critical) on every public state, normal, large text and high contrast', () => {
  it('预告', async () => axeInEveryMode(ids.scheduled, 'scheduled'));
  it('直播中', async () => axeInEveryMode(ids.live, 'live'));
  it('已结束', async () => axeInEveryMode(ids.ended, 'ended'));
  it('回顾, with transcript and chapters', async () => {
    await routeReplayExtras();
    await axeInEveryMode(ids.replay, 'replay');
    await page.unrouteAll();
  });
  it('server unreachable', async () => {
    await cutServer();
    await page.goto(`${server.url}/demo?interview=${ids.scheduled}`);
    await expect.poll(state, { timeout: 15_000 }).toBe('error');
    const found = await seriousViolations(page);
    axeResults['error/normal'] = found.length;
    expect(found, found.join('\n')).toEqual([]);
    await restoreServer();
    console.info(`axe serious+critical violations per state/mode: ${JSON.stringify(axeResults)}`);
  });
});

describe('screenshots (test-results/screenshots/<state>-<lang>-<mode>.png)', () => {
  it('each public state in zh-CN and en, normal and large text', async () => {
    await screenshots('scheduled', ids.scheduled, 'scheduled');
    await screenshots('live', ids.live, 'live', async () => {
      await expect
        .poll(() => page.locator('online-interview video').evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 30_000 })
        .toBeGreaterThanOrEqual(2);
    });
    await screenshots('ended', ids.ended, 'ended');
    await routeReplayExtras();
    await screenshots('replay', ids.replay, 'replay', async () => {
      await page.locator('online-interview interview-transcript section').waitFor({ timeout: 10_000 });
    });
    await page.unrouteAll();
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const mode of ['normal', 'large'] as const) {
        await setMode(mode);
        await open(ids.scheduled, { expect: 'scheduled', ...(lang === 'en' ? { lang: 'en' as const } : {}) });
        await page.locator('interview-schedule').screenshot({ path: path.join(SCREENSHOT_DIR, `schedule-${lang}-${mode}.png`) });
      }
    }
    await setMode('contrast');
    await open(ids.live, { expect: 'live', on: 'watch' });
    await settle();
    await page.locator('online-interview').screenshot({ path: path.join(SCREENSHOT_DIR, 'live-zh-CN-contrast.png') });
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const mode of ['normal', 'large'] as const) {
        await setMode(mode);
        await cutServer();
        await page.goto(`${server.url}/watch/${ids.scheduled}${lang === 'en' ? '?lang=en' : ''}`);
        await expect.poll(state, { timeout: 15_000 }).toBe('error');
        await page.locator('online-interview').screenshot({ path: path.join(SCREENSHOT_DIR, `error-${lang}-${mode}.png`) });
        await restoreServer();
      }
    }
    await setMode('normal');
  }, 300_000);
});

describe('a stalled stream', () => {
  it('recovers by itself: segments refused for 15 s, then the video advances again without a reload', async () => {
    await open(ids.live, { expect: 'live' });
    const video = page.locator('online-interview video');
    const position = () => video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect.poll(position, { timeout: 30_000 }).toBeGreaterThan(1);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.route('**/*.ts', (route) => route.abort('connectionreset'));
    // Stalled: the position stops moving once the buffer runs out.
    let frozenAt = 0;
    await expect
      .poll(
        async () => {
          const before = await position();
          await page.waitForTimeout(1500);
          frozenAt = await position();
          return frozenAt - before;
        },
        { timeout: 30_000, interval: 100 },
      )
      .toBeLessThan(0.05);
    await page.waitForTimeout(15_000);
    await page.unroute('**/*.ts');
    await expect.poll(position, { timeout: 45_000, interval: 500 }).toBeGreaterThan(frozenAt + 3);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  }, 120_000);
});

describe('embedded in a portal on another origin', () => {
  it('works through the CORS allowlist and requests nothing from any host but the server', async () => {
    const origins = new Set<string>();
    const other = await browser.context.newPage();
    other.on('request', (request) => origins.add(new URL(request.url()).origin));
    await other.goto(`${portalOrigin}/?interview=${ids.live}`);
    await expect.poll(() => other.locator('online-interview').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
    await other.locator('interview-schedule[data-state="ready"]').waitFor({ timeout: 20_000 });
    const video = other.locator('online-interview video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 }).toBeGreaterThan(0.5);
    await expect.poll(() => shadowText(other, 'online-interview'), { timeout: 10_000 }).toContain('最快半个工作日办结');
    expect([...origins].sort()).toEqual([portalOrigin, server.url].sort());
    await other.close();
  });
});
