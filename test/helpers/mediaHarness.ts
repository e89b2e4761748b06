import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import pino from 'pino';
import { MediaServer } from '../../media/index.js';
import { createWhipRouter } from '../../server/http/whipRouter.js';
import { PublisherLimit } from '../../server/http/PublisherLimit.js';

/** The bearer token every camera of a harness accepts. */
export const HARNESS_TOKEN = 'test-camera-token';

export interface MediaHarness {
  media: MediaServer;
  base: string;
  dataDir: string;
  whipUrl(cameraId: string): string;
  hlsDir(interviewId: string): string;
  /** The playlist's text, or '' before FFmpeg wrote one. */
  playlist(interviewId: string): string;
  waitForSegments(interviewId: string, count: number, timeoutMs?: number): Promise<string[]>;
  nextEvent<T>(name: 'programLive' | 'programEnded', interviewId: string, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * The media node with the real WHIP router on loopback, without the database: cameras and their
 * interviews come from a fixed table (the database-backed token check has its own tests).
 * It also serves an empty page at / so a browser has a secure (localhost) origin to publish from.
 */
export async function startMediaHarness(
  cameras: Record<string, string>,
  ports: { min: number; max: number },
  extra: { logoFile?: string } = {},
): Promise<MediaHarness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oi-media-'));
  const logger = pino({ level: process.env['OI_TEST_LOG_LEVEL'] ?? 'silent' });
  const media = await MediaServer.create({
    dataDir,
    workers: 1,
    listenIp: '127.0.0.1',
    announcedIp: '127.0.0.1',
    rtcMinPort: ports.min,
    rtcMaxPort: ports.max,
    hlsSegmentSeconds: 2,
    recordingFormat: 'mkv',
    ...extra,
    logger,
  });
  const app = express();
  app.get('/', (_req, res) => res.type('html').send('<!doctype html><title>publisher</title>'));
  app.use(
    '/whip',
    createWhipRouter({
      media,
      authenticateCamera: async (cameraId, token) =>
        token === HARNESS_TOKEN && cameras[cameraId] ? { cameraId, interviewId: cameras[cameraId]! } : null,
      iceServers: [{ urls: 'stun:stun.example.net' }],
      publisherLimit: new PublisherLimit(media, 100),
      logger,
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const hlsDir = (interviewId: string) => path.join(dataDir, 'interviews', interviewId, 'hls');
  const playlist = (interviewId: string) => {
    try {
      return readFileSync(path.join(hlsDir(interviewId), 'index.m3u8'), 'utf8');
    } catch {
      return '';
    }
  };
  return {
    media,
    base,
    dataDir,
    whipUrl: (cameraId) => `${base}/whip/${cameraId}`,
    hlsDir,
    playlist,
    async waitForSegments(interviewId, count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const segments = playlist(interviewId).split('\n').filter((line) => line.endsWith('.ts'));
        if (segments.length >= count) return segments;
        if (Date.now() > deadline) throw new Error(`only ${segments.length} of ${count} segments after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    nextEvent<T>(name: 'programLive' | 'programEnded', interviewId: string, timeoutMs = 15_000) {
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${name} within ${timeoutMs} ms`)), timeoutMs);
        const listener = (event: { interviewId: string }) => {
          if (event.interviewId !== interviewId) return;
          clearTimeout(timer);
          media.off(name, listener);
          resolve(event as T);
        };
        media.on(name, listener);
      });
    },
    async close() {
      await media.close();
      server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
