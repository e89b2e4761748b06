import { HttpError } from './httpErrors.js';

/** Seconds a client is asked to wait: about how long the pool takes to notice the database is back. */
const RETRY_AFTER_SECONDS = 5;

/** 503 while PostgreSQL cannot be reached: nothing was done, the same request can be sent again. */
export class DatabaseUnavailableError extends HttpError {
  override readonly headers: Readonly<Record<string, string>> = { 'Retry-After': String(RETRY_AFTER_SECONDS) };

  constructor() {
    super(
      503,
      'database_unavailable',
      `The server cannot reach its database right now, so nothing was saved or changed; try again in ${RETRY_AFTER_SECONDS} seconds. If this lasts, tell the administrator (docs/operations.md: database lost).`,
    );
    this.name = 'DatabaseUnavailableError';
  }
}
