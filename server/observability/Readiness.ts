import { access, constants } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { MediaServer } from '../../media/index.js';
import { within } from './within.js';

/** One readiness check's outcome; a failed one says what to do. */
export interface CheckResult {
  ok: boolean;
  /** What failed and what to do about it; absent when ok. */
  message?: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: { database: CheckResult; mediasoupWorkers: CheckResult; ffmpeg: CheckResult };
}

/** A check not done within this long has failed: a probe must answer quickly, and a hang is itself the fault. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * Whether this process can serve a show: PostgreSQL answers a query, every mediasoup worker is running and answers,
 * and the FFmpeg binary found at start is still there and executable. Every check runs at each probe (they are
 * cheap: one `SELECT 1`, one request per worker, one access()).
 */
export class Readiness {
  readonly #dataSource: DataSource;
  readonly #media: MediaServer;
  readonly #logger: Logger;

  constructor(deps: { dataSource: DataSource; media: MediaServer; logger: Logger }) {
    this.#dataSource = deps.dataSource;
    this.#media = deps.media;
    this.#logger = deps.logger;
  }

  async check(): Promise<ReadinessReport> {
    const [database, mediasoupWorkers, ffmpeg] = await Promise.all([
      this.#run('database', () => this.#database()),
      this.#run('mediasoupWorkers', () => this.#workers()),
      this.#run('ffmpeg', () => this.#ffmpeg()),
    ]);
    return { ready: database.ok && mediasoupWorkers.ok && ffmpeg.ok, checks: { database, mediasoupWorkers, ffmpeg } };
  }

  async #database(): Promise<CheckResult> {
    try {
      await this.#dataSource.query('SELECT 1');
      return { ok: true };
    } catch (error) {
      this.#logger.warn({ err: error }, 'readiness: the database did not answer');
      return {
        ok: false,
        message: 'PostgreSQL does not answer: check that it runs and that DATABASE_URL reaches it (the server reconnects by itself).',
      };
    }
  }

  async #workers(): Promise<CheckResult> {
    const health = await this.#media.workerHealth(CHECK_TIMEOUT_MS / 2);
    if (health.alive >= health.expected && health.unresponsivePids.length === 0) return { ok: true };
    this.#logger.warn({ ...health }, 'readiness: mediasoup workers are missing or do not answer');
    const missing = health.expected - health.alive;
    const problems = [
      ...(missing > 0 ? [`${missing} of ${health.expected} not running (a dead worker is replaced within seconds)`] : []),
      ...(health.unresponsivePids.length > 0 ? [`${health.unresponsivePids.length} not answering (pid ${health.unresponsivePids.join(', ')})`] : []),
    ];
    return {
      ok: false,
      message: `mediasoup workers: ${problems.join('; ')}. If this lasts, restart the server and look for the worker's error in the log.`,
    };
  }

  async #ffmpeg(): Promise<CheckResult> {
    try {
      await access(this.#media.ffmpegPath, constants.X_OK);
      return { ok: true };
    } catch (error) {
      this.#logger.warn({ err: error, ffmpegPath: this.#media.ffmpegPath }, 'readiness: FFmpeg is gone');
      return {
        ok: false,
        message: 'The FFmpeg found at start is no longer an executable file: reinstall FFmpeg (scripts/setup.sh) or set FFMPEG_PATH, then restart.',
      };
    }
  }

  #run(name: string, check: () => Promise<CheckResult>): Promise<CheckResult> {
    return within(check(), CHECK_TIMEOUT_MS, () => ({
      ok: false,
      message: `The ${name} check did not finish within ${CHECK_TIMEOUT_MS} ms: it hangs; see the log.`,
    }));
  }
}
