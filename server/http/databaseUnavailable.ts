import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { isDatabaseUnreachable } from '../db/isDatabaseUnreachable.js';
import { DatabaseUnavailableError } from './DatabaseUnavailableError.js';

/**
 * Placed before errorHandler: an error that only says PostgreSQL is out of reach becomes a 503
 * database_unavailable (with Retry-After) instead of a 500, and is logged once as a warning without its stack.
 */
export function databaseUnavailable(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, _res, next) => {
    if (!isDatabaseUnreachable(error)) {
      next(error);
      return;
    }
    logger.warn({ reason: (error as Error).message, method: req.method, url: req.originalUrl }, 'database unreachable: answered 503');
    next(new DatabaseUnavailableError());
  };
}
