import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { InterviewEvents, interviewEventsUrl } from '../../web-components/src/api/interview-events.js';
import type { QaEventMessage } from '../../web-components/src/qa/types.js';
import { ApiSession } from '../helpers/ApiSession.js';
import { createTestDatabase } from '../helpers/createTestDatabase.js';
import { counterFrames, pidsWithCommandLine } from '../helpers/frameCounter.js';
import { freePort } from '../helpers/freePort.js';
import { COUNTER_FPS, publishLavfi, type LavfiPublisher } from '../helpers/lavfiPublisher.js';
import { Netizen, questionAction } from '../helpers/qaFixtures.js';
import { httpStatus, serverEnv, ServerSupervisor } from '../helpers/ServerSupervisor.js';
import { TEST_ADMIN } from '../helpers/startTestApp.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';

/**
 * kill -9 of the server process in the middle of a show, restarted by a supervisor as systemd or docker would:
 * - the public page's realtime client (the web components' own InterviewEvents, run here on Node's ws) reconnects by
 *   itself and resumes from its last seq, so it ends with everything approved before and after the crash;
 * - no approved question or post is lost (they were committed before their 200), and the public feed lists them all;
 * - once the camera publishes again (a studio page or OBS retries) the HLS playlist continues where it was;
 * - the recording lost at most about a second: each recorded frame carries its number (see lavfiPublisher).
 */
let dataDir: string;
let databaseUrl: string;
let url: string;
let supervisor: ServerSupervisor;
let publisher: LavfiPublisher | undefined;
let follower: InterviewEvents | undefined;

beforeAll(async () => {
  dataDir = makeTempDir('server-kill');
  databaseUrl = await createTestDatabase();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // info: the restarted server's startupMs is read from its 'listening' line.
  const env = serverEnv({ port, dataDir, databaseUrl, adminPassword: TEST_ADMIN.password, rtcPorts: [46000, 46100], logLevel: 'info' });
  supervisor = ServerSupervisor.start(env);
  await supervisor.healthy(url, 170_000);
}, 180_000);
afterAll(async () => {
  follower?.close();
  await publisher?.drop();
  await supervisor?.stop();
  removeTempDir(dataDir);
});

/**
 * WebSocket is a browser global the component expects; Node 20 has none and ws speaks the same API, except that an
 * 'error' nobody listens to throws (a browser just fires onerror, then onclose, which the component handles).
 */
class BrowserLikeWebSocket extends WebSocket {
  constructor(address: string) {
    super(address);
    this.on('error', () => undefined);
  }
}

/** The public page's view of the Q&A, built only from what its socket delivered: each item's latest state. */
class PublicPage {
  readonly items = new Map<string, { event: string; status?: string; body: string }>();
  seq = 0;
  live = false;
  /** When (Date.now) the socket delivered again after the last drop. */
  backAt = 0;
}

function followAsThePublicPage(interviewId: string): { page: PublicPage; events: InterviewEvents } {
  const page = new PublicPage();
  const events = new InterviewEvents(interviewEventsUrl(url, interviewId, url), {
    hello: () => ({ since: page.seq }),
    onQa: (message: QaEventMessage) => {
      page.seq = Math.max(page.seq, message.seq);
      const item = message.item as { id: string; status?: string; body: string };
      page.items.set(item.id, { event: message.event, ...(item.status !== undefined && { status: item.status }), body: item.body });
    },
    onQaSynced: (seq) => (page.seq = Math.max(page.seq, seq)),
    onLiveChange: (live) => {
      page.live = live;
      if (live) page.backAt = Date.now();
    },
  });
  return { page, events };
}

async function askAndApprove(staff: ApiSession, interviewId: string, body: string): Promise<string> {
  const asked = await new Netizen(new ApiSession(url), interviewId).ask(body);
  expect(asked.status).toBe(201);
  expect((await questionAction(staff, interviewId, asked.body.id, { action: 'approve' })).status).toBe(200);
  return asked.body.id as string;
}

async function post(staff: ApiSession, interviewId: string, body: string): Promise<string> {
  const response = await staff.post(`/api/interviews/${interviewId}/posts`, { role: 'host', body });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The media playlist's segment names, in order (empty while there is none). */
function playlist(interviewId: string): { segments: string[]; text: string } {
  try {
    const text = readFileSync(path.join(dataDir, 'interviews', interviewId, 'hls', 'index.m3u8'), 'utf8');
    return { segments: text.split('\n').filter((line) => line.endsWith('.ts')), text };
  } catch {
    return { segments: [], text: '' };
  }
}

describe('kill -9 of the server during a show, restarted by a supervisor', () => {
  it('the public page recovers by itself, nothing approved is lost, the playlist continues, ≤ ~1 s of recording lost', async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket ??= BrowserLikeWebSocket;
    let staff = await ApiSession.login(url, TEST_ADMIN.username, TEST_ADMIN.password);
    const interviewId = (await staff.post('/api/interviews', { title: '服务器被杀' })).body.id as string;
    const camera = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '主机位' })).body;
    publisher = await publishLavfi(camera.whipUrl, camera.token);
    const followed = followAsThePublicPage(interviewId);
    follower = followed.events;
    const { page } = followed;

    const before = [
      await askAndApprove(staff, interviewId, '问题一：学区怎么划分？'),
      await askAndApprove(staff, interviewId, '问题二：报名什么时候开始？'),
      await post(staff, interviewId, '主持人：欢迎各位网友'),
      await askAndApprove(staff, interviewId, '问题三：随迁子女怎么办？'),
      await post(staff, interviewId, '嘉宾：我们来逐一回答'),
    ];
    await expect.poll(() => before.filter((id) => page.items.has(id)).length, { timeout: 20_000 }).toBe(before.length);
    await expect.poll(() => playlist(interviewId).segments.length, { timeout: 60_000, interval: 250 }).toBeGreaterThanOrEqual(3);
    // Let the ISO part hold a few seconds of pictures.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const orphans = pidsWithCommandLine('ffmpeg', interviewId);
    const killedAt = await supervisor.crash();
    const segmentsBefore = playlist(interviewId).segments;
    const frameAtKill = publisher.frameAt(killedAt);
    // The FFmpegs outlive their server: they write what they received, then end on their input's silence.
    let orphansGoneMs = -1;
    void expect
      .poll(() => orphans.filter(isAlive).length, { timeout: 60_000, interval: 100 })
      .toBe(0)
      .then(() => (orphansGoneMs = Date.now() - killedAt), () => undefined);
    // The camera's connection died with the server; it publishes again once the server answers.
    await publisher.drop();
    publisher = undefined;
    await supervisor.healthy(url, 170_000, 2);
    const restartedMs = Date.now() - killedAt;
    staff = await ApiSession.login(url, TEST_ADMIN.username, TEST_ADMIN.password);
    publisher = await publishLavfi(camera.whipUrl, camera.token);
    const republishedMs = Date.now() - killedAt;

    // The playlist continues: the segments from before the crash are still listed, new ones follow them.
    await expect
      .poll(() => playlist(interviewId).segments.length, { timeout: 60_000, interval: 250 })
      .toBeGreaterThan(segmentsBefore.length + 1);
    const hlsBackMs = Date.now() - killedAt;
    const now = playlist(interviewId);
    expect(now.segments.slice(0, segmentsBefore.length)).toEqual(segmentsBefore);
    expect(now.text).toContain('#EXT-X-DISCONTINUITY');
    expect(new Set(now.segments).size).toBe(now.segments.length);

    // The page reconnected by itself and goes on receiving.
    await expect.poll(() => page.live && page.backAt > killedAt, { timeout: 60_000, interval: 250 }).toBe(true);
    const reconnectedMs = page.backAt - killedAt;
    const after = [await askAndApprove(staff, interviewId, '问题四：重启之后的提问'), await post(staff, interviewId, '主持人：直播继续')];
    await expect.poll(() => [...before, ...after].filter((id) => page.items.has(id)).length, { timeout: 20_000 }).toBe(7);
    expect([...before, ...after].map((id) => page.items.get(id)!.status ?? 'post')).toEqual([
      'approved', 'approved', 'post', 'approved', 'post', 'approved', 'post',
    ]);
    // And the public feed (what a page that loads now reads) lists every one.
    const feed = JSON.stringify((await new ApiSession(url).get(`/api/public/interviews/${interviewId}/qa`)).body);
    for (const id of [...before, ...after]) expect(feed).toContain(id);

    // The camera's ISO part cut off by the crash was recovered and kept all but about a second.
    const direct = new pg.Client({ connectionString: databaseUrl });
    await direct.connect();
    let parts: { path: string; kind: string; recovered: boolean }[];
    try {
      parts = (await direct.query('SELECT path, recovered, kind FROM recording_parts WHERE interview_id = $1 ORDER BY started_at', [interviewId])).rows;
    } finally {
      await direct.end();
    }
    const lost: Record<string, number> = {};
    for (const kind of ['camera', 'program']) {
      const crashed = parts.find((part) => part.kind === kind && part.recovered);
      expect(crashed, JSON.stringify(parts)).toBeDefined();
      const frames = await counterFrames(path.join(dataDir, crashed!.path));
      lost[kind] = (frameAtKill - frames[frames.length - 1]!) / COUNTER_FPS;
    }
    const startupMs = [...supervisor.output.matchAll(/"startupMs":(\d+)/g)].at(-1)?.[1];
    console.info(
      `server kill -9: healthy again after ${restartedMs} ms (its own start took ${startupMs} ms), camera republished at ${republishedMs} ms, public socket back at ${reconnectedMs} ms, ` +
        `new HLS segment by ${hlsBackMs} ms; recording lost: ISO ${lost.camera!.toFixed(2)} s, program ${lost.program!.toFixed(2)} s; ${orphans.length} orphaned FFmpegs ended ${orphansGoneMs} ms after the kill`,
    );
    // Slightly negative when the worker still forwarded a few frames while the server died (they were kept, not lost).
    expect(lost.camera).toBeGreaterThan(-0.5);
    expect(lost.camera).toBeLessThan(1.5);
    expect(lost.program).toBeLessThan(1.5);
    expect(readdirSync(path.join(dataDir, 'interviews', interviewId, 'recordings')).length).toBeGreaterThanOrEqual(4);

    // SIGTERM to the restarted server during the show: it stops accepting at once (refused while it still runs),
    // finishes the playlist and exits 0 (the rest of a graceful stop: shutdown.test.ts).
    const stopped = supervisor.stop();
    let refusedWhileRunning = false;
    while (!refusedWhileRunning && supervisor.pid !== undefined) {
      refusedWhileRunning = (await httpStatus(`${url}/healthz`)) === 0 && supervisor.pid !== undefined;
    }
    expect(await stopped).toBe(0);
    expect(refusedWhileRunning).toBe(true);
    expect(playlist(interviewId).text.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
  }, 420_000);
});
