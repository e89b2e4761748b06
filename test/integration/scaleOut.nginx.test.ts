import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { ApiSession as Client } from '../helpers/ApiSession.js';
import { createTestDatabase } from '../helpers/createTestDatabase.js';
import { hlsDir, startLiveHls, writeRecordedHls, type LiveHls } from '../helpers/hlsFixture.js';
import { NginxProcess } from '../helpers/NginxProcess.js';
import { createInterview, Netizen, questionAction } from '../helpers/qaFixtures.js';
import { QaSocket, type SocketMessage } from '../helpers/QaSocket.js';
import { RecordingRepository } from '../../server/db/RecordingRepository.js';
import { sampleNginxSite } from '../helpers/sampleNginxSite.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * Scale-out as docs/scale-out.md deploys it: two server processes on one PostgreSQL behind Debian's nginx running
 * docs/nginx.conf on loopback. Realtime events made through one process reach viewers on the other through nginx, in
 * order and once; a viewer whose process goes away reconnects through nginx to the other and gets what it missed;
 * nginx caches HLS segments and only briefly the playlists.
 *
 * `mediaNode` (role all) is the media node and an API process at once (upstreams oi_media and oi_api); `apiNode` is
 * the second API process (role api): it leaves cameras, files and the recordings to the media node.
 */
let databaseUrl: string;
let mediaNode: TestApp;
let apiNode: TestApp;
let nginx: NginxProcess;
let admin: ApiSession;
let liveHls: LiveHls | undefined;

/** A recording part the media node is writing when the API process starts (as during a live show). */
let partBeingWritten: string;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  mediaNode = await startTestApp({ databaseUrl, rtcMinPort: 45500, rtcMaxPort: 45550 });
  admin = await mediaNode.login();
  const showOnAir = await createInterview(admin, '录制中');
  partBeingWritten = `interviews/${showOnAir}/recordings/program-20261128T060000Z.mkv`;
  await new RecordingRepository(mediaNode.app.database.dataSource).started({
    interviewId: showOnAir,
    kind: 'program',
    cameraId: null,
    path: partBeingWritten,
    startedAt: new Date(),
  });
  apiNode = await startTestApp({ databaseUrl, role: 'api', trustedProxies: ['loopback'], rtcMinPort: 45600, rtcMaxPort: 45650 });
  nginx = await NginxProcess.start({ site: (vars) => sampleNginxSite({ api: [mediaNode.url, apiNode.url], media: mediaNode.url }, vars) });
});
afterAll(async () => {
  await liveHls?.stop();
  await nginx?.close();
  await apiNode?.close();
  await mediaNode?.close();
});

const viewerPath = (interviewId: string) => `/api/public/interviews/${interviewId}/events`;
const host = (url: string) => new URL(url).host;

/** An announced interview (a draft has no public socket). */
async function announcedInterview(title: string): Promise<string> {
  const id = await createInterview(admin, title);
  expect((await admin.post(`/api/interviews/${id}/status`, { status: 'scheduled' })).status).toBe(200);
  return id;
}

/** Opens viewer sockets through nginx until one lands on `app` (nginx's X-Upstream says where); closes the others. */
async function viewerThroughNginxOn(app: TestApp, interviewId: string, since: number): Promise<QaSocket> {
  const others: QaSocket[] = [];
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      const socket = await QaSocket.open(nginx.url, viewerPath(interviewId), { since });
      if (socket.upgradeHeaders['x-upstream'] === host(app.url)) return socket;
      others.push(socket);
    }
    throw new Error(`no socket through nginx landed on ${app.url}: ${others.map((s) => s.upgradeHeaders['x-upstream']).join(', ')}`);
  } finally {
    await Promise.all(others.map((socket) => socket.close()));
  }
}

/** Seqs must rise strictly: in order, none twice. */
function expectInOrderOnce(events: SocketMessage[]): void {
  const seqs = events.map((event) => event.seq as number);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
}

describe('realtime across processes behind nginx', () => {
  it('a question approved, a post, 正在回答 and a status change made through one process reach viewers on both, in order, once', async () => {
    const id = await announcedInterview('两个进程');
    const onApi = await viewerThroughNginxOn(apiNode, id, 0);
    const onMedia = await viewerThroughNginxOn(mediaNode, id, 0);
    const start = Math.max(await onApi.synced(), await onMedia.synced());

    // The netizen asks through nginx (whichever process it picks); the staff work on the media node's process.
    const question = (await new Netizen(new Client(nginx.url), id).ask('学区划分什么时候公布？')).body.id as string;
    expect((await questionAction(admin, id, question, { action: 'approve' })).status).toBe(200);
    const post = (await admin.post(`/api/interviews/${id}/posts`, { role: 'host', body: '欢迎各位网友' })).body.id as string;
    expect((await questionAction(admin, id, question, { action: 'answering' })).status).toBe(200);
    expect((await admin.post(`/api/interviews/${id}/status`, { status: 'live' })).status).toBe(200);

    for (const viewer of [onApi, onMedia]) {
      await viewer.waitFor((m) => m.type === 'qa' && m.event === 'answering', '正在回答');
      await viewer.waitFor((m) => m.type === 'interview' && m.interview.status === 'live', 'the interview going live');
      const events = viewer.qa.filter((m) => m.seq > start);
      expect(events.map((m) => [m.event, m.item.id ?? m.item.answeringQuestionId, m.item.status ?? null])).toEqual([
        ['question', question, 'approved'],
        ['post', post, null],
        ['question', question, 'approved'],
        ['answering', question, null],
      ]);
      expectInOrderOnce(viewer.qa);
      expect(viewer.messages.filter((m) => m.type === 'interview').map((m) => m.interview.status)).toEqual(['scheduled', 'live']);
    }
    // Both processes told their viewers the same log.
    expect(onApi.qa).toEqual(onMedia.qa);
    await Promise.all([onApi.close(), onMedia.close()]);
  });

  it('HLS: playlists are cached 1 s at most and stay no-cache for players; segments are cached; other files pass', async () => {
    const live = await announcedInterview('直播中的节目单');
    expect((await admin.post(`/api/interviews/${live}/status`, { status: 'live' })).status).toBe(200);
    liveHls = await startLiveHls(mediaNode.dataDir, live);
    const playlistPath = `/media/interviews/${live}/hls/index.m3u8`;
    const lastSegment = (playlist: string) => playlist.trim().split('\n').filter((line) => line.endsWith('.ts')).at(-1) ?? null;

    const first = await fetch(nginx.url + playlistPath);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    const firstText = await first.text();
    // The live edge moves on (1 s segments) and nginx follows it: a segment the origin lists later shows up there
    // within a few seconds, so the cache never holds a playlist long.
    const originLater = await waitFor(async () => {
      const text = await (await fetch(mediaNode.url + playlistPath)).text();
      return lastSegment(text) !== lastSegment(firstText) ? lastSegment(text) : null;
    }, 'the origin to list a new segment');
    await waitFor(async () => {
      const text = await (await fetch(nginx.url + playlistPath)).text();
      return text.includes(originLater!) ? true : null;
    }, 'nginx to serve the newer playlist');
    const statuses = new Set<string>();
    for (let i = 0; i < 5; i++) statuses.add((await fetch(nginx.url + playlistPath)).headers.get('x-cache') ?? '');
    // Back-to-back requests share one origin fetch (the 1-second micro-cache).
    expect(statuses.has('HIT') || statuses.has('UPDATING')).toBe(true);

    const recorded = await announcedInterview('录好的节目');
    expect((await admin.post(`/api/interviews/${recorded}/status`, { status: 'live' })).status).toBe(200);
    await writeRecordedHls(mediaNode.dataDir, recorded, 4);
    const segmentName = fs.readdirSync(hlsDir(mediaNode.dataDir, recorded)).find((file) => file.endsWith('.ts'))!;
    const segmentPath = `/media/interviews/${recorded}/hls/${segmentName}`;
    const onDisk = fs.readFileSync(path.join(hlsDir(mediaNode.dataDir, recorded), segmentName));
    const miss = await fetch(nginx.url + segmentPath);
    expect([miss.status, miss.headers.get('x-cache'), miss.headers.get('content-type')]).toEqual([200, 'MISS', 'video/mp2t']);
    expect(miss.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(Buffer.from(await miss.arrayBuffer()).equals(onDisk)).toBe(true);
    // The origin answers revalidations (as a browser sends them: fetch would add no-cache to a bare If-None-Match) and
    // ranges (Safari's player asks for ranges) as a static file server does.
    const etag = miss.headers.get('etag')!;
    expect((await fetch(mediaNode.url + segmentPath, { headers: { 'If-None-Match': etag, 'Cache-Control': 'max-age=0' } })).status).toBe(304);
    const range = await fetch(mediaNode.url + segmentPath, { headers: { Range: 'bytes=100-199' } });
    expect(range.status).toBe(206);
    expect(Buffer.from(await range.arrayBuffer()).equals(onDisk.subarray(100, 200))).toBe(true);
    // Gone from the origin, still served from nginx's cache, byte for byte.
    fs.rmSync(path.join(hlsDir(mediaNode.dataDir, recorded), segmentName));
    expect((await fetch(mediaNode.url + segmentPath)).status).toBe(404);
    const hit = await fetch(nginx.url + segmentPath);
    expect([hit.status, hit.headers.get('x-cache')]).toEqual([200, 'HIT']);
    expect(Buffer.from(await hit.arrayBuffer()).equals(onDisk)).toBe(true);

    // A draft's playlist stays hidden through nginx too (the origin's gate answers, nothing is cached long).
    const draft = await createInterview(admin, '草稿');
    expect((await fetch(`${nginx.url}/media/interviews/${draft}/hls/index.m3u8`)).status).toBe(404);
    // Everything else passes: pages, the public API, JSON errors with their codes.
    const publicView = await fetch(`${nginx.url}/api/public/interviews/${live}`);
    expect(publicView.status).toBe(200);
    expect(((await publicView.json()) as { status: string }).status).toBe('live');
    const unknown = await fetch(`${nginx.url}/api/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('the API process leaves the media node its paths and its recordings; nginx routes them there', async () => {
    // Its start did not take the media node's part being written for a crash leftover.
    const unfinished = await new RecordingRepository(mediaNode.app.database.dataSource).unfinished();
    expect(unfinished.map((part) => part.path)).toContain(partBeingWritten);

    const id = await announcedInterview('媒体节点');
    for (const [method, urlPath] of [
      ['POST', `/whip/${id}`],
      ['GET', `/media/interviews/${id}/hls/index.m3u8`],
      ['GET', `/api/interviews/${id}/media-status`],
      ['POST', `/api/interviews/${id}/status`],
    ] as const) {
      const direct = await fetch(apiNode.url + urlPath, { method });
      expect([urlPath, direct.status]).toEqual([urlPath, 503]);
      expect(((await direct.json()) as { error: { code: string } }).error.code).toBe('media_node_elsewhere');
      const proxied = await fetch(nginx.url + urlPath, { method });
      expect([urlPath, proxied.status === 503, proxied.headers.get('x-upstream')]).toEqual([urlPath, false, host(mediaNode.url)]);
    }
    // Pure database work is the API process's as well.
    expect((await fetch(`${apiNode.url}/api/public/interviews/${id}`)).status).toBe(200);
  });

  // Last: it shuts the second process down.
  it('a viewer whose process shuts down reconnects through nginx to the other and gets exactly what it missed', async () => {
    const id = await announcedInterview('换进程续传');
    const asked: string[] = [];
    for (const body of ['换进程前的问题一', '换进程期间的问题二', '换进程期间的问题三']) {
      const response = await new Netizen(new Client(nginx.url), id).ask(body);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      asked.push(response.body.id as string);
    }
    expect((await questionAction(admin, id, asked[0]!, { action: 'approve' })).status).toBe(200);

    const before = await viewerThroughNginxOn(apiNode, id, 0);
    await before.synced();
    await before.waitFor((m) => m.type === 'qa' && m.item.id === asked[0], 'the first question');
    const lastSeen = Math.max(...before.qa.map((m) => m.seq as number));

    // The process restarts (a deploy): its sockets close with 1001 "going away".
    await apiNode.close();
    expect((await before.closed).code).toBe(1001);
    // Meanwhile the studio works on.
    expect((await questionAction(admin, id, asked[1]!, { action: 'approve' })).status).toBe(200);
    const post = (await admin.post(`/api/interviews/${id}/posts`, { role: 'host', body: '嘉宾说下周公布' })).body.id as string;
    expect((await questionAction(admin, id, asked[2]!, { action: 'approve' })).status).toBe(200);

    // nginx finds the stopped process refusing and passes the reconnect to the other.
    const after = await QaSocket.open(nginx.url, viewerPath(id), { since: lastSeen });
    expect(after.upgradeHeaders['x-upstream']).toContain(host(mediaNode.url));
    const synced = await after.synced();
    expect(after.qa.map((m) => [m.event, m.item.id])).toEqual([
      ['question', asked[1]],
      ['post', post],
      ['question', asked[2]],
    ]);
    expect(after.qa.every((m) => m.seq > lastSeen && m.seq <= synced)).toBe(true);
    expectInOrderOnce([...before.qa, ...after.qa]);
    // And it is live on the new process: the next change arrives too.
    expect((await questionAction(admin, id, asked[2]!, { action: 'answering' })).status).toBe(200);
    await after.waitFor((m) => m.type === 'qa' && m.event === 'answering', '正在回答 after the reconnect');
    expectInOrderOnce(after.qa);
    await after.close();
  });
});

/** Polls `probe` until it returns non-null (generous: the machine may be loaded). */
async function waitFor<T>(probe: () => Promise<T | null>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
