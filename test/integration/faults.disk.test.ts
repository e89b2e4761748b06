import { readFileSync, rmSync, statfsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { diskFaults, FaultyDisk } from '../helpers/faultyDisk.js';
import { createInterview } from '../helpers/qaFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';

/**
 * The data directory full or read-only: a write is refused with a JSON error whose code says which (storage_full 507,
 * storage_read_only 503) and what to do, never a 500; the console's media status warns when free space is under
 * diskFreeWarningGb; what was saved before is untouched, and writes work again once the operator has fixed the disk.
 * The data directory is a real 64 MB tmpfs when the tests run as root (see FaultyDisk), else a chmod-ed directory;
 * as root without the right to mount (an unprivileged container) neither fault can be made, and both are skipped.
 */
const faults = diskFaults();
const SIZE_MB = 64;
let root: string;
let disk: FaultyDisk;
let server: TestApp;
let admin: ApiSession;
let interviewId: string;

beforeAll(async () => {
  root = makeTempDir('disk');
  disk = FaultyDisk.prepare(root, SIZE_MB);
  // The console warns under 32 MB free: an empty 64 MB tmpfs is above, a full one below.
  server = await startTestApp({ dataDir: root, diskFreeWarningGb: 0.032, rtcMinPort: 46200, rtcMaxPort: 46250 });
  admin = await server.login();
  interviewId = await createInterview(admin, '磁盘故障');
});
afterAll(async () => {
  await server?.close();
  disk?.release();
  removeTempDir(root);
});

const picture = (colour: string) => sharp({ create: { width: 64, height: 48, channels: 3, background: colour } }).png().toBuffer();

async function upload(data: Buffer): Promise<{ status: number; body: any; path?: string }> {
  const response = await fetch(`${server.url}/api/interviews/${interviewId}/images`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/png', Cookie: admin.cookie! },
    body: new Uint8Array(data),
  });
  const body = await response.json();
  return { status: response.status, body, ...(response.status === 201 && { path: path.join(root, new URL(body.url).pathname.replace(/^\/media\//, '')) }) };
}

const diskStatus = async () => (await admin.get(`/api/interviews/${interviewId}/media-status`)).body.disk as { freeBytes: number; warning: boolean };

describe('a read-only data directory', () => {
  it.runIf(faults !== 'none')('refuses a write with storage_read_only, keeps what was saved, and works again once writable', async () => {
    const saved = await upload(await picture('#336699'));
    expect(saved.status).toBe(201);
    const savedBytes = readFileSync(saved.path!);

    disk.setReadOnly(true);
    try {
      const refused = await upload(await picture('#993366'));
      expect(refused.status, JSON.stringify(refused.body)).toBe(503);
      expect(refused.body.error.code).toBe('storage_read_only');
      expect(refused.body.error.message).toMatch(/administrator/);
      expect(JSON.stringify(refused.body)).not.toMatch(/at .*\.ts|EROFS|EACCES/);
    } finally {
      disk.setReadOnly(false);
    }
    expect(readFileSync(saved.path!).equals(savedBytes)).toBe(true);
    const again = await upload(await picture('#669933'));
    expect(again.status).toBe(201);
  });
});

describe('a full disk', () => {
  it.runIf(faults === 'tmpfs')('refuses a write with storage_full, warns the console, keeps what was saved, recovers when space is freed', async () => {
    expect(disk.mounted, 'the tmpfs could not be mounted').toBe(true);
    const saved = await upload(await picture('#123456'));
    expect(saved.status).toBe(201);
    const savedBytes = readFileSync(saved.path!);
    expect((await diskStatus()).warning).toBe(false);

    const filler = disk.fill();
    try {
      expect(statfsSync(root).bavail).toBe(0);
      const status = await diskStatus();
      expect(status).toMatchObject({ freeBytes: 0, warning: true });
      const refused = await upload(await picture('#654321'));
      expect(refused.status, JSON.stringify(refused.body)).toBe(507);
      expect(refused.body.error.code).toBe('storage_full');
      expect(refused.body.error.message).toMatch(/free space/);
    } finally {
      rmSync(filler);
    }
    expect(readFileSync(saved.path!).equals(savedBytes)).toBe(true);
    expect((await diskStatus()).warning).toBe(false);
    expect((await upload(await picture('#abcdef'))).status).toBe(201);
  });
});
