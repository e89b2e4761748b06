import { QaRateLimitedError } from './QaRateLimitedError.js';

/** A limit: at most `max` questions in any `windowMs`. */
interface Limit {
  max: number;
  windowMs: number;
}

/** Per device: one question per 30 s and ten an hour. Per IP address: the setting questionsPerIpPerHour. */
const DEVICE_LIMITS: readonly Limit[] = [
  { max: 1, windowMs: 30_000 },
  { max: 10, windowMs: 3_600_000 },
];
const HOUR_MS = 3_600_000;
const LONGEST_WINDOW_MS = HOUR_MS;
/** How often keys whose questions have all left the longest window are forgotten. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Sliding-window limits on netizens' questions, by device hash and by IP hash.
 *
 * Kept in this process's memory: with N server processes a netizen could ask up to N times the limit by landing on
 * different ones. That is accepted for now because the limits only blunt floods (every question still waits for a
 * moderator by default), and it costs no database round trip per question; the hardening issue moves the windows
 * into PostgreSQL so they hold across processes and restarts.
 */
export class QuestionRateLimiter {
  readonly #times = new Map<string, number[]>();
  readonly #ipLimits: readonly Limit[];
  readonly #sweeper: NodeJS.Timeout;
  #closed = false;

  /** `perIpPerHour`: the setting questionsPerIpPerHour (a school or an office shares one address). */
  constructor(options: { perIpPerHour: number }) {
    this.#ipLimits = [{ max: options.perIpPerHour, windowMs: HOUR_MS }];
    this.#sweeper = setInterval(() => this.#sweep(Date.now()), SWEEP_EVERY_MS);
    this.#sweeper.unref();
  }

  /**
   * Counts one question for the device and the address, or throws QaRateLimitedError (counting nothing) when either
   * is over a limit. Check and count are one synchronous step, so concurrent requests cannot both slip through.
   */
  take(deviceHash: string, ipHash: string | null, now: number): void {
    const keys: [string, readonly Limit[]][] = [[`d:${deviceHash}`, DEVICE_LIMITS]];
    if (ipHash !== null) keys.push([`i:${ipHash}`, this.#ipLimits]);
    let waitMs = 0;
    for (const [key, limits] of keys) {
      const times = this.#recent(key, now);
      for (const limit of limits) {
        const inWindow = times.filter((time) => time > now - limit.windowMs);
        if (inWindow.length >= limit.max) {
          // The window frees a place when its oldest counted question leaves it.
          waitMs = Math.max(waitMs, inWindow[inWindow.length - limit.max]! + limit.windowMs - now);
        }
      }
    }
    if (waitMs > 0) throw new QaRateLimitedError(Math.max(1, Math.ceil(waitMs / 1000)));
    for (const [key] of keys) this.#recent(key, now).push(now);
  }

  /** Stops the sweeper. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#sweeper);
  }

  /** The key's question times still inside the longest window, oldest first (stored back pruned). */
  #recent(key: string, now: number): number[] {
    const times = (this.#times.get(key) ?? []).filter((time) => time > now - LONGEST_WINDOW_MS);
    this.#times.set(key, times);
    return times;
  }

  #sweep(now: number): void {
    for (const [key, times] of this.#times) {
      if (times.every((time) => time <= now - LONGEST_WINDOW_MS)) this.#times.delete(key);
    }
  }
}
