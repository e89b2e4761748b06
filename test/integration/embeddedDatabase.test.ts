import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedDatabase } from '../../server/db/EmbeddedDatabase.js';
import { EmbeddedDatabaseError } from '../../server/db/EmbeddedDatabaseError.js';
import { freePort } from '../helpers/freePort.js';
import { startTestApp, TEST_ADMIN } from '../helpers/startTestApp.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';

const logger = pino({ level: process.env['OI_TEST_LOG_LEVEL'] ?? 'silent' });
const asRoot = process.getuid?.() === 0;
const dirs: string[] = [];
let dataDir: string;
let port: number;

beforeAll(async () => {
  dataDir = makeTempDir('embedded');
  dirs.push(dataDir);
  port = await freePort();
});
afterAll(() => dirs.forEach(removeTempDir));

async function query<T>(database: EmbeddedDatabase, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url() });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function startError(options: { dataDir: string; port: number }): Promise<EmbeddedDatabaseError> {
  try {
    const database = await EmbeddedDatabase.start({ ...options, logger });
    await database.close();
  } catch (error) {
    if (error instanceof EmbeddedDatabaseError) return error;
    throw error;
  }
  throw new Error('EmbeddedDatabase started where it should not');
}

describe('EmbeddedDatabase', () => {
  it('creates the cluster once, then reuses it with its data', async () => {
    const first = await EmbeddedDatabase.start({ dataDir, port, logger });
    expect(first.timings.initialiseMs).toBeGreaterThan(0);
    await query(first, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$访谈$$)');
    await first.close();
    await first.close();

    const second = await EmbeddedDatabase.start({ dataDir, port, logger });
    try {
      expect(second.timings.initialiseMs).toBeNull();
      expect(await query(second, 'SELECT note FROM kept')).toEqual([{ note: '访谈' }]);
      expect(fs.statSync(path.join(dataDir, 'pg-password')).mode & 0o777).toBe(0o600);
    } finally {
      await second.close();
    }
  });

  it('refuses to start a second time on a cluster that is running', async () => {
    const running = await EmbeddedDatabase.start({ dataDir, port, logger });
    try {
      const error = await startError({ dataDir, port });
      expect(error.code).toBe('embedded_pg_in_use');
      expect(error.message).toContain('another server uses this data directory');
    } finally {
      await running.close();
    }
  });

  it('removes a stale postmaster.pid whose number now belongs to another process', async () => {
    // The worst case for PostgreSQL's own check: the pid is alive and of the same user, as after a reboot.
    const ids = asRoot ? { uid: Number(execFileSync('id', ['-u', 'postgres'])), gid: Number(execFileSync('id', ['-g', 'postgres'])) } : {};
    const impostor = spawn('sleep', ['60'], { ...ids, stdio: 'ignore' });
    try {
      fs.writeFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), `${impostor.pid}\n${path.join(dataDir, 'pg')}\n`);
      const database = await EmbeddedDatabase.start({ dataDir, port, logger });
      expect(await query(database, 'SELECT note FROM kept')).toHaveLength(1);
      await database.close();
    } finally {
      impostor.kill();
    }
  });

  it('stops a PostgreSQL orphaned by a crashed server, then starts', async () => {
    const holder = await holdDatabaseInChild(dataDir, port);
    const postmasterPid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(isRunning(postmasterPid)).toBe(true);

    const database = await EmbeddedDatabase.start({ dataDir, port, logger });
    try {
      expect(isRunning(postmasterPid)).toBe(false);
      expect(await query(database, 'SELECT note FROM kept')).toHaveLength(1);
    } finally {
      await database.close();
    }
  });

  it.runIf(asRoot)('says which directory PostgreSQL (user postgres) cannot enter', async () => {
    const closed = makeTempDir('closed');
    dirs.push(closed);
    fs.chmodSync(closed, 0o700);
    const error = await startError({ dataDir: path.join(closed, 'data'), port });
    expect(error.code).toBe('embedded_pg_unreachable');
    expect(error.message).toContain(`chmod o+x ${closed}`);
  });

  it('runs a whole app on the embedded database when DATABASE_URL is unset', async () => {
    const server = await startTestApp({ dataDir, databaseUrl: undefined, embeddedPgPort: port });
    try {
      expect(server.app.database.embedded).not.toBeNull();
      const session = await server.login(TEST_ADMIN.username, TEST_ADMIN.password);
      expect((await session.post('/api/interviews', { title: '嵌入式数据库' })).status).toBe(201);
    } finally {
      await server.close();
    }
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });
});

/** A separate Node process that starts the cluster and waits to be killed, like a server that then crashes. */
async function holdDatabaseInChild(dir: string, pgPort: number): Promise<ChildProcess> {
  const moduleUrl = new URL('../../server/db/EmbeddedDatabase.ts', import.meta.url).href;
  const script = `
    const { EmbeddedDatabase } = await import(${JSON.stringify(moduleUrl)});
    const { pino } = await import('pino');
    await EmbeddedDatabase.start({ dataDir: ${JSON.stringify(dir)}, port: ${pgPort}, logger: pino({ level: 'silent' }) });
    process.stdout.write('ready\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the holder exited early with ${code}`)));
  });
  return child;
}

function isRunning(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}
