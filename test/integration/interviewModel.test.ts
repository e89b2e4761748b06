import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InitialSchema1795852800000 } from '../../server/db/migrations/1795852800000-InitialSchema.js';
import { InterviewChangeNotify1795852900000 } from '../../server/db/migrations/1795852900000-InterviewChangeNotify.js';
import { QaSchema1795853000000 } from '../../server/db/migrations/1795853000000-QaSchema.js';
import { PostImages1795853100000 } from '../../server/db/migrations/1795853100000-PostImages.js';
import { QuestionBans1795853200000 } from '../../server/db/migrations/1795853200000-QuestionBans.js';
import { InterviewModel1795853400000 } from '../../server/db/migrations/1795853400000-InterviewModel.js';
import type { ApiSession } from '../helpers/ApiSession.js';
import { createTestDatabase } from '../helpers/createTestDatabase.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

let server: TestApp;
let staff: ApiSession;
beforeAll(async () => {
  server = await startTestApp();
  staff = await server.login();
});
afterAll(() => server?.close());

const details = {
  title: '乡村振兴访谈',
  topic: '特色产业',
  department: '县农业农村局',
  background: '今年我县特色产业…',
  startsAt: '2026-06-01T09:30:00+08:00',
  endsAt: '2026-06-01T11:00:00+08:00',
  host: { name: '陈主持', position: '县融媒体中心主持人', bio: '从事新闻工作十年。' },
  guests: [
    { name: '王局长', position: '县农业农村局局长', bio: '分管全县农业工作。' },
    { name: '李站长', position: '县农技推广站站长' },
  ],
};

async function uploadPortrait(interviewId: string, contentType: string, data: Uint8Array, session: ApiSession | null = staff) {
  const response = await fetch(`${server.url}/api/interviews/${interviewId}/portraits`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, ...(session?.cookie ? { Cookie: session.cookie } : {}) },
    body: new Uint8Array(data),
  });
  return { status: response.status, body: await response.json() };
}

/** A 1600×1200 JPEG tagged to be turned a quarter clockwise, with a GPS position. */
function cameraPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 0/1' } })
    .toBuffer();
}

async function setStatus(id: string, status: string) {
  return staff.post(`/api/interviews/${id}/status`, { status });
}

describe('interview model (C1)', () => {
  it('creates a draft with background, planned end, host and guests; edits it, photos included', async () => {
    const created = await staff.post('/api/interviews', { ...details, status: 'draft' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      background: details.background,
      startsAt: '2026-06-01T01:30:00.000Z',
      endsAt: '2026-06-01T03:00:00.000Z',
      host: { name: '陈主持', position: '县融媒体中心主持人', bio: '从事新闻工作十年。', photo: null, photoUrl: null },
      guests: [
        { name: '王局长', bio: '分管全县农业工作。', photo: null },
        { name: '李站长', bio: null, photo: null },
      ],
      nextStatuses: ['scheduled'],
    });
    const id = created.body.id as string;

    const portrait = await uploadPortrait(id, 'image/jpeg', await cameraPhoto());
    expect(portrait.status).toBe(201);
    expect(portrait.body.photo).toMatch(/^[0-9a-f-]{36}\.jpg$/);
    // Turned upright (the tag said a quarter turn) and shrunk to 800 px on the long side.
    expect({ width: portrait.body.width, height: portrait.body.height }).toEqual({ width: 600, height: 800 });
    const stored = fs.readFileSync(path.join(server.dataDir, 'interviews', id, 'people', portrait.body.photo));
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();

    // Reordered guests, the photo on the second one, the host removed.
    const edited = await staff.request('PUT', `/api/interviews/${id}`, {
      json: { ...details, title: '乡村振兴在线访谈', host: null, guests: [{ ...details.guests[1], photo: portrait.body.photo }, details.guests[0]] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: '乡村振兴在线访谈',
      host: null,
      guests: [
        { name: '李站长', photo: portrait.body.photo, photoUrl: portrait.body.photoUrl },
        { name: '王局长', photo: null },
      ],
    });
    expect((await staff.get(`/api/interviews/${id}`)).body).toEqual(edited.body);

    // Staff see a draft's photo; viewers do not, until it is announced.
    const photoPath = new URL(portrait.body.photoUrl).pathname;
    expect((await staff.get(photoPath)).status).toBe(200);
    expect((await server.anonymous().get(photoPath)).status).toBe(404);
    await setStatus(id, 'scheduled');
    const publicPhoto = await server.anonymous().get(photoPath);
    expect(publicPhoto.status).toBe(200);
    expect(publicPhoto.headers.get('Content-Type')).toBe('image/jpeg');
    const publicJson = (await server.anonymous().get(`/api/public/interviews/${id}`)).body;
    expect(publicJson.guests[0]).toEqual({ name: '李站长', position: '县农技推广站站长', bio: null, photoUrl: portrait.body.photoUrl });
    expect(publicJson.guests[0]).not.toHaveProperty('photo');
  });

  it('refuses a photo that was not uploaded for the interview, an end before the start, and bad uploads', async () => {
    const { id } = (await staff.post('/api/interviews', { title: '校验', status: 'draft' })).body;
    const other = (await staff.post('/api/interviews', { title: '别的访谈', status: 'draft' })).body.id as string;
    const foreign = await uploadPortrait(other, 'image/png', await sharp({ create: { width: 20, height: 20, channels: 4, background: '#ff000080' } }).png().toBuffer());
    expect(foreign.status).toBe(201);
    for (const [body, field] of [
      [{ title: 't', guests: [{ name: 'a', photo: foreign.body.photo }] }, 'guests[0].photo'],
      [{ title: 't', host: { name: 'h', photo: '../../etc/passwd' } }, 'host.photo'],
      [{ title: 't', startsAt: '2026-06-01T10:00:00+08:00', endsAt: '2026-06-01T09:00:00+08:00' }, 'endsAt'],
    ] as const) {
      const response = await staff.request('PUT', `/api/interviews/${id}`, { json: body });
      expect(response.status, field).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'invalid_request', field });
      expect(response.body.error.message).toMatch(/upload|after/);
    }
    expect((await uploadPortrait(id, 'image/gif', Buffer.from('GIF89a'))).body.error.code).toBe('unsupported_image_type');
    expect((await uploadPortrait(id, 'image/jpeg', Buffer.from('not a picture at all'))).body.error.code).toBe('image_type_mismatch');
    expect((await uploadPortrait(id, 'image/jpeg', Buffer.alloc(11 * 1024 * 1024, 0xff))).status).toBe(413);
    expect((await uploadPortrait(id, 'image/jpeg', await cameraPhoto(), null)).status).toBe(401);
    expect((await uploadPortrait('00000000-0000-4000-8000-000000000000', 'image/jpeg', await cameraPhoto())).status).toBe(404);
  });

  it('hides a draft on every public path exactly like an unknown id, and shows it once announced', async () => {
    const { id } = (await staff.post('/api/interviews', { title: '草稿', status: 'draft' })).body;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const hls = path.join(server.dataDir, 'interviews', id, 'hls');
    fs.mkdirSync(hls, { recursive: true });
    fs.writeFileSync(path.join(hls, 'index.m3u8'), '#EXTM3U\n');
    const paths = (interviewId: string) => [
      `/api/public/interviews/${interviewId}`,
      `/api/public/interviews/${interviewId}/qa`,
      `/api/public/interviews/${interviewId}/my-questions`,
      `/media/interviews/${interviewId}/hls/index.m3u8`,
    ];
    const anonymous = server.anonymous();
    for (const [draftPath, unknownPath] of paths(id).map((p, i) => [p, paths(unknown)[i]!] as const)) {
      const device = { headers: { 'X-Device-Token': 'a'.repeat(32) } };
      const [draft, missing] = [await anonymous.get(draftPath, device), await anonymous.get(unknownPath, device)];
      expect([draft.status, missing.status], draftPath).toEqual([404, 404]);
      // The playlist route answers its JSON error with the playlist's content type, so it arrives as text.
      const json = (body: unknown) => (typeof body === 'string' ? JSON.parse(body) : body);
      expect(json(draft.body), draftPath).toEqual(json(missing.body));
    }
    const ask = await anonymous.post(`/api/public/interviews/${id}/questions`, { nickname: '网友', body: '请问？' }, { headers: { 'X-Device-Token': 'a'.repeat(32) } });
    expect(ask.status).toBe(404);
    // The /demo page never picks a draft; a draft's watch page is 404.
    const list = (await anonymous.get('/api/public/interviews')).body;
    if (list.interviews) expect(list.interviews.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await anonymous.get(`/watch/${id}`)).status).toBe(404);

    await setStatus(id, 'scheduled');
    // The gate caches a status for up to 2 s.
    await expect.poll(async () => (await anonymous.get(`/media/interviews/${id}/hls/index.m3u8`)).status, { timeout: 10_000 }).toBe(200);
    expect((await anonymous.get(`/api/public/interviews/${id}`)).status).toBe(200);
    expect((await anonymous.get(`/api/public/interviews/${id}/qa`)).status).toBe(200);
  });

  it('runs the lifecycle from the console: announce, withdraw, go live, end, publish and withdraw the replay', async () => {
    const { id } = (await staff.post('/api/interviews', { title: '全流程', status: 'draft' })).body;
    expect((await setStatus(id, 'live')).body.error.code).toBe('invalid_status_transition');
    expect((await setStatus(id, 'scheduled')).body).toMatchObject({ status: 'scheduled', nextStatuses: ['draft', 'live', 'ended'] });
    expect((await setStatus(id, 'draft')).body.status).toBe('draft');
    await setStatus(id, 'scheduled');
    const live = (await setStatus(id, 'live')).body;
    expect(live).toMatchObject({ status: 'live', liveAt: expect.any(String), nextStatuses: ['ended'] });
    const ended = (await setStatus(id, 'ended')).body;
    expect(ended).toMatchObject({ status: 'ended', endedAt: expect.any(String), nextStatuses: ['live', 'replay'] });
    const replay = (await setStatus(id, 'replay')).body;
    expect(replay).toMatchObject({ status: 'replay', liveAt: live.liveAt, endedAt: ended.endedAt, nextStatuses: ['ended'] });
    // A camera connecting to a published replay changes nothing.
    server.app.media.emit('programLive', { interviewId: id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await staff.get(`/api/interviews/${id}`)).body.status).toBe('replay');
    expect((await setStatus(id, 'ended')).body).toMatchObject({ status: 'ended', endedAt: ended.endedAt });
    expect((await setStatus(id, 'replay')).body.status).toBe('replay');
    const bad = await staff.post(`/api/interviews/${id}/status`, { status: 'gone' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('status');
  });

  it('a camera publishing to a draft is a studio test: the draft stays a draft', async () => {
    const { id } = (await staff.post('/api/interviews', { title: '测试推流', status: 'draft' })).body;
    server.app.media.emit('programLive', { interviewId: id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await staff.get(`/api/interviews/${id}`)).body).toMatchObject({ status: 'draft', liveAt: null, hlsUrl: null });
  });
});

describe('migration InterviewModel', () => {
  it('keeps the statuses of existing rows and their guests', async () => {
    const url = await createTestDatabase();
    const before = [InitialSchema1795852800000, InterviewChangeNotify1795852900000, QaSchema1795853000000, PostImages1795853100000, QuestionBans1795853200000];
    const old = new DataSource({ type: 'postgres', url, migrations: before, migrationsTableName: 'migrations' });
    await old.initialize();
    await old.runMigrations();
    const ids = ['scheduled', 'live', 'ended'].map((status, i) => ({ status, id: `00000000-0000-4000-8000-00000000000${i}` }));
    for (const { id, status } of ids) await old.query(`INSERT INTO interviews (id, title, status) VALUES ($1, $2, $3)`, [id, status, status]);
    await old.query(`INSERT INTO guests (id, interview_id, name, position, sort_order) VALUES (gen_random_uuid(), $1, '王', '局长', 0)`, [ids[0]!.id]);
    await old.destroy();

    const next = new DataSource({ type: 'postgres', url, migrations: [...before, InterviewModel1795853400000], migrationsTableName: 'migrations' });
    await next.initialize();
    try {
      await next.runMigrations();
      const rows: { id: string; status: string; host_name: string | null }[] = await next.query('SELECT id, status, host_name FROM interviews ORDER BY id');
      expect(rows).toEqual(ids.map(({ id, status }) => ({ id, status, host_name: null })));
      expect(await next.query('SELECT name, bio, photo FROM guests')).toEqual([{ name: '王', bio: null, photo: null }]);
      await expect(next.query(`UPDATE interviews SET status = 'gone'`)).rejects.toThrow(/interviews_status_check/);
      await next.query(`UPDATE interviews SET status = 'draft' WHERE id = $1`, [ids[0]!.id]);
      await next.undoLastMigration();
      expect((await next.query('SELECT status FROM interviews WHERE id = $1', [ids[0]!.id]))[0].status).toBe('scheduled');
    } finally {
      await next.destroy();
    }
  });
});
