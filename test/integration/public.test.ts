import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';

const PORTAL = 'https://www.example.gov.cn';
let server: TestApp;
let staff: ApiSession;
let webDir: string;

beforeAll(async () => {
  webDir = makeTempDir('web');
  fs.mkdirSync(path.join(webDir, 'pages'));
  fs.mkdirSync(path.join(webDir, 'assets'));
  for (const page of ['demo', 'watch', 'console']) {
    fs.writeFileSync(path.join(webDir, 'pages', `${page}.html`), `<p data-page="${page}" data-id="__INTERVIEW_ID__">__INTERVIEW_ID__</p>`);
  }
  fs.writeFileSync(path.join(webDir, 'assets', 'online-interview.js'), 'export {};\n');
  server = await startTestApp({ webDir, corsOrigins: [PORTAL, 'https://m.example.gov.cn'] });
  staff = await server.login();
});
afterAll(async () => {
  await server?.close();
  removeTempDir(webDir);
});

function writeHls(interviewId: string, files: Record<string, string>): void {
  const dir = path.join(server.dataDir, 'interviews', interviewId, 'hls');
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
}

describe('GET /api/public/interviews/:id', () => {
  it('shows an interview without login, with CORS for listed portals only', async () => {
    const created = (
      await staff.post('/api/interviews', { title: '公开接口', department: '县教育局', guests: [{ name: '赵老师', position: '局长' }] })
    ).body;
    const response = await server.anonymous().get(`/api/public/interviews/${created.id}`, { headers: { Origin: PORTAL } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: created.id,
      title: '公开接口',
      topic: null,
      department: '县教育局',
      background: null,
      startsAt: null,
      endsAt: null,
      status: 'scheduled',
      host: null,
      guests: [{ name: '赵老师', position: '局长', bio: null, photoUrl: null }],
      hlsUrl: null,
      pageUrl: `${server.app.publicUrl}/watch/${created.id}`,
    });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(PORTAL);
    expect(response.headers.get('Vary')).toMatch(/Origin/);

    const stranger = await server.anonymous().get(`/api/public/interviews/${created.id}`, { headers: { Origin: 'https://elsewhere.example' } });
    expect(stranger.status).toBe(200);
    expect(stranger.headers.get('Access-Control-Allow-Origin')).toBeNull();

    const preflight = await server.anonymous().request('OPTIONS', `/api/public/interviews/${created.id}`, {
      headers: { Origin: PORTAL, 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('GET');
  });

  it('gives hlsUrl once the show is live and its playlist exists', async () => {
    const { id } = (await staff.post('/api/interviews', { title: '回放' })).body;
    writeHls(id, { 'index.m3u8': '#EXTM3U\n' });
    server.app.media.emit('programLive', { interviewId: id });
    await expect
      .poll(async () => (await server.anonymous().get(`/api/public/interviews/${id}`)).body.hlsUrl)
      .toBe(`${server.app.publicUrl}/media/interviews/${id}/hls/index.m3u8`);
  });

  it('answers 404 not_found for unknown interviews', async () => {
    const response = await server.anonymous().get('/api/public/interviews/00000000-0000-4000-8000-000000000000');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });
});

describe('HLS files', () => {
  const id = '11111111-2222-4333-8444-555555555555';
  beforeAll(() => {
    writeHls(id, { 'index.m3u8': '#EXTM3U\n', 'seg00001.ts': 'ts-bytes', 'init.mp4': 'mp4', 'seg00002.m4s': 'm4s' });
    fs.writeFileSync(path.join(server.dataDir, 'interviews', id, 'program.mkv'), 'private recording');
  });

  it('serves the playlist uncached and segments cached for a day, with content types and CORS', async () => {
    const playlist = await server.anonymous().get(`/media/interviews/${id}/hls/index.m3u8`, { headers: { Origin: PORTAL } });
    expect(playlist.status).toBe(200);
    expect(playlist.body).toBe('#EXTM3U\n');
    expect(playlist.headers.get('Content-Type')).toMatch(/^application\/vnd\.apple\.mpegurl/);
    expect(playlist.headers.get('Cache-Control')).toBe('no-cache');
    expect(playlist.headers.get('Access-Control-Allow-Origin')).toBe(PORTAL);

    const segment = await server.anonymous().get(`/media/interviews/${id}/hls/seg00001.ts`);
    expect(segment.headers.get('Content-Type')).toBe('video/mp2t');
    expect(segment.headers.get('Cache-Control')).toBe('public, max-age=86400');
    const fragment = await server.anonymous().get(`/media/interviews/${id}/hls/seg00002.m4s`);
    expect(fragment.headers.get('Cache-Control')).toBe('public, max-age=86400');
  });

  it('serves nothing outside the hls folder', async () => {
    for (const url of [
      `/media/interviews/${id}/program.mkv`,
      `/media/interviews/${id}/hls/..%2Fprogram.mkv`,
      `/media/interviews/${id}/hls/%2e%2e/program.mkv`,
      `/media/interviews/${id}/hls/missing.ts`,
      `/media/interviews/${id}/hls/index.m3u8.bak`,
      '/media/interviews/..%2F..%2Fpg-password/hls/index.m3u8',
    ]) {
      const response = await server.anonymous().get(url);
      expect(response.status, url).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain('private recording');
    }
  });
});

describe('pages', () => {
  it('writes the requested interview into /demo', async () => {
    const { id } = (await staff.post('/api/interviews', { title: '演示' })).body;
    const response = await server.anonymous().get(`/demo?interview=${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(response.headers.get('X-Frame-Options')).toBeNull();
    expect(response.body).toBe(`<p data-page="demo" data-id="${id}">${id}</p>`);
    const bad = await server.anonymous().get('/demo?interview=<script>');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_request', field: 'interview' });
  });

  it('features the live interview in /demo when none is asked for', async () => {
    const { id } = (await staff.post('/api/interviews', { title: '正在直播' })).body;
    server.app.media.emit('programLive', { interviewId: id });
    await expect.poll(async () => (await server.anonymous().get('/demo')).body).toContain(`data-id="${id}"`);
  });

  it('serves /watch/:id for known interviews, /console and /assets', async () => {
    const { id } = (await staff.post('/api/interviews', { title: '观看页' })).body;
    expect((await server.anonymous().get(`/watch/${id}`)).body).toBe(`<p data-page="watch" data-id="${id}">${id}</p>`);
    expect((await server.anonymous().get('/watch/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await server.anonymous().get('/console')).body).toContain('data-page="console"');
    const asset = await server.anonymous().get('/assets/online-interview.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('Content-Type')).toMatch(/javascript/);
    const missing = await server.anonymous().get('/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('answers 503 web_not_built when the pages are not built', async () => {
    fs.renameSync(webDir, `${webDir}-moved`);
    try {
      for (const url of ['/demo', '/console', '/assets/online-interview.js']) {
        const response = await server.anonymous().get(url);
        expect(response.status, url).toBe(503);
        expect(response.body.error.code).toBe('web_not_built');
        expect(response.body.error.message).toContain('npm run build');
      }
    } finally {
      fs.renameSync(`${webDir}-moved`, webDir);
    }
  });

  it('answers /healthz', async () => {
    expect((await server.anonymous().get('/healthz')).body).toEqual({ ok: true });
  });
});
