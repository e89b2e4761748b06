import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { pidsWithCommandLine } from '../helpers/frameCounter.js';
import { publishLavfi, type LavfiPublisher } from '../helpers/lavfiPublisher.js';
import { metricValue, scrapeMetrics, type Sample } from '../helpers/prometheusText.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * The media metrics with a real camera: werift publishes FFmpeg's test picture over WHIP, mediasoup and the program
 * FFmpeg make the HLS, and /metrics is scraped as Prometheus would: publishers, bitrate, loss, keyframe requests and
 * segment age while it publishes, FFmpeg crashes counted by pipeline when the program's and the ISO recorder's FFmpeg are
 * killed, nothing of the camera
 * left once it stops, and a clip export waiting in the queue.
 */
let server: TestApp;
let staff: ApiSession;
let interviewId: string;
let camera: { id: string; whipUrl: string; token: string };
let publisher: LavfiPublisher | undefined;

beforeAll(async () => {
  server = await startTestApp({ rtcMinPort: 46100, rtcMaxPort: 46200 });
  staff = await server.login();
  interviewId = (await staff.post('/api/interviews', { title: '监控指标' })).body.id;
  camera = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '主机位' })).body;
});
afterAll(async () => {
  await publisher?.drop();
  await server?.close();
});

const scrape = () => scrapeMetrics(server.url);
const cameraLabels = () => ({ interview_id: interviewId, camera_id: camera.id });
const value = async (name: string, labels: Record<string, string> = {}) => metricValue(await scrape(), name, labels);

describe('media metrics', { timeout: 180_000 }, () => {
  it('are zero before any camera publishes', async () => {
    const samples = await scrape();
    expect(metricValue(samples, 'oi_publishers')).toBe(0);
    expect(metricValue(samples, 'oi_live_interviews')).toBe(0);
    expect(metricValue(samples, 'oi_camera_ingest_bitrate_bits_per_second')).toBeUndefined();
    expect(metricValue(samples, 'oi_ffmpeg_crashes_total', { pipeline: 'program' })).toBe(0);
    expect(metricValue(samples, 'oi_ffmpeg_crashes_total', { pipeline: 'camera' })).toBe(0);
  });

  it('show a publishing camera: one publisher, its bitrate, loss and keyframe requests, a fresh segment', async () => {
    publisher = await publishLavfi(camera.whipUrl, camera.token);
    await expect.poll(() => value('oi_publishers'), { timeout: 60_000, interval: 500 }).toBe(1);
    await expect.poll(() => value('oi_camera_ingest_bitrate_bits_per_second', cameraLabels()), { timeout: 60_000, interval: 500 }).toBeGreaterThan(20_000);
    await expect.poll(() => value('oi_hls_segment_age_seconds', { interview_id: interviewId }), { timeout: 60_000, interval: 500 }).toBeLessThan(10);
    // The program asks the camera for keyframes on a cadence (cameras send them only on request).
    await expect.poll(() => value('oi_camera_keyframe_requests', cameraLabels()), { timeout: 60_000, interval: 500 }).toBeGreaterThan(0);
    const samples = await scrape();
    expect(metricValue(samples, 'oi_live_interviews')).toBe(1);
    const loss = metricValue(samples, 'oi_camera_packet_loss_ratio', cameraLabels())!;
    expect(loss).toBeGreaterThanOrEqual(0);
    expect(loss).toBeLessThan(0.05);
    // The same figures as the director's status bar.
    const status = (await staff.get(`/api/interviews/${interviewId}/media-status`)).body;
    expect(status.cameras[0]).toMatchObject({ cameraId: camera.id, connected: true, keyframeRequests: expect.any(Number) });
    expect(status.cameras[0].bitrateKbps).toBeGreaterThan(20);
  });

  it('count a crash of the program FFmpeg, which is restarted', async () => {
    const pids = pidsWithCommandLine('ffmpeg', `${interviewId}/hls`);
    expect(pids).toHaveLength(1);
    process.kill(pids[0]!, 'SIGKILL');
    // At least the one killed: under load a restarted FFmpeg that gets no packets in time exits on its own too.
    await expect.poll(() => value('oi_ffmpeg_crashes_total', { pipeline: 'program' }), { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(1);
    // Restarted: a new FFmpeg writes the HLS again and the segments stay fresh.
    await expect.poll(() => pidsWithCommandLine('ffmpeg', `${interviewId}/hls`).length, { timeout: 60_000, interval: 500 }).toBe(1);
    await expect.poll(() => value('oi_hls_segment_age_seconds', { interview_id: interviewId }), { timeout: 60_000, interval: 500 }).toBeLessThan(5);
  });

  it("count a crash of the camera's ISO recording FFmpeg apart", async () => {
    const before = (await value('oi_ffmpeg_crashes_total', { pipeline: 'camera' }))!;
    const pids = pidsWithCommandLine('ffmpeg', `camera-${camera.id}-`);
    expect(pids).toHaveLength(1);
    process.kill(pids[0]!, 'SIGKILL');
    await expect.poll(() => value('oi_ffmpeg_crashes_total', { pipeline: 'camera' }), { timeout: 60_000, interval: 500 }).toBeGreaterThan(before);
  });

  it('drop the camera and the show once it stops', async () => {
    await publisher!.stop();
    publisher = undefined;
    await expect.poll(() => value('oi_publishers'), { timeout: 60_000, interval: 500 }).toBe(0);
    await expect.poll(() => value('oi_live_interviews'), { timeout: 60_000, interval: 500 }).toBe(0);
    const samples = await scrape();
    const ofCamera = (sample: Sample) => sample.labels['camera_id'] === camera.id || sample.labels['interview_id'] === interviewId;
    expect(samples.filter(ofCamera)).toEqual([]);
  });

  it('count a clip export waiting in the queue', async () => {
    await expect
      .poll(async () => (await staff.get(`/api/interviews/${interviewId}/recordings`)).body.recordings?.find((r: { kind: string }) => r.kind === 'program')?.durationSeconds ?? 0, {
        timeout: 30_000,
        interval: 500,
      })
      .toBeGreaterThan(1);
    // The runner stops taking jobs, so the export stays queued whatever the machine's speed.
    await server.app.editing.exports.close();
    const clip = await staff.post(`/api/interviews/${interviewId}/clips`, { title: '片段', sourceId: 'program', inSeconds: 0, outSeconds: 1 });
    expect(clip.status).toBe(201);
    const queued = await staff.post(`/api/interviews/${interviewId}/clips/${clip.body.id}/exports`, { mode: 'fast' });
    expect(queued.status).toBe(201);
    const samples = await scrape();
    expect(metricValue(samples, 'oi_clip_export_jobs', { status: 'queued' })).toBe(1);
    expect(metricValue(samples, 'oi_clip_export_jobs', { status: 'running' })).toBe(0);
  });
});
