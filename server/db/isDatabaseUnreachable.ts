/**
 * SQLSTATEs meaning "the database is not there for us right now": class 08 (connection exception), the server shutting
 * down or starting (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now) and 53300 too many
 * connections. Nothing about the request itself: the same request succeeds once the database is back.
 */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123]|53300)$/;

/** Socket errors reaching the database host. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** What pg says when a connection it had, or was opening, is gone (it gives these errors no code). */
const LOST_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/**
 * Whether an error (as pg or TypeORM throws it, its driverError or cause included) means the database could not be
 * reached, rather than that the query was wrong.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    const { code, driverError, cause } = current as Error & { code?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code))) return true;
    if (LOST_CONNECTION_MESSAGES.some((message) => current instanceof Error && current.message.startsWith(message))) return true;
    current = driverError ?? cause;
  }
  return false;
}
