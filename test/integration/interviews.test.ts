import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

let server: TestApp;
let staff: ApiSession;
beforeAll(async () => {
  server = await startTestApp();
  staff = await server.login();
});
afterAll(() => server?.close());

const plan = {
  title: '优化营商环境政策解读',
  topic: '企业开办与惠企政策',
  department: '县发展和改革局',
  startsAt: '2026-05-20T09:30:00+08:00',
  guests: [
    { name: '王明', position: '县发改局局长' },
    { name: '李华', position: '县政务服务中心主任' },
  ],
};

/** Writes the playlist the media node would write, so hlsUrl can appear. */
function writePlaylist(interviewId: string): void {
  const dir = path.join(server.dataDir, 'interviews', interviewId, 'hls');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.m3u8'), '#EXTM3U\n#EXT-X-TARGETDURATION:2\n');
}

async function waitForStatus(id: string, status: string): Promise<void> {
  await expect.poll(async () => (await staff.get(`/api/interviews/${id}`)).body.status, { timeout: 5_000 }).toBe(status);
}

describe('interviews API', () => {
  it('needs a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/interviews'],
      ['POST', '/api/interviews'],
      ['GET', '/api/interviews/00000000-0000-4000-8000-000000000000'],
      ['POST', '/api/cameras/00000000-0000-4000-8000-000000000000/token'],
    ] as const) {
      const response = await server.anonymous().request(method, url);
      expect(response.status, `${method} ${url}`).toBe(401);
      expect(response.body.error.code).toBe('unauthenticated');
    }
  });

  it('creates an interview with its guests, in order, and lists and shows it', async () => {
    const created = await staff.post('/api/interviews', plan);
    expect(created.status).toBe(201);
    const interview = created.body;
    expect(interview).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: plan.title,
      topic: plan.topic,
      department: plan.department,
      background: null,
      startsAt: '2026-05-20T01:30:00.000Z',
      endsAt: null,
      status: 'scheduled',
      host: null,
      guests: plan.guests.map((guest) => ({ ...guest, bio: null, photo: null, photoUrl: null })),
      hlsUrl: null,
      pageUrl: `${server.app.publicUrl}/watch/${interview.id}`,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      liveAt: null,
      endedAt: null,
      nextStatuses: ['draft', 'live', 'ended'],
    });
    expect((await staff.get(`/api/interviews/${interview.id}`)).body).toEqual(interview);
    const list = (await staff.get('/api/interviews')).body;
    expect(list.find((item: { id: string }) => item.id === interview.id)).toEqual(interview);
  });

  it('needs only a title', async () => {
    const created = await staff.post('/api/interviews', { title: '  农村人居环境整治  ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: '农村人居环境整治', topic: null, department: null, startsAt: null, guests: [] });
  });

  it.each([
    [{}, 'title', /required/],
    [{ title: '' }, 'title', /empty/],
    [{ title: 'x'.repeat(201) }, 'title', /200/],
    [{ title: 42 }, 'title', /text/],
    [{ title: 't', startsAt: '20 May 2026' }, 'startsAt', /ISO 8601/],
    [{ title: 't', startsAt: '2026-05-20T09:30:00' }, 'startsAt', /time zone/],
    [{ title: 't', guests: 'Wang' }, 'guests', /list/],
    [{ title: 't', guests: [{ position: '局长' }] }, 'guests[0].name', /required/],
    [{ title: 't', guests: [{ name: 'a', position: 'b' }, { name: '', position: 'c' }] }, 'guests[1].name', /empty/],
    [{ title: 't', department: 'x'.repeat(101) }, 'department', /100/],
  ])('refuses %j naming %s', async (body, field, message) => {
    const response = await staff.post('/api/interviews', body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'invalid_request', field });
    expect(response.body.error.message).toMatch(message);
    expect(response.body.error.message).toContain(field);
  });

  it('refuses a body that is not an object, and one too large', async () => {
    const array = await staff.post('/api/interviews', [plan]);
    expect(array.status).toBe(400);
    expect(array.body.error).toMatchObject({ code: 'invalid_request', field: 'body' });
    const huge = await staff.post('/api/interviews', { title: 't', topic: 'x'.repeat(200_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });

  it('answers 404 not_found for unknown and malformed ids', async () => {
    for (const url of [
      '/api/interviews/00000000-0000-4000-8000-000000000000',
      '/api/interviews/not-an-id',
      '/api/interviews/not-an-id/cameras',
      '/api/nothing-here',
    ]) {
      const response = await staff.get(url);
      expect(response.status, url).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
    expect((await staff.post('/api/interviews/00000000-0000-4000-8000-000000000000/end')).status).toBe(404);
  });

  it('follows the media node: live on programLive, ended on programEnded; hlsUrl once the playlist exists', async () => {
    const { id } = (await staff.post('/api/interviews', { title: '直播测试' })).body;
    writePlaylist(id);
    expect((await staff.get(`/api/interviews/${id}`)).body.hlsUrl).toBeNull();

    server.app.media.emit('programLive', { interviewId: id });
    await waitForStatus(id, 'live');
    const live = (await staff.get(`/api/interviews/${id}`)).body;
    expect(live.liveAt).not.toBeNull();
    expect(live.hlsUrl).toBe(`${server.app.publicUrl}/media/interviews/${id}/hls/index.m3u8`);

    server.app.media.emit('programEnded', { interviewId: id, recordingPaths: [] });
    await waitForStatus(id, 'ended');
    const ended = (await staff.get(`/api/interviews/${id}`)).body;
    expect(ended.endedAt).not.toBeNull();
    expect(ended.hlsUrl).not.toBeNull();

    // The studio publishes again: the show resumes.
    server.app.media.emit('programLive', { interviewId: id });
    await waitForStatus(id, 'live');
    expect((await staff.get(`/api/interviews/${id}`)).body).toMatchObject({ liveAt: live.liveAt, endedAt: null });
  });

  it('ends an interview from the console, idempotently', async () => {
    const { id } = (await staff.post('/api/interviews', { title: '结束测试' })).body;
    server.app.media.emit('programLive', { interviewId: id });
    await waitForStatus(id, 'live');
    const ended = await staff.post(`/api/interviews/${id}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ id, status: 'ended', endedAt: expect.any(String) });
    const again = await staff.post(`/api/interviews/${id}/end`);
    expect(again.body.endedAt).toBe(ended.body.endedAt);
  });
});

describe('cameras API', () => {
  let interviewId: string;
  beforeAll(async () => {
    interviewId = (await staff.post('/api/interviews', { title: '机位测试' })).body.id;
  });

  it('adds a camera, showing its token once, and lists it without the token', async () => {
    const added = await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '主机位' });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      id: expect.any(String),
      name: '主机位',
      whipUrl: `${server.app.publicUrl}/whip/${added.body.id}`,
      token: expect.stringMatching(/^oi_cam_[\w-]{43}$/),
    });
    const list = await staff.get(`/api/interviews/${interviewId}/cameras`);
    expect(list.body).toEqual([
      { id: added.body.id, name: '主机位', whipUrl: added.body.whipUrl, createdAt: expect.any(String), live: false },
    ]);
  });

  it('names the bad field and answers 404 for an unknown interview', async () => {
    const bad = await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_request', field: 'name' });
    const unknown = await staff.post('/api/interviews/00000000-0000-4000-8000-000000000000/cameras', { name: 'x' });
    expect(unknown.status).toBe(404);
  });

  it('regenerates a token, removes a camera, and issues studio tokens', async () => {
    const camera = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '副机位' })).body;

    const regenerated = await staff.post(`/api/cameras/${camera.id}/token`);
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.token).toMatch(/^oi_cam_/);
    expect(regenerated.body.token).not.toBe(camera.token);

    const studio = await staff.post(`/api/cameras/${camera.id}/studio-token`);
    expect(studio.status).toBe(200);
    expect(studio.body).toEqual({ whipUrl: camera.whipUrl, token: expect.stringMatching(/^oi_studio_/), expiresAt: expect.any(String) });
    const hours = (Date.parse(studio.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);

    expect((await staff.delete(`/api/cameras/${camera.id}`)).status).toBe(204);
    const list = (await staff.get(`/api/interviews/${interviewId}/cameras`)).body;
    expect(list.map((c: { id: string }) => c.id)).not.toContain(camera.id);
    for (const response of [
      await staff.delete(`/api/cameras/${camera.id}`),
      await staff.post(`/api/cameras/${camera.id}/token`),
      await staff.post(`/api/cameras/${camera.id}/studio-token`),
      await staff.post('/api/cameras/nonsense/token'),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
  });
});
