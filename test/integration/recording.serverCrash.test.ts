import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from '../helpers/ApiSession.js';
import { createTestDatabase } from '../helpers/createTestDatabase.js';
import { freePort } from '../helpers/freePort.js';
import { publishLavfi, type LavfiPublisher } from '../helpers/lavfiPublisher.js';
import { startTestApp, TEST_ADMIN, type TestApp } from '../helpers/startTestApp.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';

/**
 * kill -9 of the whole server (server/main.ts as a process) in the middle of a show: at the next start, the parts it
 * was writing are finalised and marked recovered, and when the camera publishes again the show continues in new parts
 * of the same recordings.
 */
let dataDir: string;
let databaseUrl: string;
let child: ChildProcess | undefined;
let restarted: TestApp | undefined;
let publisher: LavfiPublisher | undefined;

beforeAll(async () => {
  dataDir = makeTempDir('server-crash');
  databaseUrl = await createTestDatabase();
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await publisher?.drop();
  await restarted?.close();
  removeTempDir(dataDir);
});

interface Part {
  status: string;
  recovered: boolean;
  durationSeconds: number | null;
}
const statuses = async (staff: ApiSession, interviewId: string) =>
  ((await staff.get(`/api/interviews/${interviewId}/recordings`)).body.recordings as { kind: string; parts: Part[] }[]).map((r) => [
    r.kind,
    r.parts.map((p) => [p.status, p.recovered]),
  ]);

/** Segments in the program's playlist so far. */
function hlsSegments(interviewId: string): number {
  try {
    return readFileSync(path.join(dataDir, 'interviews', interviewId, 'hls', 'index.m3u8'), 'utf8')
      .split('\n')
      .filter((line) => line.endsWith('.ts')).length;
  } catch {
    return 0;
  }
}

describe('kill -9 of the server during a show', () => {
  it('recovers the parts being written and continues the recordings in new parts after the restart', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let output = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        OI_PORT: String(port),
        OI_HOST: '127.0.0.1',
        OI_DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        OI_ADMIN_PASSWORD: TEST_ADMIN.password,
        OI_MEDIASOUP_WORKERS: '1',
        OI_WEBRTC_LISTEN_IP: '127.0.0.1',
        OI_WEBRTC_ANNOUNCED_IP: '127.0.0.1',
        OI_RTC_MIN_PORT: '45100',
        OI_RTC_MAX_PORT: '45200',
        OI_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += String(chunk)));
    child.stderr!.on('data', (chunk) => (output += String(chunk)));
    await expect.poll(() => fetch(`${url}/healthz`).then((r) => r.status, () => 0), { timeout: 60_000, interval: 250 }).toBe(200);

    const staff = await ApiSession.login(url, TEST_ADMIN.username, TEST_ADMIN.password);
    const interviewId = (await staff.post('/api/interviews', { title: '服务器崩溃' })).body.id as string;
    const camera = (await staff.post(`/api/interviews/${interviewId}/cameras`, { name: '主机位' })).body;
    publisher = await publishLavfi(camera.whipUrl, camera.token);
    await expect
      .poll(() => statuses(staff, interviewId), { timeout: 30_000, interval: 250 })
      .toEqual([['program', [['recording', false]]], ['camera', [['recording', false]]]]);
    // The program's part holds pictures once its HLS has segments (one FFmpeg writes both). Under load its FFmpeg may
    // fail to start once; an empty part is forgotten at recovery and would leave nothing to recover.
    await expect.poll(() => hlsSegments(interviewId), { timeout: 60_000, interval: 250 }).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    await publisher.drop();
    publisher = undefined;

    restarted = await startTestApp({ dataDir, databaseUrl, rtcMinPort: 45100, rtcMaxPort: 45200 });
    await restarted.app.editing.recordingService.recovered();
    const again = await restarted.login();
    const recovered = await statuses(again, interviewId);
    expect(recovered).toEqual([['program', [['complete', true]]], ['camera', [['complete', true]]]]);

    // The camera publishes again (after the restart its token still works): new parts of the same recordings.
    const camera2 = (await again.get(`/api/interviews/${interviewId}/cameras`)).body[0];
    expect(camera2.id).toBe(camera.id);
    publisher = await publishLavfi(`${restarted.url}/whip/${camera.id}`, camera.token);
    await expect
      .poll(() => statuses(again, interviewId), { timeout: 30_000, interval: 250 })
      .toEqual([
        ['program', [['complete', true], ['recording', false]]],
        ['camera', [['complete', true], ['recording', false]]],
      ]);
    // The camera's ISO part holds the ~5 s it was written for (the program's part may be shorter: its FFmpeg can
    // restart during a show).
    const [program, iso] = (await again.get(`/api/interviews/${interviewId}/recordings`)).body.recordings as { parts: Part[] }[];
    expect(program!.parts[0]!.durationSeconds).toBeGreaterThan(0);
    expect(iso!.parts[0]!.durationSeconds, output.slice(-2000)).toBeGreaterThan(3);
  }, 180_000);
});
