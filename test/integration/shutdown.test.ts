import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from '../helpers/ApiSession.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { createTestDatabase } from '../helpers/createTestDatabase.js';
import { decodeErrors } from '../helpers/ffprobe.js';
import { freePort } from '../helpers/freePort.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';
import { publishFromPage, waitForConnected } from '../helpers/whipPublisher.js';

/**
 * The real server process (server/main.ts) stopped with SIGTERM in the middle of a show, as a
 * service manager or `docker stop` does: it must finish the playlist and the recording, record the
 * interview as ended, close viewers' sockets, and exit 0.
 */
const PASSWORD = 'shutdown-test-password';
let dataDir: string;
let child: ChildProcess;
let url: string;
let browser: TestBrowser;
let output = '';

beforeAll(async () => {
  dataDir = makeTempDir('shutdown');
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      OI_PORT: String(port),
      OI_HOST: '127.0.0.1',
      OI_DATA_DIR: dataDir,
      DATABASE_URL: await createTestDatabase(),
      OI_ADMIN_PASSWORD: PASSWORD,
      OI_MEDIASOUP_WORKERS: '1',
      OI_WEBRTC_LISTEN_IP: '127.0.0.1',
      OI_WEBRTC_ANNOUNCED_IP: '127.0.0.1',
      OI_RTC_MIN_PORT: '45000',
      OI_RTC_MAX_PORT: '45100',
      OI_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  for (let i = 0; i < 200 && !output.includes('online-interview is listening'); i++) await new Promise((r) => setTimeout(r, 100));
  expect(output).toContain('online-interview is listening');
  browser = await launchChromium();
});

afterAll(async () => {
  child?.kill('SIGKILL');
  await browser?.close();
  removeTempDir(dataDir);
});

describe('SIGTERM during a show', () => {
  it('finishes HLS and recording, records the end, closes sockets with 1001, exits 0', async () => {
    const staff = await ApiSession.login(url, 'admin', PASSWORD);
    const interviewId = (await staff.post('/api/interviews', { title: '关停测试' })).body.id as string;
    const camera = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '主机位' })).body;

    const page = await browser.context.newPage();
    await page.goto(`${url}/healthz`);
    expect((await publishFromPage(page, camera.whipUrl, camera.token)).status).toBe(201);
    await waitForConnected(page);
    await expect
      .poll(async () => (await staff.get(`/api/interviews/${interviewId}`)).body.status, { timeout: 20_000, interval: 250 })
      .toBe('live');
    await new Promise((r) => setTimeout(r, 2500));

    const viewerClosed = page.evaluate(
      (wsUrl) =>
        new Promise<number>((resolve) => {
          const socket = new WebSocket(wsUrl);
          socket.onclose = (event) => resolve(event.code);
        }),
      `${url.replace('http', 'ws')}/api/public/interviews/${interviewId}/events`,
    );
    await new Promise((r) => setTimeout(r, 300));

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await viewerClosed).toBe(1001);

    const interviewDir = path.join(dataDir, 'interviews', interviewId);
    expect(readFileSync(path.join(interviewDir, 'hls', 'index.m3u8'), 'utf8').trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
    // The program recording and the camera's ISO recording, each finished and whole.
    const recordings = readdirSync(path.join(interviewDir, 'recordings')).sort();
    expect(recordings.map((name) => name.split('-')[0])).toEqual(['camera', 'program']);
    for (const name of recordings) {
      expect(await decodeErrors(path.join(interviewDir, 'recordings', name))).toBe('');
    }
    expect(output).toMatch(/interview is ended/);
    await page.close();
  });
});
