import crypto from 'node:crypto';
import { LessThanOrEqual, type DataSource, type Repository } from 'typeorm';
import type { Role, User } from '../domain/User.js';
import { SessionEntity, type SessionRow } from './entities/SessionEntity.js';

/** last_seen_at is written at most this often, so a busy console does not cost a write per request. */
const TOUCH_EVERY_MS = 60_000;

export class SessionRepository {
  #dataSource: DataSource;
  #sessions: Repository<SessionRow>;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
    this.#sessions = dataSource.getRepository(SessionEntity);
  }

  async create(input: { tokenHash: string; userId: string; expiresAt: Date; now: Date }): Promise<void> {
    const { now, ...row } = input;
    await this.#sessions.insert({ id: crypto.randomUUID(), createdAt: now, lastSeenAt: now, ...row });
  }

  /**
   * The user of a session neither expired nor idle since `idleSince`; marks it used. The idle clock is kept to the
   * minute (TOUCH_EVERY_MS), which is all an idle timeout counted in minutes needs.
   */
  async findUser(tokenHash: string, now: Date, idleSince: Date): Promise<User | null> {
    const rows: { id: string; username: string; role: Role; created_at: Date; last_seen_at: Date }[] = await this.#dataSource.query(
      `SELECT u.id, u.username, u.role, u.created_at, s.last_seen_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3`,
      [tokenHash, now, idleSince],
    );
    const row = rows[0];
    if (!row) return null;
    if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
      await this.#dataSource.query(`UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1`, [tokenHash, now]);
    }
    return { id: row.id, username: row.username, role: row.role, createdAt: row.created_at };
  }

  async delete(tokenHash: string): Promise<void> {
    await this.#sessions.delete({ tokenHash });
  }

  /** Drops sessions past their absolute expiry or idle since `idleSince`. */
  async deleteEnded(now: Date, idleSince: Date): Promise<void> {
    await this.#sessions.delete({ expiresAt: LessThanOrEqual(now) });
    await this.#sessions.delete({ lastSeenAt: LessThanOrEqual(idleSince) });
  }
}
