import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../config/Config.js';
import { createDataSource } from './createDataSource.js';
import { EmbeddedDatabase } from './EmbeddedDatabase.js';
import { runMigrations } from './runMigrations.js';

/** The database of the embedded cluster. */
const EMBEDDED_DATABASE_NAME = 'online_interview';

/** The open, migrated database: an external PostgreSQL when DATABASE_URL is set, else the embedded one. */
export class Database {
  readonly dataSource: DataSource;
  /** The connection URL, for connections outside the pool (LISTEN). */
  readonly url: string;
  /** Null when DATABASE_URL points at an external server. */
  readonly embedded: EmbeddedDatabase | null;
  #logger: Logger;
  #closing: Promise<void> | null = null;

  private constructor(dataSource: DataSource, url: string, embedded: EmbeddedDatabase | null, logger: Logger) {
    this.dataSource = dataSource;
    this.url = url;
    this.embedded = embedded;
    this.#logger = logger;
  }

  static async open(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedPgPort'>, logger: Logger): Promise<Database> {
    const log = logger.child({ component: 'db' });
    let embedded: EmbeddedDatabase | null = null;
    let url = config.databaseUrl;
    if (url === undefined) {
      embedded = await EmbeddedDatabase.start({ dataDir: config.dataDir, port: config.embeddedPgPort, logger });
      await embedded.ensureDatabase(EMBEDDED_DATABASE_NAME);
      url = embedded.url(EMBEDDED_DATABASE_NAME);
    }
    const dataSource = createDataSource(url);
    try {
      await dataSource.initialize();
      await runMigrations(dataSource, log);
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.close();
      throw error;
    }
    log.info({ external: embedded === null }, 'database ready');
    return new Database(dataSource, url, embedded, log);
  }

  /** Closes the pool, then stops the embedded cluster if we run one. Safe to call more than once. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.dataSource.destroy();
      await this.embedded?.close();
      this.#logger.info('database closed');
    })();
    return this.#closing;
  }
}
