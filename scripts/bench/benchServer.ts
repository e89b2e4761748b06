import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../server/app.js';
import { configSchema } from '../../server/config/Config.js';
import { ApiSession } from '../../test/helpers/ApiSession.js';

const ADMIN = { username: 'admin', password: 'bench-admin-password' };

/** The whole server (embedded PostgreSQL, mediasoup, FFmpeg) on loopback in a temp directory, logged in as admin. */
export interface BenchServer {
  app: App;
  dataDir: string;
  /** A staff API call with the admin's session; throws with the answer's text on any status but 2xx. */
  api<T>(method: string, pathname: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** `overrides` are configuration settings (configSchema's names), e.g. { hlsSegmentSeconds: 1 }. */
export async function startBenchServer(overrides: Record<string, unknown> = {}): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oi-bench-'));
  const config = configSchema.parse({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    embeddedPgPort: 20000 + Math.floor(Math.random() * 9000),
    adminPassword: ADMIN.password,
    logLevel: process.env['OI_LOG_LEVEL'] ?? 'silent',
    mediasoupWorkers: 1,
    webrtcListenIp: '127.0.0.1',
    webrtcAnnouncedIp: '127.0.0.1',
    ...overrides,
  });
  const app = await createApp(config);
  let session: ApiSession;
  try {
    // The tests' client: it follows the server's session and CSRF rules as they change.
    session = await ApiSession.login(app.url, ADMIN.username, ADMIN.password);
  } catch (error) {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    app,
    dataDir,
    async api<T>(method: string, pathname: string, body?: unknown): Promise<T> {
      const response = await session.request(method, pathname, body === undefined ? {} : { json: body });
      if (response.status < 200 || response.status > 299) {
        throw new Error(`${method} ${pathname}: ${response.status} ${JSON.stringify(response.body)}`);
      }
      return response.body as T;
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

