/**
 * Login refused before the password is checked: too many failures for the account (`login_locked`) or from the
 * address (`login_rate_limited`) within the window. Unknown usernames lock the same way, so it reveals nothing.
 */
export class LoginLockedError extends Error {
  readonly code: 'login_locked' | 'login_rate_limited';
  readonly retryAfterSeconds: number;

  constructor(scope: 'account' | 'address', retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(
      scope === 'account'
        ? `Too many failed logins for this account: try again in ${minutes} minute(s); if you forgot the password, ask an administrator to reset it.`
        : `Too many failed logins from your network address: try again in ${minutes} minute(s).`,
    );
    this.name = 'LoginLockedError';
    this.code = scope === 'account' ? 'login_locked' : 'login_rate_limited';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
