import { pino } from 'pino';
import type { TestProject } from 'vitest/node';
import { EmbeddedDatabase } from '../../server/db/EmbeddedDatabase.js';
import { freePort } from './freePort.js';
import { makeTempDir, removeTempDir } from './tempDir.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's PostgreSQL (its `postgres` database); see createTestDatabase. */
    postgresUrl: string;
  }
}

/** Starts one embedded PostgreSQL for the whole test run, in a temp dir on a free port. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = makeTempDir('test-pg');
  const database = await EmbeddedDatabase.start({
    dataDir,
    port: await freePort(),
    logger: pino({ level: process.env['OI_TEST_LOG_LEVEL'] ?? 'warn' }),
  });
  project.provide('postgresUrl', database.url());
  return async () => {
    await database.close();
    removeTempDir(dataDir);
  };
}
