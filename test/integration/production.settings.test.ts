import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/createTestDatabase.js';
import { publishLavfi, type LavfiPublisher } from '../helpers/lavfiPublisher.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';

const run = promisify(execFile);

/**
 * The director's audio choice (a camera's microphone throughout) and overlays survive a server restart: stored in
 * program_settings and applied again when the show's program goes live on the restarted server (the program is then
 * encoded with the overlays again, which ffprobe sees in its newest segment). The chosen microphone is a second camera
 * that publishes too (its sound must reach the program).
 */
let dataDir: string;
let databaseUrl: string;
let server: TestApp | undefined;
let publisher: LavfiPublisher | undefined;
let guest: LavfiPublisher | undefined;

beforeAll(async () => {
  dataDir = makeTempDir('program-settings');
  databaseUrl = await createTestDatabase();
});
afterAll(async () => {
  await publisher?.drop();
  await guest?.drop();
  await server?.close();
  removeTempDir(dataDir);
});

const overlays = { lowerThird: { name: '张建国', position: '县农业农村局局长' }, logo: false, liveBadge: true };

async function newestSegmentProfile(interviewId: string): Promise<string> {
  const hls = path.join(dataDir, 'interviews', interviewId, 'hls');
  const newest = readFileSync(path.join(hls, 'index.m3u8'), 'utf8').split('\n').filter((line) => line.endsWith('.ts')).at(-1);
  if (!newest) return '';
  const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=profile', '-of', 'csv=p=0', path.join(hls, newest)]);
  return stdout.trim().split('\n')[0]!.trim();
}

describe('program settings across a restart', () => {
  it('keeps whose microphone is on the program and the overlays, and applies them when the show is live again', async () => {
    server = await startTestApp({ rtcMinPort: 47400, rtcMaxPort: 47500, dataDir, databaseUrl });
    let staff = await server.login();
    const interviewId = (await staff.post('/api/interviews', { title: '导播设置' })).body.id as string;
    const camera = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '主机位' })).body;
    const guestMicrophone = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '嘉宾机位' })).body;
    publisher = await publishLavfi(camera.whipUrl, camera.token);
    guest = await publishLavfi(guestMicrophone.whipUrl, guestMicrophone.token);
    const status = async () => (await staff.get(`/api/interviews/${interviewId}/media-status`)).body;
    await expect.poll(async () => (await status()).onAir, { timeout: 30_000, interval: 250 }).toBe(true);

    expect((await staff.request('PUT', `/api/interviews/${interviewId}/program`, { json: { audioCameraId: guestMicrophone.id } })).status).toBe(200);
    expect((await staff.request('PUT', `/api/interviews/${interviewId}/overlays`, { json: overlays })).status).toBe(200);
    expect(await status()).toMatchObject({ audioCameraId: guestMicrophone.id, overlays });

    await publisher.drop();
    await guest.drop();
    publisher = undefined;
    guest = undefined;
    await server.close();
    server = await startTestApp({ rtcMinPort: 47400, rtcMaxPort: 47500, dataDir, databaseUrl });
    staff = await server.login();
    // Off air after the restart: nothing applied yet.
    expect((await status()).onAir).toBe(false);

    // The restarted server listens on another port: the camera's WHIP path on it.
    publisher = await publishLavfi(`${server.url}${new URL(camera.whipUrl).pathname}`, camera.token);
    guest = await publishLavfi(`${server.url}${new URL(guestMicrophone.whipUrl).pathname}`, guestMicrophone.token);
    await expect
      .poll(async () => {
        const now = await status();
        return { onAir: now.onAir, audioCameraId: now.audioCameraId, overlays: now.overlays };
      }, { timeout: 30_000, interval: 250 })
      .toEqual({ onAir: true, audioCameraId: guestMicrophone.id, overlays });
    // Drawn, not only reported: the newest segments are encoded by libx264 (High) instead of the camera's Baseline.
    await expect.poll(() => newestSegmentProfile(interviewId), { timeout: 30_000, interval: 500 }).toBe('High');

    // Back to the picture's microphone and no overlays: stored too.
    expect((await staff.request('PUT', `/api/interviews/${interviewId}/program`, { json: { audioCameraId: null } })).status).toBe(200);
    expect((await staff.request('PUT', `/api/interviews/${interviewId}/overlays`, { json: { lowerThird: null, logo: false, liveBadge: false } })).status).toBe(200);
    const rows: { audio_camera_id: string | null; overlays: unknown }[] = await server.app.database.dataSource.query(
      'SELECT audio_camera_id, overlays FROM program_settings WHERE interview_id = $1',
      [interviewId],
    );
    expect(rows).toEqual([{ audio_camera_id: null, overlays: { lowerThird: null, logo: false, liveBadge: false } }]);
  }, 180_000);
});
