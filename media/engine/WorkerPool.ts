import { EventEmitter } from 'node:events';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { MediaError } from '../errors.js';

export interface WorkerPoolOptions {
  size: number;
  rtcMinPort: number;
  rtcMaxPort: number;
  logger: Logger;
}

export interface WorkerPoolEvents {
  /** A worker died; its routers (and everything on them) are gone. A replacement is being started. */
  workerDied: [worker: types.Worker, error: Error];
}

export interface WorkerPoolHealth {
  /** Workers the pool is configured to keep. */
  expected: number;
  /** Workers running now (a dead one is gone until its replacement has started). */
  alive: number;
  /** Running workers that did not answer in time (hung, or stopped by a signal). */
  unresponsivePids: number[];
}

/**
 * The mediasoup workers, one per core by default. A worker that dies is replaced so the node keeps
 * its capacity; whoever had routers on it hears `workerDied` and rebuilds.
 */
export class WorkerPool extends EventEmitter<WorkerPoolEvents> {
  #workers: types.Worker[] = [];
  #next = 0;
  #closed = false;
  #options: WorkerPoolOptions;

  private constructor(options: WorkerPoolOptions) {
    super();
    this.#options = options;
  }

  static async create(options: WorkerPoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(options);
    try {
      for (let i = 0; i < Math.max(1, options.size); i++) pool.#workers.push(await pool.#spawn());
    } catch (error) {
      pool.close();
      throw new MediaError(
        'mediasoup_worker_failed',
        `could not start the mediasoup worker (${(error as Error).message}); run scripts/setup.sh, which builds it`,
        { cause: error },
      );
    }
    return pool;
  }

  /** Round-robin pick, so interviews spread across cores. */
  nextWorker(): types.Worker {
    if (this.#closed || this.#workers.length === 0) throw new MediaError('media_closed', 'the media node is shut down');
    const worker = this.#workers[this.#next % this.#workers.length]!;
    this.#next++;
    return worker;
  }

  get pids(): number[] {
    return this.#workers.map((w) => w.pid);
  }

  /**
   * Whether the pool is whole and every worker answers a request within `timeoutMs`: a worker that died (until its
   * replacement is up) or hangs is named. Readiness checks this.
   */
  async health(timeoutMs: number): Promise<WorkerPoolHealth> {
    const workers = [...this.#workers];
    const answers = await Promise.all(workers.map((worker) => answersWithin(worker, timeoutMs)));
    return {
      expected: Math.max(1, this.#options.size),
      alive: workers.length,
      unresponsivePids: workers.filter((_worker, i) => !answers[i]).map((worker) => worker.pid),
    };
  }

  async #spawn(): Promise<types.Worker> {
    const worker = await mediasoup.createWorker({
      logLevel: 'warn',
      rtcMinPort: this.#options.rtcMinPort,
      rtcMaxPort: this.#options.rtcMaxPort,
    });
    worker.on('died', (error) => {
      this.#options.logger.error({ err: error, workerPid: worker.pid }, 'mediasoup worker died');
      this.#workers = this.#workers.filter((w) => w !== worker);
      this.emit('workerDied', worker, error);
      if (!this.#closed) this.#replace();
    });
    this.#options.logger.info({ workerPid: worker.pid }, 'mediasoup worker started');
    return worker;
  }

  #replace(): void {
    this.#spawn().then(
      (worker) => {
        if (this.#closed) worker.close();
        else this.#workers.push(worker);
      },
      (error: unknown) => this.#options.logger.error({ err: error }, 'could not replace a dead mediasoup worker'),
    );
  }

  /** Closes every worker (and so every router and transport). Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const worker of this.#workers) worker.close();
    this.#workers = [];
  }
}

async function answersWithin(worker: types.Worker, timeoutMs: number): Promise<boolean> {
  if (worker.closed || worker.died) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      worker.getResourceUsage().then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
  } catch {
    // A worker that refuses the request (closing, dying) is as unhealthy as one that does not answer.
    return false;
  } finally {
    clearTimeout(timer);
  }
}
