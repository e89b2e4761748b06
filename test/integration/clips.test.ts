import { execFile } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { createTestDatabase } from '../helpers/createTestDatabase.js';
import { decodeErrors, probeStreams } from '../helpers/ffprobe.js';
import { counterFrames } from '../helpers/frameCounter.js';
import { COUNTER_FPS, GATED_TONE_SOURCE, publishLavfi } from '../helpers/lavfiPublisher.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';

const run = promisify(execFile);

/**
 * Clip exports as persistent jobs, with real parts: a short show recorded from the frame-counter camera (its sound
 * a tone switched on and off every 2 s), then clips exported in both modes and checked with ffprobe (duration, codecs,
 * playability) and by their frame numbers; an export interrupted by a server stop finishes after the restart. The
 * clip editor's thumbnails (JPEG, one per 5 s, by ffprobe), sound peaks (the tone against the silence) and previews.
 */
let dataDir: string;
let databaseUrl: string;
let server: TestApp;
let staff: ApiSession;
let interviewId: string;
let camera: { id: string; whipUrl: string; token: string };

const start = async () => {
  server = await startTestApp({ rtcMinPort: 44800, rtcMaxPort: 44900, dataDir, databaseUrl });
  staff = await server.login();
};

beforeAll(async () => {
  dataDir = makeTempDir('clips');
  databaseUrl = await createTestDatabase();
  await start();
});
afterAll(async () => {
  await server?.close();
  if (dataDir) removeTempDir(dataDir);
});

interface ExportJson {
  id: string;
  status: string;
  progress: number;
  downloadUrl: string | null;
}
const newClip = async (sourceId: string, inSeconds: number, outSeconds: number) => {
  const response = await staff.post(`/api/interviews/${interviewId}/clips`, { title: '道路：农村公路/养护', sourceId, inSeconds, outSeconds });
  expect(response.status).toBe(201);
  return response.body.id as string;
};
const exportOf = async (clipId: string, mode: 'fast' | 'exact') => {
  const response = await staff.post(`/api/interviews/${interviewId}/clips/${clipId}/exports`, { mode });
  expect(response.status).toBe(201);
  return response.body as ExportJson;
};
const job = async (id: string) => (await staff.get(`/api/interviews/${interviewId}/exports/${id}`)).body as ExportJson;
const finished = async (id: string) => {
  await expect.poll(async () => (await job(id)).status, { timeout: 60_000, interval: 250 }).toMatch(/done|failed|cancelled/);
  return job(id);
};
const outputOf = (id: string) => path.join(dataDir, 'interviews', interviewId, 'clips', `${id}.mp4`);
const partFile = async (partId: string) => {
  const rows: { path: string }[] = await server.app.database.dataSource.query('SELECT path FROM recording_parts WHERE id = $1', [partId]);
  return path.join(dataDir, rows[0]!.path);
};
const videoDuration = async (file: string) => {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=duration', '-of', 'csv=p=0', file]);
  return Number(stdout.trim());
};

describe('clip export jobs', () => {
  it('records a short show (program and ISO)', async () => {
    interviewId = (await staff.post('/api/interviews', { title: '剪辑' })).body.id;
    camera = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '主机位' })).body;
    const publisher = await publishLavfi(camera.whipUrl, camera.token, { audioSource: GATED_TONE_SOURCE });
    await new Promise((resolve) => setTimeout(resolve, 14_000));
    expect((await staff.post(`/api/interviews/${interviewId}/end`)).status).toBe(200);
    await publisher.drop();
    await expect
      .poll(async () => (await staff.get(`/api/interviews/${interviewId}/recordings`)).body.recordings.flatMap((r: { parts: { status: string }[] }) => r.parts.map((p) => p.status)), {
        timeout: 30_000,
        interval: 250,
      })
      .not.toContain('recording');
  });

  it('refuses points outside the recording', async () => {
    const response = await staff.post(`/api/interviews/${interviewId}/clips`, { title: 'x', sourceId: 'program', inSeconds: 1, outSeconds: 999 });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'clip_out_of_range', field: 'outSeconds' });
    const backwards = await staff.post(`/api/interviews/${interviewId}/clips`, { title: 'x', sourceId: 'program', inSeconds: 5, outSeconds: 4 });
    expect(backwards.body.error.code).toBe('clip_out_of_range');
  });

  it('thumbnails: a JPEG per 5 s of each part, at the first keyframe at or after it, kept on disk', async () => {
    const recordings = (await staff.get(`/api/interviews/${interviewId}/recordings`)).body.recordings as { sourceId: string; parts: { id: string; status: string }[] }[];
    for (const recording of recordings) {
      const response = await staff.get(`/api/interviews/${interviewId}/recordings/${recording.sourceId}/thumbnails`);
      expect(response.status).toBe(200);
      const { intervalSeconds, thumbnails } = response.body as { intervalSeconds: number; thumbnails: { seconds: number; url: string }[] };
      expect(intervalSeconds).toBe(5);
      // The right count: one for each multiple of 5 s that a keyframe of the part reaches (ffprobe lists them).
      let expected = 0;
      for (const part of recording.parts.filter((p) => p.status === 'complete')) {
        const keyframes = (await run('ffprobe', ['-v', 'error', '-skip_frame', 'nokey', '-select_streams', 'v:0', '-show_entries', 'frame=best_effort_timestamp_time', '-of', 'csv=p=0', await partFile(part.id)])).stdout
          .split('\n').map((line) => parseFloat(line)).filter((t) => Number.isFinite(t));
        expected += Math.floor((keyframes[keyframes.length - 1]! - keyframes[0]!) / 5) + 1;
      }
      expect(thumbnails.length).toBe(expected);
      expect(thumbnails.map((t) => t.seconds)).toEqual([...thumbnails.map((t) => t.seconds)].sort((a, b) => a - b));
      for (const [i, thumbnail] of thumbnails.entries()) {
        const picture = await fetch(`${server.url}${thumbnail.url}`, { headers: { Cookie: staff.cookie! } });
        expect(picture.status).toBe(200);
        expect(picture.headers.get('content-type')).toBe('image/jpeg');
        const file = path.join(dataDir, `thumbnail-${recording.sourceId}-${i}.jpg`);
        writeFileSync(file, Buffer.from(await picture.arrayBuffer()));
        expect(await probeStreams(file)).toEqual([{ codec_type: 'video', codec_name: 'mjpeg', width: 160, height: 120 }]);
      }
    }
    expect(existsSync(path.join(dataDir, 'interviews', interviewId, 'derived'))).toBe(true);
    expect((await staff.get(`/api/interviews/${interviewId}/recordings/camera-00000000-0000-4000-8000-000000000000/thumbnails`)).status).toBe(404);
  });

  it('the waveform: a peak per 100 ms that follows the sound (tone against silence)', async () => {
    const recordings = (await staff.get(`/api/interviews/${interviewId}/recordings`)).body.recordings as {
      sourceId: string;
      durationSeconds: number;
      parts: { offsetSeconds: number | null }[];
    }[];
    for (const recording of recordings) {
      const response = await staff.get(`/api/interviews/${interviewId}/recordings/${recording.sourceId}/waveform`);
      expect(response.status).toBe(200);
      const { windowSeconds, peaks } = response.body as { windowSeconds: number; peaks: number[] };
      expect(windowSeconds).toBe(0.1);
      expect(Math.abs(peaks.length - recording.durationSeconds * 10)).toBeLessThanOrEqual(1);
      // 2 s of tone, 2 s of silence: windows are loud or silent, hardly anything between. The tone is at half scale,
      // spread over the publisher's two channels at −3 dB: 0.35 in each.
      const loud = peaks.filter((p) => p > 0.2).sort((a, b) => a - b);
      const silent = peaks.filter((p) => p < 0.02);
      expect(loud.length).toBeGreaterThan(0);
      expect(silent.length).toBeGreaterThan(0);
      expect((loud.length + silent.length) / peaks.length).toBeGreaterThan(0.9);
      expect(loud[Math.floor(loud.length / 2)]).toBeGreaterThan(0.32);
      expect(loud[loud.length - 1]).toBeLessThan(0.45);
    }
    // The camera's recording (the whole show) has whole runs: about 20 loud windows between silences, wherever no
    // part starts or ends inside the run.
    const camera = recordings.find((r) => r.sourceId !== 'program')!;
    const peaks = (await staff.get(`/api/interviews/${interviewId}/recordings/${camera.sourceId}/waveform`)).body.peaks as number[];
    const boundaries = camera.parts.flatMap((p) => (p.offsetSeconds === null ? [] : [Math.round(p.offsetSeconds * 10)]));
    const whole: number[] = [];
    let start = -1;
    for (const [i, p] of peaks.entries()) {
      if (p > 0.2 && start < 0) start = i;
      if (p <= 0.2 && start >= 0) {
        if (start > 0 && !boundaries.some((b) => b >= start - 1 && b <= i + 1)) whole.push(i - start);
        start = -1;
      }
    }
    expect(whole.length).toBeGreaterThan(0);
    for (const length of whole) expect(length).toBeGreaterThanOrEqual(17), expect(length).toBeLessThanOrEqual(23);
  });

  it('a preview each part plays in a browser: MP4 (H.264 + AAC) with Range support', async () => {
    const part = (await staff.get(`/api/interviews/${interviewId}/recordings`)).body.recordings[0].parts[0] as { id: string; durationSeconds: number };
    const url = `${server.url}/api/interviews/${interviewId}/recordings/parts/${part.id}/preview`;
    const whole = await fetch(url, { headers: { Cookie: staff.cookie! } });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    const file = path.join(dataDir, 'preview.mp4');
    writeFileSync(file, Buffer.from(await whole.arrayBuffer()));
    expect((await probeStreams(file)).map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(Math.abs((await videoDuration(file)) - part.durationSeconds)).toBeLessThan(0.5);
    expect(await decodeErrors(file)).toBe('');
    const range = await fetch(url, { headers: { Cookie: staff.cookie!, Range: 'bytes=100-199' } });
    expect(range.status).toBe(206);
    expect((await range.arrayBuffer()).byteLength).toBe(100);
    expect((await staff.get(`/api/interviews/${interviewId}/recordings/parts/00000000-0000-4000-8000-000000000000/preview`)).status).toBe(404);
  });

  it('fast mode: stream copy, cut on keyframes, MP4 with faststart that plays', async () => {
    const clipId = await newClip('program', 3, 8);
    const done = await finished((await exportOf(clipId, 'fast')).id);
    expect(done).toMatchObject({ status: 'done', progress: 100 });
    const file = outputOf(done.id);
    expect((await probeStreams(file)).map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    // Cut on keyframes (one a second from this camera): within a keyframe interval of the points.
    expect(Math.abs((await videoDuration(file)) - 5)).toBeLessThanOrEqual(1.05);
    expect(await decodeErrors(file)).toBe('');
    // +faststart: the index (moov) comes before the media (mdat).
    const trace = (await run('sh', ['-c', `ffprobe -v trace -i '${file}' 2>&1 | grep -o "type:'\\(moov\\|mdat\\)'" | head -2`])).stdout;
    expect(trace.trim().split('\n')).toEqual(["type:'moov'", "type:'mdat'"]);

    const download = await fetch(`${server.url}${done.downloadUrl}`, { headers: { Cookie: staff.cookie! } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('video/mp4');
    expect(download.headers.get('content-disposition')).toMatch(/attachment; filename=.*filename\*=UTF-8''/);
    expect((await download.arrayBuffer()).byteLength).toBe(statSync(file).size);
  });

  it('exact mode: re-encoded, frame-accurate in and out points (±1 frame)', async () => {
    const clipId = await newClip('program', 2.2, 6.2);
    const done = await finished((await exportOf(clipId, 'exact')).id);
    expect(done.status).toBe('done');
    const file = outputOf(done.id);
    expect((await probeStreams(file)).map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(Math.abs((await videoDuration(file)) - 4)).toBeLessThanOrEqual(1 / COUNTER_FPS + 0.001);
    expect(await decodeErrors(file)).toBe('');
    // The first frame is the one the recording shows at 2.2 s (an exact seek of the source agrees).
    const parts = (await staff.get(`/api/interviews/${interviewId}/recordings`)).body.recordings[0].parts;
    const rows: { path: string }[] = await server.app.database.dataSource.query('SELECT path FROM recording_parts WHERE id = $1', [parts[0].id]);
    const reference = path.join(dataDir, 'reference.mkv');
    await run('ffmpeg', ['-v', 'error', '-y', '-ss', '2.2', '-i', path.join(dataDir, rows[0]!.path), '-frames:v', '1', '-c:v', 'ffv1', reference]);
    const [expected] = await counterFrames(reference);
    const frames = await counterFrames(file);
    expect(Math.abs(frames[0]! - expected!)).toBeLessThanOrEqual(1);
    expect(frames.length).toBeGreaterThanOrEqual(4 * COUNTER_FPS - 1);
  });

  it('exports a camera\'s ISO recording too', async () => {
    const clipId = await newClip(`camera-${camera.id}`, 1, 3);
    const done = await finished((await exportOf(clipId, 'exact')).id);
    expect(done.status).toBe('done');
    expect(Math.abs((await videoDuration(outputOf(done.id))) - 2)).toBeLessThanOrEqual(1 / COUNTER_FPS + 0.001);
  });

  it('cancels a queued export; a finished one cannot be cancelled and a cancelled one not downloaded', async () => {
    const clipId = await newClip('program', 0, 8);
    const queued = await exportOf(clipId, 'exact');
    const cancelled = await staff.post(`/api/interviews/${interviewId}/exports/${queued.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const again = await staff.post(`/api/interviews/${interviewId}/exports/${queued.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('export_finished');
    expect((await staff.get(`/api/interviews/${interviewId}/exports/${queued.id}/download`)).body.error.code).toBe('export_not_done');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(existsSync(outputOf(queued.id))).toBe(false);
  });

  it('an export interrupted by a server stop is queued again and finishes after the restart', async () => {
    const clipId = await newClip('program', 0, 9);
    const queued = await exportOf(clipId, 'exact');
    await expect.poll(async () => (await job(queued.id)).status, { timeout: 30_000, interval: 100 }).toBe('running');
    await server.close();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ status: string }>('SELECT status FROM export_jobs WHERE id = $1', [queued.id]);
    await client.end();
    expect(rows[0]!.status).toBe('running');

    await start();
    const done = await finished(queued.id);
    expect(done.status).toBe('done');
    expect(Math.abs((await videoDuration(outputOf(queued.id))) - 9)).toBeLessThanOrEqual(1 / COUNTER_FPS + 0.001);
    const list = (await staff.get(`/api/interviews/${interviewId}/clips`)).body.clips;
    expect(list.find((c: { id: string }) => c.id === clipId).exports[0]).toMatchObject({ id: queued.id, status: 'done' });
  });
});
