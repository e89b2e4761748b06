import { EntitySchema } from 'typeorm';
import type { Role } from '../../domain/User.js';

export interface UserRow {
  id: string;
  username: string;
  /** argon2id PHC string. */
  passwordHash: string;
  role: Role;
  createdAt: Date;
}

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    id: { type: 'uuid', primary: true },
    username: { type: 'text', unique: true },
    passwordHash: { type: 'text', name: 'password_hash' },
    role: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});
