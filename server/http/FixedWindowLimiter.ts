/**
 * At most `max` requests per key (a client address) in each fixed window of `windowMs`. The counts of one window are
 * dropped whole when the next begins, so memory stays bounded by the addresses seen in one window, with no timer.
 * In this process's memory: it guards resources that live in this process (WHIP/WHEP sessions).
 */
export class FixedWindowLimiter {
  readonly #max: number;
  readonly #windowMs: number;
  #windowStart = 0;
  #counts = new Map<string, number>();

  constructor(options: { max: number; windowMs: number }) {
    this.#max = options.max;
    this.#windowMs = options.windowMs;
  }

  /** Counts one request; 0 when it may go on, else the seconds until the window ends. */
  take(key: string, now: number): number {
    if (now >= this.#windowStart + this.#windowMs) {
      this.#windowStart = now - (now % this.#windowMs);
      this.#counts = new Map();
    }
    const count = (this.#counts.get(key) ?? 0) + 1;
    this.#counts.set(key, count);
    if (count <= this.#max) return 0;
    return Math.max(1, Math.ceil((this.#windowStart + this.#windowMs - now) / 1000));
  }
}
