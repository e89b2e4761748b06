import fs from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostImageRepository } from '../../server/db/PostImageRepository.js';
import { UnattachedImageSweeper } from '../../server/qa/UnattachedImageSweeper.js';
import type { ApiSession } from '../helpers/ApiSession.js';
import { createInterview, createStaffUser, setMember } from '../helpers/qaFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/** Post pictures (图文直播): uploaded raw, checked by their bytes, re-encoded without metadata, public once published. */
let app: TestApp;
let admin: ApiSession;
let host: ApiSession;
let guest: ApiSession;
let interviewId: string;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login();
  interviewId = await createInterview(admin, '图文直播配图');
  const users = await Promise.all(['host', 'guest'].map((name) => createStaffUser(app, `images-${name}`)));
  await setMember(admin, interviewId, users[0]!.id, ['host']);
  await setMember(admin, interviewId, users[1]!.id, ['guest'], 0);
  [host, guest] = users.map((user) => user.session) as [ApiSession, ApiSession];
});
afterAll(async () => {
  await app?.close();
});

/** Posts the bytes as the raw body, as the console does. */
async function upload(session: ApiSession, contentType: string, data: Uint8Array) {
  const response = await fetch(`${app.url}/api/interviews/${interviewId}/images`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Cookie: session.cookie! },
    body: new Uint8Array(data),
  });
  return { status: response.status, body: await response.json() };
}

/** A 400×200 photo, left half red and right half blue, tagged to be shown turned a quarter clockwise, with GPS. */
function photoWithExif(): Promise<Buffer> {
  const red = { create: { width: 200, height: 200, channels: 3 as const, background: '#ff0000' } };
  return sharp({ create: { width: 400, height: 200, channels: 3, background: '#0000ff' } })
    .composite([{ input: { ...red }, left: 0, top: 0 }])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Copyright: 'Owner Name' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 0/1' } })
    .toBuffer();
}

describe('post images', () => {
  it('stores a JPEG upright, downscaled when needed, without any EXIF', async () => {
    const photo = await photoWithExif();
    const before = await sharp(photo).metadata();
    expect(before).toMatchObject({ width: 400, height: 200, orientation: 6 });
    expect(before.exif?.length).toBeGreaterThan(0);

    const uploaded = await upload(host, 'image/jpeg', photo);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ id: expect.any(String), width: 200, height: 400, mimeType: 'image/jpeg', bytes: expect.any(Number) });
    expect(new URL(uploaded.body.url).pathname).toBe(`/media/interviews/${interviewId}/images/${uploaded.body.id}.jpg`);

    const stored = await fs.readFile(path.join(app.dataDir, 'interviews', interviewId, 'images', `${uploaded.body.id}.jpg`));
    expect(stored.length).toBe(uploaded.body.bytes);
    const after = await sharp(stored).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 200, height: 400 });
    expect(after.exif).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(after.icc).toBeUndefined();
    // Turned a quarter clockwise, the red left half is now on top.
    const top = await sharp(stored).extract({ left: 100, top: 50, width: 1, height: 1 }).raw().toBuffer();
    const bottom = await sharp(stored).extract({ left: 100, top: 350, width: 1, height: 1 }).raw().toBuffer();
    expect(top[0]).toBeGreaterThan(200);
    expect(bottom[2]).toBeGreaterThan(200);

    // Noise compresses about as badly as a real 12-megapixel photo (5–6 MB).
    const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 20 } } })
      .jpeg({ quality: 90 })
      .toBuffer();
    const started = performance.now();
    const scaled = await upload(host, 'image/jpeg', big);
    console.log(`4000×3000 JPEG (${big.length} bytes) upload + processing: ${Math.round(performance.now() - started)} ms`);
    expect(scaled.body).toMatchObject({ width: 2048, height: 1536 });
  });

  it('keeps PNG and WebP as their own type', async () => {
    const png = await sharp({ create: { width: 30, height: 20, channels: 4, background: '#00ff0080' } }).png().toBuffer();
    expect((await upload(guest, 'image/png', png)).body).toMatchObject({ mimeType: 'image/png', width: 30, height: 20 });
    const webp = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#00ff00' } }).webp().toBuffer();
    const stored = await upload(guest, 'image/webp', webp);
    expect(stored.body).toMatchObject({ mimeType: 'image/webp' });
    expect(stored.body.url).toMatch(/\.webp$/);
  });

  it('refuses a type the bytes do not bear out, a non-picture, too many bytes and too many pixels', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const mismatch = await upload(host, 'image/jpeg', png);
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe('image_type_mismatch');

    const text = new TextEncoder().encode('not a picture at all');
    expect((await upload(host, 'text/plain', text)).status).toBe(415);
    expect((await upload(host, 'text/plain', text)).body.error.code).toBe('unsupported_image_type');
    const disguised = await upload(host, 'image/png', text);
    expect(disguised.status).toBe(400);
    expect(disguised.body.error.code).toBe('image_type_mismatch');

    const eleven = new Uint8Array(11 * 1024 * 1024);
    eleven.set([0xff, 0xd8, 0xff]);
    const tooLarge = await upload(host, 'image/jpeg', eleven);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('image_too_large');

    const huge = await sharp({ create: { width: 10000, height: 10000, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(huge.length).toBeLessThan(1024 * 1024);
    const pixels = await upload(host, 'image/png', huge);
    expect(pixels.status).toBe(400);
    expect(pixels.body.error.code).toBe('image_too_many_pixels');

    // Nothing refused was stored.
    const files = await fs.readdir(path.join(app.dataDir, 'interviews', interviewId, 'images'));
    expect(files.every((name) => /^[0-9a-f-]{36}\.(jpg|png|webp)$/.test(name))).toBe(true);
  }, 30_000);

  it('lets only host and guest members upload', async () => {
    const outsider = await createStaffUser(app, 'images-outsider');
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#ffffff' } }).png().toBuffer();
    expect((await upload(outsider.session, 'image/png', png)).status).toBe(403);
    expect((await upload(app.anonymous(), 'image/png', png)).status).toBe(401);
  });

  it('publishes a post with its pictures; a picture not on a published post is not public', async () => {
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#884422' } }).jpeg().toBuffer();
    const first = (await upload(host, 'image/jpeg', photo)).body;
    const second = (await upload(host, 'image/jpeg', photo)).body;
    const unattached = (await upload(host, 'image/jpeg', photo)).body;

    // Not public before a post carries it, but the interview's staff see it under their session.
    const privateRead = await fetch(unattached.url);
    expect(privateRead.status).toBe(404);
    const staffRead = await fetch(unattached.url, { headers: { Cookie: host.cookie! } });
    expect(staffRead.status).toBe(200);
    expect(staffRead.headers.get('Cache-Control')).toBe('private, no-store');

    // Someone else's upload cannot be attached, nor one twice, nor an unknown id.
    const guestImage = (await upload(guest, 'image/jpeg', photo)).body;
    const foreign = await host.post(`/api/interviews/${interviewId}/posts`, { role: 'host', body: '配图', imageIds: [guestImage.id] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.field).toBe('imageIds');
    const tooMany = await host.post(`/api/interviews/${interviewId}/posts`, {
      role: 'host',
      body: '配图',
      imageIds: Array.from({ length: 10 }, () => crypto.randomUUID()),
    });
    expect(tooMany.status).toBe(400);

    const written = await host.post(`/api/interviews/${interviewId}/posts`, { role: 'host', body: '现场图片', imageIds: [second.id, first.id] });
    expect(written.status).toBe(201);
    expect(written.body.images.map((image: { id: string }) => image.id)).toEqual([second.id, first.id]);
    const again = await host.post(`/api/interviews/${interviewId}/posts`, { role: 'host', body: '再发一次', imageIds: [first.id] });
    expect(again.status).toBe(400);

    const feed = (await app.anonymous().get(`/api/public/interviews/${interviewId}/qa`)).body;
    const post = feed.posts.find((p: { id: string }) => p.id === written.body.id);
    expect(post.images).toEqual([
      { id: second.id, url: second.url, width: 64, height: 48 },
      { id: first.id, url: first.url, width: 64, height: 48 },
    ]);

    const served = await fetch(first.url, { headers: { Origin: 'https://portal.example.gov.cn' } });
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe('image/jpeg');
    expect(served.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(served.headers.get('Content-Security-Policy')).toBe('sandbox');
    expect(served.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.length).toBe(first.bytes);

    expect((await fetch(unattached.url)).status).toBe(404);
    expect((await fetch(`${app.url}/media/interviews/${interviewId}/images/..%2F..%2Fsecret.jpg`)).status).toBe(404);
  });

  it('serves a pending post\'s pictures to staff only, and to everyone once approved', async () => {
    const photo = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#224488' } }).jpeg().toBuffer();
    const image = (await upload(guest, 'image/jpeg', photo)).body;
    const written = await guest.post(`/api/interviews/${interviewId}/posts`, { role: 'guest', body: '嘉宾配图', imageIds: [image.id] });
    expect(written.body.status).toBe('pending');
    expect((await fetch(image.url)).status).toBe(404);
    await admin.post(`/api/interviews/${interviewId}/posts/${written.body.id}/actions`, { action: 'approve' });
    expect((await fetch(image.url)).status).toBe(200);
  });
});

describe('pictures never attached to a post', () => {
  const file = (id: string) => path.join(app.dataDir, 'interviews', interviewId, 'images', `${id}.png`);
  const exists = (p: string) => fs.access(p).then(() => true, () => false);
  const rowExists = async (id: string) => (await app.app.database.dataSource.query('SELECT 1 FROM post_images WHERE id = $1', [id])).length === 1;
  const age = (ids: string[], hours: number) =>
    app.app.database.dataSource.query(`UPDATE post_images SET created_at = now() - make_interval(hours => $2) WHERE id = ANY($1)`, [ids, hours]);
  const png = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#00ff00' } }).png().toBuffer();
  const sweeper = () =>
    new UnattachedImageSweeper({ images: new PostImageRepository(app.app.database.dataSource), dataDir: app.dataDir, logger: pino({ level: 'silent' }) });

  it('are removed, row and file, once older than a day; attached and recent ones stay', async () => {
    const [stale, recent, attached] = await Promise.all([0, 1, 2].map(async () => (await upload(host, 'image/png', await png())).body.id as string));
    const post = await host.post(`/api/interviews/${interviewId}/posts`, { role: 'host', body: '带图的主持人发言', imageIds: [attached!] });
    expect(post.status).toBe(201);
    await age([stale!, attached!], 25);
    await age([recent!], 23);

    const sweeps = sweeper();
    try {
      expect(await sweeps.sweep()).toBe(1);
    } finally {
      await sweeps.close();
    }
    expect([await rowExists(stale!), await exists(file(stale!))]).toEqual([false, false]);
    expect([await rowExists(recent!), await exists(file(recent!))]).toEqual([true, true]);
    expect([await rowExists(attached!), await exists(file(attached!))]).toEqual([true, true]);
  });

  it('never removes one a post is attaching at that moment: the sweep waits for the post and leaves it', async () => {
    const id = (await upload(host, 'image/png', await png())).body.id as string;
    const post = (await host.post(`/api/interviews/${interviewId}/posts`, { role: 'host', body: '稍后附图的发言' })).body.id as string;
    await age([id], 48);
    // What PostService does in its transaction: lock the unattached row, then attach it.
    const attaching = app.app.database.dataSource.createQueryRunner();
    await attaching.connect();
    await attaching.startTransaction();
    let sweeps: UnattachedImageSweeper | undefined;
    try {
      await attaching.query('SELECT id FROM post_images WHERE id = $1 AND post_id IS NULL FOR UPDATE', [id]);
      sweeps = sweeper();
      const swept = sweeps.sweep();
      // Attach only once the sweep's DELETE is waiting for the row lock.
      const deleteWaiting = async () =>
        (await app.app.database.dataSource.query(
          `SELECT 1 FROM pg_stat_activity WHERE query LIKE 'DELETE FROM post_images%' AND wait_event_type = 'Lock'`,
        )).length === 1;
      for (let i = 0; i < 500 && !(await deleteWaiting()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await deleteWaiting()).toBe(true);
      await attaching.query('UPDATE post_images SET post_id = $2 WHERE id = $1', [id, post]);
      await attaching.commitTransaction();
      expect(await swept).toBe(0);
    } finally {
      await attaching.release();
      await sweeps?.close();
    }
    expect([await rowExists(id), await exists(file(id))]).toEqual([true, true]);
  });
});
