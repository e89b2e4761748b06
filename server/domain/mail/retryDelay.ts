/** Tries in all before an e-mail is marked failed: with a 60 s start and an hour's cap, about six hours of trying. */
export const MAX_MAIL_ATTEMPTS = 10;

/** The longest wait between two tries. */
export const MAX_RETRY_DELAY_MS = 3_600_000;

/**
 * How long to wait after the `attempts`-th failed try (1 = the first) before the next: `baseMs`, doubled each time,
 * at most an hour; null when that was the last try.
 */
export function retryDelay(attempts: number, baseMs: number): number | null {
  if (attempts >= MAX_MAIL_ATTEMPTS) return null;
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
}
