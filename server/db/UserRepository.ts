import crypto from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import type { Role, User } from '../domain/User.js';
import { UserEntity, type UserRow } from './entities/UserEntity.js';

export class UserRepository {
  #users: Repository<UserRow>;

  constructor(dataSource: DataSource) {
    this.#users = dataSource.getRepository(UserEntity);
  }

  count(): Promise<number> {
    return this.#users.count();
  }

  /** With the password hash: for login only. */
  findCredentials(username: string): Promise<UserRow | null> {
    return this.#users.findOneBy({ username });
  }

  async create(input: { username: string; passwordHash: string; role: Role }): Promise<User> {
    const row: UserRow = { id: crypto.randomUUID(), createdAt: new Date(), ...input };
    await this.#users.insert(row);
    return toUser(row);
  }
}

export function toUser(row: Pick<UserRow, 'id' | 'username' | 'role' | 'createdAt'>): User {
  return { id: row.id, username: row.username, role: row.role, createdAt: row.createdAt };
}
