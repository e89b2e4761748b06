import type { Logger } from 'pino';
import type { SessionRepository } from '../db/SessionRepository.js';
import { toUser, type UserRepository } from '../db/UserRepository.js';
import type { User } from '../domain/User.js';
import { InvalidCredentialsError } from './InvalidCredentialsError.js';
import type { LoginThrottle } from './LoginThrottle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { hashToken, newSecretToken } from './secretTokens.js';

export interface SessionServiceOptions {
  users: UserRepository;
  sessions: SessionRepository;
  throttle: LoginThrottle;
  /** Absolute lifetime of a login. */
  ttlHours: number;
  /** A login unused this long ends. */
  idleMinutes: number;
  logger: Logger;
}

/** Console logins: a random token in a cookie, its sha256 in the database. */
export class SessionService {
  #users: UserRepository;
  #sessions: SessionRepository;
  #throttle: LoginThrottle;
  #ttlMs: number;
  #idleMs: number;
  #logger: Logger;
  /** Verified against when the username is unknown, so the answer takes as long as for a wrong password. */
  #decoyHash: Promise<string> | null = null;

  constructor(options: SessionServiceOptions) {
    this.#users = options.users;
    this.#sessions = options.sessions;
    this.#throttle = options.throttle;
    this.#ttlMs = options.ttlHours * 3_600_000;
    this.#idleMs = options.idleMinutes * 60_000;
    this.#logger = options.logger.child({ component: 'sessions' });
  }

  /**
   * Throws LoginLockedError when the account or address is throttled, InvalidCredentialsError on an unknown user or a
   * wrong password. Always a new token: `replacing` (the session the browser still held, if any) is ended, so a
   * session id planted before login never becomes a logged-in one.
   */
  async login(
    username: string,
    password: string,
    context: { address: string; replacing: string | null },
  ): Promise<{ user: User; token: string; expiresAt: Date }> {
    const { address } = context;
    await this.#throttle.check(username, address, new Date());
    const row = await this.#users.findCredentials(username);
    if (!row) {
      this.#decoyHash ??= hashPassword(newSecretToken());
      await verifyPassword(await this.#decoyHash, password);
      await this.#throttle.failed(username, address, new Date());
      this.#logger.info({ username, address }, 'login refused: unknown user');
      throw new InvalidCredentialsError();
    }
    if (!(await verifyPassword(row.passwordHash, password))) {
      await this.#throttle.failed(username, address, new Date());
      this.#logger.info({ username, address }, 'login refused: wrong password');
      throw new InvalidCredentialsError();
    }
    const now = new Date();
    await this.#throttle.succeeded(username, now);
    if (context.replacing !== null) await this.#sessions.delete(hashToken(context.replacing));
    // Logins are rare: a good moment to drop the sessions that ended since the last one.
    await this.#sessions.deleteEnded(now, this.#idleSince(now));
    const token = newSecretToken();
    const expiresAt = new Date(now.getTime() + this.#ttlMs);
    await this.#sessions.create({ tokenHash: hashToken(token), userId: row.id, expiresAt, now });
    this.#logger.info({ userId: row.id, username, address }, 'logged in');
    return { user: toUser(row), token, expiresAt };
  }

  /** The user of a live session, or null (unknown, expired or idle too long); a found session counts as used. */
  userFor(token: string): Promise<User | null> {
    const now = new Date();
    return this.#sessions.findUser(hashToken(token), now, this.#idleSince(now));
  }

  async logout(token: string): Promise<void> {
    await this.#sessions.delete(hashToken(token));
  }

  #idleSince(now: Date): Date {
    return new Date(now.getTime() - this.#idleMs);
  }
}
