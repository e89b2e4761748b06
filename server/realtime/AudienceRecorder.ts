import type { Logger } from 'pino';
import type { AudienceRepository, AudienceSample } from '../db/AudienceRepository.js';

/** How often the counts are written: the hub samples viewers at this pace too. */
const FLUSH_MS = 5_000;

/**
 * Keeps each interview's audience in PostgreSQL, so the statistics survive restarts: total viewers are viewer sockets
 * opened (观看人次: a reload or a reconnect counts again, as page views do), peak viewers the most sockets open at
 * once as the hub samples them every 5 s. Each server process records its own sockets: with several processes the
 * totals add up correctly but the peak is the highest of one process's share. Writes are batched, one statement per
 * flush; a failed write is kept and retried with the next one.
 */
export class AudienceRecorder {
  readonly #audience: AudienceRepository;
  readonly #logger: Logger;
  readonly #pending = new Map<string, { joined: number; watching: number }>();
  /** The peak last written per interview, so a steady audience is not rewritten every 5 s. */
  readonly #writtenPeak = new Map<string, number>();
  readonly #timer: NodeJS.Timeout;
  #flushing: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(audience: AudienceRepository, logger: Logger) {
    this.#audience = audience;
    this.#logger = logger;
    this.#timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.#timer.unref();
  }

  /** A viewer socket opened on the interview. */
  joined(interviewId: string): void {
    this.#entry(interviewId).joined += 1;
  }

  /** The interview has `count` viewer sockets open on this process now. */
  watching(interviewId: string, count: number): void {
    if (count <= (this.#writtenPeak.get(interviewId) ?? 0)) return;
    const entry = this.#entry(interviewId);
    entry.watching = Math.max(entry.watching, count);
  }

  /** Writes what was counted since the last flush. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(() => this.#write());
    return this.#flushing;
  }

  /** Stops the timer and writes the last counts. Idempotent. */
  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      clearInterval(this.#timer);
    }
    await this.flush();
  }

  #entry(interviewId: string): { joined: number; watching: number } {
    let entry = this.#pending.get(interviewId);
    if (!entry) this.#pending.set(interviewId, (entry = { joined: 0, watching: 0 }));
    return entry;
  }

  async #write(): Promise<void> {
    if (this.#pending.size === 0) return;
    const samples: AudienceSample[] = [...this.#pending].map(([interviewId, { joined, watching }]) => ({ interviewId, joined, watching }));
    this.#pending.clear();
    try {
      await this.#audience.record(samples, new Date());
      for (const sample of samples) {
        this.#writtenPeak.set(sample.interviewId, Math.max(this.#writtenPeak.get(sample.interviewId) ?? 0, sample.watching));
      }
    } catch (error) {
      this.#logger.error({ err: error, interviews: samples.length }, 'could not record viewer counts; retrying with the next flush');
      for (const sample of samples) {
        const entry = this.#entry(sample.interviewId);
        entry.joined += sample.joined;
        entry.watching = Math.max(entry.watching, sample.watching);
      }
    }
  }
}
