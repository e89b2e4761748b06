import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A fresh directory under the system temp dir. Searchable by other users (0711): as root, the embedded PostgreSQL
 * runs as user postgres and must reach a cluster inside it.
 */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `oi-${prefix}-`));
  fs.chmodSync(dir, 0o711);
  return dir;
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
