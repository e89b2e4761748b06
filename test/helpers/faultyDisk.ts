import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What this process can do to a directory: mount a tmpfs on it (root), chmod it (others), or neither (root without
 * CAP_SYS_ADMIN, as in an unprivileged container, where chmod does not bind root either). */
export type DiskFaults = 'tmpfs' | 'chmod' | 'none';

/**
 * Real disk faults for a test's data directory. As root (CI containers, these machines) a small tmpfs is mounted on
 * it, so "disk full" is a real ENOSPC and "read-only" a real EROFS (remount ro); as another user nothing can be
 * mounted, so read-only is chmod a-w (EACCES) and disk full is not available (the test says so and skips it).
 */
let probed: DiskFaults | undefined;

/** Which faults this process can cause, found once by trying to mount a tmpfs on a scratch directory. */
export function diskFaults(): DiskFaults {
  if (probed !== undefined) return probed;
  if (process.getuid?.() !== 0) return (probed = 'chmod');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', scratch], { stdio: 'pipe' });
    execFileSync('umount', [scratch], { stdio: 'pipe' });
    probed = 'tmpfs';
  } catch {
    probed = 'none';
  }
  fs.rmdirSync(scratch);
  return probed;
}

export class FaultyDisk {
  readonly dir: string;
  /** Whether a tmpfs is mounted on dir (false: a plain directory). */
  readonly mounted: boolean;
  #released = false;

  private constructor(dir: string, mounted: boolean) {
    this.dir = dir;
    this.mounted = mounted;
  }

  /** Mounts a tmpfs of `sizeMb` on the (empty) directory when this process may, else leaves it as it is. */
  static prepare(dir: string, sizeMb: number): FaultyDisk {
    if (diskFaults() !== 'tmpfs') return new FaultyDisk(dir, false);
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0711`, 'tmpfs', dir], { stdio: 'pipe' });
    return new FaultyDisk(dir, true);
  }

  /** Read-only (remount ro on the tmpfs) or writable again. */
  setReadOnly(readOnly: boolean): void {
    if (this.mounted) {
      execFileSync('mount', ['-o', `remount,${readOnly ? 'ro' : 'rw'}`, this.dir], { stdio: 'pipe' });
      return;
    }
    for (const entry of walk(this.dir)) fs.chmodSync(entry, readOnly ? 0o555 : 0o755);
  }

  /** Fills the tmpfs with one file until a write fails with ENOSPC; returns the file (remove it to free the space). */
  fill(): string {
    if (!this.mounted) throw new Error('filling the disk needs the tmpfs (root)');
    const file = path.join(this.dir, 'filler.bin');
    const chunk = Buffer.alloc(256 * 1024, 1);
    const fd = fs.openSync(file, 'w');
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      // The last partial blocks too: nothing at all is left.
      for (let size = 4096; size >= 1; size >>= 1) {
        try {
          for (;;) fs.writeSync(fd, chunk.subarray(0, size));
        } catch {
          continue;
        }
      }
    } finally {
      fs.closeSync(fd);
    }
    return file;
  }

  /** Unmounts the tmpfs (its files go with it) or makes the directory writable again. Idempotent. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    if (this.mounted) execFileSync('umount', ['-l', this.dir], { stdio: 'pipe' });
    else if (fs.existsSync(this.dir)) this.setReadOnly(false);
  }
}

function* walk(dir: string): Generator<string> {
  yield dir;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) yield* walk(path.join(dir, entry.name));
  }
}
