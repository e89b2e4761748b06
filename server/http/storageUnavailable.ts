import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { StorageUnavailableError, type StorageFault } from './StorageUnavailableError.js';

/** File-system error codes that are the machine's fault, not the request's. */
const FAULTS: Readonly<Record<string, StorageFault>> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  EROFS: 'read_only',
  EACCES: 'read_only',
  EPERM: 'read_only',
};

const PATH_REQUIRED = new Set(['EACCES', 'EPERM']);

/**
 * Placed before errorHandler: a write the data directory refused (disk full, read-only, permissions) becomes a JSON
 * storage_full (507) or storage_read_only (503) instead of a 500, and is logged as an error naming the path, since
 * only the operator can fix it.
 */
export function storageUnavailable(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, _res, next) => {
    const { code, syscall, path } = (error ?? {}) as { code?: unknown; syscall?: unknown; path?: unknown };
    // EACCES and EPERM count only with a path (a file's): a socket's are not the disk's. A write's ENOSPC has none.
    const fault = typeof code === 'string' && (typeof path === 'string' || !PATH_REQUIRED.has(code)) ? FAULTS[code] : undefined;
    if (fault === undefined) {
      next(error);
      return;
    }
    logger.error({ code, syscall, path, method: req.method, url: req.originalUrl }, `the data directory refused a write (${fault}): free space or fix its permissions`);
    next(new StorageUnavailableError(fault));
  };
}
