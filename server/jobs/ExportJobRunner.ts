import type { Logger } from 'pino';
import type { ExportJobRepository } from '../db/ExportJobRepository.js';
import type { ExportJob } from '../domain/recording/types.js';

/** What running one job takes; it reports progress and stops when `signal` aborts. */
export type RunExport = (job: ExportJob, signal: AbortSignal, onProgress: (percent: number) => void) => Promise<{ outputPath: string; bytes: number }>;

export interface ExportJobRunnerOptions {
  jobs: ExportJobRepository;
  /** How many exports run at once (each FFmpeg may take every core). */
  concurrency: number;
  run: RunExport;
  logger: Logger;
  /** How often the queue is looked at besides when a job is added (jobs added by another process). */
  pollMs?: number;
}

/** Progress is written at most this often per job: the console polls it, the database need not hear every frame. */
const PROGRESS_WRITE_MS = 500;

/** Why a job's run was aborted: the server stopping leaves it 'running', so the next start queues it again. */
const SHUTDOWN = 'shutdown';

/**
 * Runs the persistent export queue: at most `concurrency` jobs at a time, claimed from PostgreSQL. At start, the
 * jobs a previous run of the server left running are queued again (exports are idempotent: each writes its own
 * file). Cancel kills the job's FFmpeg.
 */
export class ExportJobRunner {
  readonly #o: ExportJobRunnerOptions;
  readonly #running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  #timer: NodeJS.Timeout | undefined;
  #kicking: Promise<void> | undefined;
  #again = false;
  #closed = false;

  constructor(options: ExportJobRunnerOptions) {
    this.#o = options;
  }

  async start(): Promise<void> {
    const requeued = await this.#o.jobs.requeueRunning();
    if (requeued > 0) this.#o.logger.info({ requeued }, 'export jobs interrupted by the last stop are queued again');
    this.#timer = setInterval(() => this.kick(), this.#o.pollMs ?? 2000);
    this.kick();
  }

  get runningJobIds(): string[] {
    return [...this.#running.keys()];
  }

  /** Looks for queued jobs now (called when one is added). */
  kick(): void {
    if (this.#closed) return;
    if (this.#kicking) {
      this.#again = true;
      return;
    }
    this.#kicking = this.#fill()
      .catch((error: unknown) => this.#o.logger.error({ err: error }, 'could not take export jobs from the queue'))
      .finally(() => {
        this.#kicking = undefined;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  }

  /** Stops a running job's FFmpeg (its row is already cancelled). */
  stop(jobId: string): void {
    this.#running.get(jobId)?.controller.abort(new Error('cancelled'));
  }

  /** Stops taking jobs and interrupts the running ones, which stay 'running' and are queued again at the next start. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#kicking;
    for (const { controller } of this.#running.values()) controller.abort(new Error(SHUTDOWN));
    await Promise.allSettled([...this.#running.values()].map((r) => r.done));
  }

  async #fill(): Promise<void> {
    while (!this.#closed && this.#running.size < this.#o.concurrency) {
      const job = await this.#o.jobs.claimNext(new Date());
      if (!job) return;
      this.#launch(job);
    }
  }

  #launch(job: ExportJob): void {
    const controller = new AbortController();
    const logger = this.#o.logger.child({ jobId: job.id, mode: job.mode });
    let lastWrite = 0;
    const onProgress = (percent: number) => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_WRITE_MS) return;
      lastWrite = now;
      void this.#o.jobs.progress(job.id, Math.round(percent * 10) / 10).catch((error: unknown) => logger.warn({ err: error }, 'could not record export progress'));
    };
    const began = performance.now();
    const done = (async () => {
      try {
        const { outputPath, bytes } = await this.#o.run(job, controller.signal, onProgress);
        const recorded = await this.#o.jobs.done(job.id, outputPath, bytes, new Date());
        logger.info({ ms: Math.round(performance.now() - began), bytes, recorded }, 'clip exported');
      } catch (error) {
        if (controller.signal.aborted) {
          logger.info({ reason: (controller.signal.reason as Error).message }, 'clip export stopped');
          return;
        }
        const code = (error as { code?: unknown }).code;
        logger.error({ err: error }, 'clip export failed');
        await this.#o.jobs
          .failed(job.id, typeof code === 'string' ? code : 'export_failed', (error as Error).message.slice(0, 1000), new Date())
          .catch((writeError: unknown) => logger.error({ err: writeError }, 'could not record the failed export'));
      } finally {
        this.#running.delete(job.id);
        this.kick();
      }
    })();
    this.#running.set(job.id, { controller, done });
  }
}
