import type { LoginFailureRepository } from '../db/LoginFailureRepository.js';
import { LoginLockedError } from './LoginLockedError.js';

export interface LoginThrottleOptions {
  failures: LoginFailureRepository;
  perAccount: number;
  perAddress: number;
  windowMinutes: number;
}

/**
 * Counts failed logins in a sliding window, per account and per address, in the database so every server process
 * sees the same counts. An account is locked for the rest of the window, not until an administrator acts: a locked-out
 * director gets back in within minutes even when someone else caused the lock.
 */
export class LoginThrottle {
  #failures: LoginFailureRepository;
  #perAccount: number;
  #perAddress: number;
  #windowMs: number;

  constructor(options: LoginThrottleOptions) {
    this.#failures = options.failures;
    this.#perAccount = options.perAccount;
    this.#perAddress = options.perAddress;
    this.#windowMs = options.windowMinutes * 60_000;
  }

  /** Throws LoginLockedError when the account or the address has used up its failures. */
  async check(username: string, address: string, now: Date): Promise<void> {
    const since = new Date(now.getTime() - this.#windowMs);
    const account = await this.#failures.nthLatest('username', accountKey(username), since, this.#perAccount);
    if (account) throw new LoginLockedError('account', this.#secondsUntilFree(account, now));
    const fromAddress = await this.#failures.nthLatest('address', address, since, this.#perAddress);
    if (fromAddress) throw new LoginLockedError('address', this.#secondsUntilFree(fromAddress, now));
  }

  async failed(username: string, address: string, now: Date): Promise<void> {
    await this.#failures.record(accountKey(username), address, now);
  }

  async succeeded(username: string, now: Date): Promise<void> {
    await this.#failures.clearUsername(accountKey(username));
    await this.#failures.deleteBefore(new Date(now.getTime() - this.#windowMs));
  }

  #secondsUntilFree(failedAt: Date, now: Date): number {
    return Math.max(1, Math.ceil((failedAt.getTime() + this.#windowMs - now.getTime()) / 1000));
  }
}

/** "Admin", "admin " and "admin" are one account to the throttle, whatever the user table makes of them. */
function accountKey(username: string): string {
  return username.trim().toLowerCase();
}
