import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { decodeErrors } from '../helpers/ffprobe.js';

/**
 * Decoding errors of a file. The null muxer's "non monotonically increasing dts" complaints are left out: WebRTC
 * cameras may stamp two frames alike, which players take in their stride (see FINDINGS); so are FFmpeg's "Last message
 * repeated N times" lines that stand for them.
 */
const decodingErrors = async (file: string) =>
  (await decodeErrors(file))
    .split('\n')
    .filter((line) => line !== '' && !line.includes('non monotonically increasing dts') && !/Last message repeated \d+ times/.test(line))
    .join('\n');
import { counterFrames, pidsWithCommandLine } from '../helpers/frameCounter.js';
import { COUNTER_FPS, publishLavfi, type LavfiPublisher } from '../helpers/lavfiPublisher.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * Crash safety of the recordings with real parts: a camera (werift + FFmpeg's frame-counter picture) publishes over
 * WHIP, mediasoup feeds the program FFmpeg and the camera's ISO recorder, and we kill -9 one process at a time.
 * Each recorded frame says which one it is, so "media lost" is measured: the frame being sent when the process died
 * minus the last frame its part kept.
 */
let server: TestApp;
let staff: ApiSession;
let interviewId: string;
let camera: { id: string; whipUrl: string; token: string };
let publisher: LavfiPublisher | undefined;

interface PartJson {
  id: string;
  status: string;
  durationSeconds: number | null;
  recovered: boolean;
  startedAt: string;
}
interface RecordingJson {
  kind: string;
  cameraId: string | null;
  sourceId: string;
  durationSeconds: number;
  parts: PartJson[];
}

beforeAll(async () => {
  server = await startTestApp({ rtcMinPort: 44600, rtcMaxPort: 44700 });
  staff = await server.login();
  interviewId = (await staff.post('/api/interviews', { title: '录制防崩溃' })).body.id;
  camera = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '嘉宾机位' })).body;
});
afterAll(async () => {
  await publisher?.drop();
  await server?.close();
});

async function recordings(): Promise<RecordingJson[]> {
  const response = await staff.get(`/api/interviews/${interviewId}/recordings`);
  expect(response.status).toBe(200);
  return response.body.recordings;
}
const partsOf = async (kind: 'program' | 'camera') => (await recordings()).find((r) => r.kind === kind)?.parts ?? [];
/** The absolute file of a part, from the catalogue's row (the API does not hand out paths). */
async function fileOf(partId: string): Promise<string> {
  const rows: { path: string }[] = await server.app.database.dataSource.query('SELECT path FROM recording_parts WHERE id = $1', [partId]);
  return path.join(server.dataDir, rows[0]!.path);
}
const hlsSegments = () =>
  import('node:fs').then((fs) => {
    try {
      return fs.readFileSync(path.join(server.dataDir, 'interviews', interviewId, 'hls', 'index.m3u8'), 'utf8').split('\n').filter((l) => l.endsWith('.ts')).length;
    } catch {
      return 0;
    }
  });

/** Kills the one process matching `needles` and answers when (Date.now) it died. */
function kill9(...needles: string[]): number {
  const pids = pidsWithCommandLine(...needles);
  expect(pids).toHaveLength(1);
  process.kill(pids[0]!, 'SIGKILL');
  return Date.now();
}

/** Seconds between the frame being sent at `killedAt` and the last frame the part kept. */
async function secondsLost(partId: string, killedAt: number): Promise<{ lost: number; frames: number[] }> {
  const frames = await counterFrames(await fileOf(partId));
  return { lost: (publisher!.frameAt(killedAt) - frames[frames.length - 1]!) / COUNTER_FPS, frames };
}

/**
 * The camera's newest part once it holds more than a second of pictures (they start at the camera's next keyframe).
 * The newest each time: under load a new part's FFmpeg may fail to start, and its empty part is forgotten while the
 * recorder starts another.
 */
async function newestCameraPartWithPictures(): Promise<{ id: string }> {
  let newest: { id: string } | undefined;
  const frames = async () => {
    newest = (await partsOf('camera')).at(-1);
    return newest ? (await fileOf(newest.id).then(counterFrames).catch(() => [])).length : 0;
  };
  await expect.poll(frames, { timeout: 60_000, interval: 500 }).toBeGreaterThan(COUNTER_FPS);
  return newest!;
}

describe('crash-safe recordings', () => {
  it('records the program and the camera (ISO) in parts catalogued in PostgreSQL', async () => {
    publisher = await publishLavfi(camera.whipUrl, camera.token);
    await expect.poll(async () => (await partsOf('program')).map((p) => p.status), { timeout: 30_000, interval: 250 }).toEqual(['recording']);
    await expect.poll(async () => (await partsOf('camera')).map((p) => p.status), { timeout: 30_000, interval: 250 }).toEqual(['recording']);
    await expect.poll(hlsSegments, { timeout: 30_000, interval: 250 }).toBeGreaterThanOrEqual(3);
  });

  it('kill -9 of the program FFmpeg loses about a second at most, and the program goes on in a new part', async () => {
    const [killed] = await partsOf('program');
    const segmentsBefore = await hlsSegments();
    const killedAt = kill9('ffmpeg', `${interviewId}/hls`);

    await expect
      .poll(async () => (await partsOf('program')).map((p) => [p.status, p.recovered]), { timeout: 30_000, interval: 250 })
      .toEqual([['complete', true], ['recording', false]]);
    await expect.poll(hlsSegments, { timeout: 30_000, interval: 250 }).toBeGreaterThan(segmentsBefore);

    const { lost, frames } = await secondsLost(killed!.id, killedAt);
    expect(lost).toBeGreaterThanOrEqual(0);
    expect(lost).toBeLessThan(1.5);
    // The catalogue's duration is the part's real length (the repaired file knows it).
    const [done] = await partsOf('program');
    expect(Math.abs(done!.durationSeconds! - (frames[frames.length - 1]! - frames[0]!) / COUNTER_FPS)).toBeLessThan(0.5);
    expect(await decodingErrors(await fileOf(killed!.id))).toBe('');
  });

  it('kill -9 of the camera recording FFmpeg loses about a second at most, and its ISO goes on in a new part', async () => {
    const [killed] = await partsOf('camera');
    const killedAt = kill9('ffmpeg', `camera-${camera.id}-`);
    await expect
      .poll(async () => (await partsOf('camera')).map((p) => [p.status, p.recovered]), { timeout: 30_000, interval: 250 })
      .toEqual([['complete', true], ['recording', false]]);
    const { lost } = await secondsLost(killed!.id, killedAt);
    expect(lost).toBeGreaterThanOrEqual(0);
    expect(lost).toBeLessThan(1.5);
    // The new part really records: pictures come from the camera's next keyframe on (it sends one a second). Until
    // then its file holds nothing, and the worker's death in the next test would leave no part to measure.
    await newestCameraPartWithPictures();
  });

  it('kill -9 of the mediasoup worker: the parts end playable; the camera publishes again into new parts', async () => {
    const cameraBefore = await newestCameraPartWithPictures();
    const programBefore = (await partsOf('program')).at(-1)!;
    const worker = server.app.media.workerPids[0]!;
    process.kill(worker, 'SIGKILL');
    const killedAt = Date.now();
    const program = async () => (await partsOf('program')).find((p) => p.id === programBefore.id)!;
    const cameraPart = async () => (await partsOf('camera')).find((p) => p.id === cameraBefore.id)!;
    await expect.poll(async () => (await program()).status, { timeout: 30_000, interval: 250 }).toBe('complete');
    await expect.poll(async () => (await cameraPart()).status, { timeout: 30_000, interval: 250 }).toBe('complete');
    for (const part of [programBefore, cameraBefore]) {
      const { lost } = await secondsLost(part.id, killedAt);
      expect(lost).toBeLessThan(1.5);
      expect(await decodingErrors(await fileOf(part.id))).toBe('');
    }

    // The camera notices its connection is gone and publishes again (a studio page or OBS retries).
    await publisher!.drop();
    publisher = await publishLavfi(camera.whipUrl, camera.token);
    await expect.poll(async () => (await partsOf('program')).at(-1)!.status, { timeout: 30_000, interval: 250 }).toBe('recording');
    await expect.poll(async () => (await partsOf('camera')).at(-1)!.status, { timeout: 30_000, interval: 250 }).toBe('recording');
    expect((await partsOf('program')).length).toBe(3);
  });

  it('ends the show: every part complete and playable, joined into one timeline per source; disk usage reported', async () => {
    await expect.poll(hlsSegments, { timeout: 30_000, interval: 250 }).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await staff.post(`/api/interviews/${interviewId}/end`)).status).toBe(200);
    await expect
      .poll(async () => (await recordings()).flatMap((r) => r.parts.map((p) => p.status)), { timeout: 30_000, interval: 250 })
      .not.toContain('recording');
    const all = await recordings();
    expect(all.map((r) => r.sourceId)).toEqual(['program', `camera-${camera.id}`]);
    for (const recording of all) {
      expect(recording.parts.every((p) => p.status === 'complete')).toBe(true);
      const sum = recording.parts.reduce((total, p) => total + p.durationSeconds!, 0);
      expect(recording.durationSeconds).toBeCloseTo(sum, 3);
    }
    const { body } = await staff.get(`/api/interviews/${interviewId}/recordings`);
    expect(body.disk.recordingsBytes).toBeGreaterThan(0);
    expect(body.disk.hlsBytes).toBeGreaterThan(0);
    expect(body.disk.totalBytes).toBeGreaterThanOrEqual(body.disk.recordingsBytes + body.disk.hlsBytes);
    expect(body.disk.freeBytes).toBeGreaterThan(0);
  });
});
