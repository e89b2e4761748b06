import type { Logger } from 'pino';
import { createApp, type App } from '../../server/app.js';
import { configSchema, type ConfigInput } from '../../server/config/Config.js';
import { ApiSession } from './ApiSession.js';
import { createTestDatabase } from './createTestDatabase.js';
import { makeTempDir, removeTempDir } from './tempDir.js';

/** The first user every test app starts with. */
export const TEST_ADMIN = { username: 'admin', password: 'admin-password-for-tests' } as const;

export interface TestApp {
  /** Where the app listens (http://127.0.0.1:<port>). */
  url: string;
  app: App;
  /** The app's data directory: a fresh temp dir removed by close(), unless the options named one. */
  dataDir: string;
  /** A logged-in API client (the test admin by default). */
  login(username?: string, password?: string): Promise<ApiSession>;
  /** An API client without a session. */
  anonymous(): ApiSession;
  close(): Promise<void>;
}

export interface TestAppOptions extends Partial<ConfigInput> {
  /** Built pages and bundles to serve; the package's dist/web by default. */
  webDir?: string;
  /** The app's logger (e.g. one writing into the test's stream); by default one made from logLevel. */
  logger?: Logger;
}

/**
 * The whole server (real PostgreSQL, real media node) on a free port, with its own database and data directory.
 * Settings not given are test-friendly: loopback only, one mediasoup worker, quiet logs (OI_TEST_LOG_LEVEL to see).
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { webDir, logger, ...overrides } = options;
  const tempDir = overrides.dataDir === undefined ? makeTempDir('app') : null;
  const config = configSchema.parse({
    port: 0,
    host: '127.0.0.1',
    dataDir: tempDir,
    ...('databaseUrl' in overrides ? {} : { databaseUrl: await createTestDatabase() }),
    adminPassword: TEST_ADMIN.password,
    logLevel: process.env['OI_TEST_LOG_LEVEL'] ?? 'silent',
    mediasoupWorkers: 1,
    webrtcListenIp: '127.0.0.1',
    webrtcAnnouncedIp: '127.0.0.1',
    ...overrides,
  });
  let app: App;
  try {
    app = await createApp(config, { ...(webDir !== undefined && { webDir }), ...(logger !== undefined && { logger }) });
  } catch (error) {
    if (tempDir !== null) removeTempDir(tempDir);
    throw error;
  }
  return {
    url: app.url,
    app,
    dataDir: config.dataDir,
    login: (username = TEST_ADMIN.username, password = TEST_ADMIN.password) => ApiSession.login(app.url, username, password),
    anonymous: () => new ApiSession(app.url),
    close: async () => {
      await app.close();
      if (tempDir !== null) removeTempDir(tempDir);
    },
  };
}
