import type { Logger } from 'pino';
import type { SessionRepository } from '../db/SessionRepository.js';
import { toUser, type UserRepository } from '../db/UserRepository.js';
import type { User } from '../domain/User.js';
import { InvalidCredentialsError } from './InvalidCredentialsError.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { hashToken, newSecretToken } from './secretTokens.js';

export interface SessionServiceOptions {
  users: UserRepository;
  sessions: SessionRepository;
  ttlHours: number;
  logger: Logger;
}

/** Console logins: a random token in a cookie, its sha256 in the database. */
export class SessionService {
  #users: UserRepository;
  #sessions: SessionRepository;
  #ttlMs: number;
  #logger: Logger;
  /** Verified against when the username is unknown, so the answer takes as long as for a wrong password. */
  #decoyHash: Promise<string> | null = null;

  constructor(options: SessionServiceOptions) {
    this.#users = options.users;
    this.#sessions = options.sessions;
    this.#ttlMs = options.ttlHours * 3_600_000;
    this.#logger = options.logger.child({ component: 'sessions' });
  }

  /** Throws InvalidCredentialsError on an unknown user or a wrong password. */
  async login(username: string, password: string): Promise<{ user: User; token: string; expiresAt: Date }> {
    const row = await this.#users.findCredentials(username);
    if (!row) {
      this.#decoyHash ??= hashPassword(newSecretToken());
      await verifyPassword(await this.#decoyHash, password);
      this.#logger.info({ username }, 'login refused: unknown user');
      throw new InvalidCredentialsError();
    }
    if (!(await verifyPassword(row.passwordHash, password))) {
      this.#logger.info({ username }, 'login refused: wrong password');
      throw new InvalidCredentialsError();
    }
    const now = new Date();
    // Logins are rare: a good moment to drop the sessions that expired since the last one.
    await this.#sessions.deleteExpired(now);
    const token = newSecretToken();
    const expiresAt = new Date(now.getTime() + this.#ttlMs);
    await this.#sessions.create({ tokenHash: hashToken(token), userId: row.id, expiresAt });
    this.#logger.info({ userId: row.id, username }, 'logged in');
    return { user: toUser(row), token, expiresAt };
  }

  /** The user of a live session, or null (unknown or expired token). */
  userFor(token: string): Promise<User | null> {
    return this.#sessions.findUser(hashToken(token), new Date());
  }

  async logout(token: string): Promise<void> {
    await this.#sessions.delete(hashToken(token));
  }
}
