import crypto from 'node:crypto';
import { LessThanOrEqual, type DataSource, type Repository } from 'typeorm';
import type { Role, User } from '../domain/User.js';
import { SessionEntity, type SessionRow } from './entities/SessionEntity.js';

export class SessionRepository {
  #dataSource: DataSource;
  #sessions: Repository<SessionRow>;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
    this.#sessions = dataSource.getRepository(SessionEntity);
  }

  async create(input: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
    await this.#sessions.insert({ id: crypto.randomUUID(), createdAt: new Date(), ...input });
  }

  /** The user of an unexpired session. */
  async findUser(tokenHash: string, now: Date): Promise<User | null> {
    const rows: { id: string; username: string; role: Role; created_at: Date }[] = await this.#dataSource.query(
      `SELECT u.id, u.username, u.role, u.created_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [tokenHash, now],
    );
    const row = rows[0];
    return row ? { id: row.id, username: row.username, role: row.role, createdAt: row.created_at } : null;
  }

  async delete(tokenHash: string): Promise<void> {
    await this.#sessions.delete({ tokenHash });
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.#sessions.delete({ expiresAt: LessThanOrEqual(now) });
  }
}
