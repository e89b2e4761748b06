import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { PostImageRepository } from '../db/PostImageRepository.js';

/**
 * A day: a writer uploads pictures and posts within minutes, and a post waiting for its author's second try (a
 * rejected body, a lost connection) should still find its pictures the same day.
 */
export const UNATTACHED_IMAGE_GRACE_MS = 24 * 3_600_000;
/** How often the sweep runs after the one at start. */
export const SWEEP_INTERVAL_MS = 3_600_000;

/**
 * Removes post pictures that were uploaded and never attached to a post (the writer changed their mind, or the
 * page closed) once they are older than the grace period: their rows first, then their files. A picture on a
 * post is never touched (see PostImageRepository.deleteUnattachedBefore). A crash between the two steps leaves a
 * file no URL reaches any more; it costs disk, not correctness.
 *
 * Sweeps once at start and then every `intervalMs`; several server processes may sweep at once (the delete is
 * one statement, each row goes to one of them).
 */
export class UnattachedImageSweeper {
  readonly #images: PostImageRepository;
  readonly #dataDir: string;
  readonly #graceMs: number;
  readonly #logger: Logger;
  readonly #timer: NodeJS.Timeout;
  #running: Promise<number> | null = null;
  #closed = false;

  constructor(deps: { images: PostImageRepository; dataDir: string; logger: Logger; graceMs?: number; intervalMs?: number }) {
    this.#images = deps.images;
    this.#dataDir = deps.dataDir;
    this.#graceMs = deps.graceMs ?? UNATTACHED_IMAGE_GRACE_MS;
    this.#logger = deps.logger;
    this.#timer = setInterval(() => void this.sweep(), deps.intervalMs ?? SWEEP_INTERVAL_MS);
    this.#timer.unref();
    void this.sweep();
  }

  /**
   * One sweep (or the one already running): removes what expired by `now`; resolves with how many pictures went.
   * A failure is logged and the next sweep tries again.
   */
  sweep(now = new Date()): Promise<number> {
    if (this.#closed) return Promise.resolve(0);
    this.#running ??= this.#sweep(now).finally(() => (this.#running = null));
    return this.#running;
  }

  async #sweep(now: Date): Promise<number> {
    try {
      const paths = await this.#images.deleteUnattachedBefore(new Date(now.getTime() - this.#graceMs));
      for (const relative of paths) await fs.rm(path.join(this.#dataDir, relative), { force: true });
      if (paths.length > 0) this.#logger.info({ removed: paths.length }, 'removed post pictures never attached to a post');
      return paths.length;
    } catch (error) {
      this.#logger.error({ err: error }, 'could not remove unattached post pictures; trying again at the next sweep');
      return 0;
    }
  }

  /** Stops sweeping; waits for a sweep under way. Idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#running;
  }
}
