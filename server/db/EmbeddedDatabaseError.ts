export type EmbeddedDatabaseErrorCode =
  /** PostgreSQL (running as user postgres) cannot reach the data directory. */
  | 'embedded_pg_unreachable'
  /** Another running server already uses this cluster. */
  | 'embedded_pg_in_use'
  /** The cluster exists but its password file is gone. */
  | 'embedded_pg_password_missing'
  /** initdb or postgres failed; the message carries PostgreSQL's own last words. */
  | 'embedded_pg_failed';

/** The embedded PostgreSQL could not be started; the message says what to do. */
export class EmbeddedDatabaseError extends Error {
  readonly code: EmbeddedDatabaseErrorCode;

  constructor(code: EmbeddedDatabaseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmbeddedDatabaseError';
    this.code = code;
  }
}
