import { HttpError } from './httpErrors.js';

/** Why the data directory refused a write. */
export type StorageFault = 'full' | 'read_only';

/**
 * The data directory refused a write: the disk is full (507 storage_full) or it is read-only or not ours to write
 * (503 storage_read_only). Nothing was saved, and nothing saved before was touched; only the operator can fix it.
 */
export class StorageUnavailableError extends HttpError {
  constructor(fault: StorageFault) {
    super(
      fault === 'full' ? 507 : 503,
      fault === 'full' ? 'storage_full' : 'storage_read_only',
      fault === 'full'
        ? "The server's disk is full, so this was not saved (what was saved before is intact). Tell the administrator to free space (docs/operations.md: disk full), then send it again."
        : 'The server cannot write to its data directory (read-only or wrong permissions), so this was not saved (what was saved before is intact). Tell the administrator (docs/operations.md: read-only data directory), then send it again.',
    );
    this.name = 'StorageUnavailableError';
  }
}
