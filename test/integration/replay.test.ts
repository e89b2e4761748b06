import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { counterFrames } from '../helpers/frameCounter.js';
import { COUNTER_FPS, publishLavfi, type LavfiPublisher } from '../helpers/lavfiPublisher.js';
import { newDeviceToken } from '../helpers/qaFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

const run = promisify(execFile);

/**
 * The replay with real parts: a show with a camera reconnect in the middle, a question answered after it; after the show the playlist is VOD and the chapter points at the moment the host took the question
 * up — checked by reading the frame counter of the replay at the chapter's second.
 */
let server: TestApp;
let staff: ApiSession;
let interviewId: string;
let camera: { id: string; whipUrl: string; token: string };
let publisher: LavfiPublisher | undefined;
let answeringAt = 0;
let questionId: string;

const playlistFile = () => path.join(server.dataDir, 'interviews', interviewId, 'hls', 'index.m3u8');
const segments = () => {
  try {
    return readFileSync(playlistFile(), 'utf8').split('\n').filter((line) => line.endsWith('.ts')).length;
  } catch {
    return 0;
  }
};

beforeAll(async () => {
  server = await startTestApp({ rtcMinPort: 44700, rtcMaxPort: 44800 });
  staff = await server.login();
  interviewId = (await staff.post('/api/interviews', { title: '回顾与章节' })).body.id;
  camera = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '主机位' })).body;
});
afterAll(async () => {
  await publisher?.drop();
  await server?.close();
});

describe('replay', () => {
  it('records a show with a reconnect and a question answered after it', async () => {
    publisher = await publishLavfi(camera.whipUrl, camera.token);
    await expect.poll(segments, { timeout: 30_000, interval: 250 }).toBeGreaterThanOrEqual(3);
    // The camera drops and comes back.
    await publisher.drop();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const before = segments();
    publisher = await publishLavfi(camera.whipUrl, camera.token);
    await expect.poll(segments, { timeout: 30_000, interval: 250 }).toBeGreaterThanOrEqual(before + 2);

    const asked = await server
      .anonymous()
      .post(`/api/public/interviews/${interviewId}/questions`, { nickname: '网友甲', body: '农村道路什么时候修？' }, { headers: { 'X-Device-Token': newDeviceToken() } });
    expect(asked.status).toBe(201);
    questionId = asked.body.id;
    const act = (action: string) => staff.post(`/api/interviews/${interviewId}/questions/${questionId}/actions`, { action });
    if (asked.body.status === 'pending') expect((await act('approve')).status).toBe(200);
    answeringAt = Date.now();
    expect((await act('answering')).status).toBe(200);
    await expect.poll(segments, { timeout: 30_000, interval: 250 }).toBeGreaterThanOrEqual(segments() + 2);
    expect((await act('answered')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await staff.post(`/api/interviews/${interviewId}/end`)).status).toBe(200);
  });

  it('closes the playlist as VOD over the whole show, reconnect included; ffprobe reads all of it', async () => {
    const text = readFileSync(playlistFile(), 'utf8');
    expect(text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(text.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
    const listed = [...text.matchAll(/#EXTINF:([\d.]+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', playlistFile()]);
    expect(Math.abs(Number(stdout.trim()) - listed)).toBeLessThan(1);
  });

  it('serves the chapter at the second the host took the question up', async () => {
    const response = await server.anonymous().get(`/api/public/interviews/${interviewId}/chapters`);
    expect(response.status).toBe(200);
    expect(response.body.chapters).toEqual([
      { questionId, title: '农村道路什么时候修？', startSeconds: expect.any(Number), thumbnailUrl: null },
    ]);
    const { startSeconds } = response.body.chapters[0];
    // The replay at that second shows the frame the camera was sending then.
    const frame = path.join(server.dataDir, 'chapter-frame.mkv');
    await run('ffmpeg', ['-v', 'error', '-y', '-ss', String(startSeconds), '-i', playlistFile(), '-frames:v', '1', '-c:v', 'ffv1', frame]);
    const [shown] = await counterFrames(frame);
    expect(Math.abs(shown! - publisher!.frameAt(answeringAt)) / COUNTER_FPS).toBeLessThan(1.5);

    // Its thumbnail is made in the background and then listed.
    await server.app.editing.replay.idle();
    const again = (await server.anonymous().get(`/api/public/interviews/${interviewId}/chapters`)).body.chapters[0];
    expect(again.thumbnailUrl).toMatch(new RegExp(`/media/interviews/${interviewId}/replay/chapter-\\d+\\.jpg$`));
    const picture = await fetch(again.thumbnailUrl);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/jpeg');
  });

  it('answers 404 for an unknown interview and [] for one without answered questions', async () => {
    expect((await server.anonymous().get('/api/public/interviews/00000000-0000-4000-8000-000000000000/chapters')).status).toBe(404);
    const other = (await staff.post('/api/interviews', { title: '没有提问' })).body.id;
    expect((await server.anonymous().get(`/api/public/interviews/${other}/chapters`)).body).toEqual({ chapters: [] });
  });
});
