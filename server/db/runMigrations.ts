import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

/** Any constant: it names "the migration lock" among the advisory locks of this database. */
const MIGRATION_LOCK_KEY = 7_304_917_001;

/**
 * Brings the schema up to date. An advisory lock makes servers that start together against one database take turns
 * instead of racing to create the same tables.
 */
export async function runMigrations(dataSource: DataSource, logger: Logger): Promise<void> {
  const began = performance.now();
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
      const ms = Math.round(performance.now() - began);
      logger.info({ applied, ms }, applied.length > 0 ? 'database migrated' : 'database schema up to date');
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}
