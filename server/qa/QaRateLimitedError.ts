/** A netizen asks faster than the limits allow (HTTP 429 with Retry-After). */
export class QaRateLimitedError extends Error {
  readonly code = 'rate_limited';
  /** Whole seconds until the next question would be accepted. */
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(`Too many questions from here; try again in ${retryAfterSeconds} s.`);
    this.name = 'QaRateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
