import crypto from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { OrgRole } from '../domain/plan/orgRoles.js';
import type { Role } from '../domain/User.js';

/** A console account with its unit and its roles in the column's year. */
export interface StaffAccount {
  id: string;
  username: string;
  role: Role;
  organisationId: string | null;
  roles: OrgRole[];
  /** Where e-mail reminders go; null: none. */
  email: string | null;
  createdAt: Date;
}

/** A unit's account that e-mail can reach. */
export interface MailRecipient {
  userId: string;
  email: string;
  organisationId: string;
  unitName: string;
}

interface AccountRow {
  id: string;
  username: string;
  role: Role;
  organisation_id: string | null;
  roles: OrgRole[] | null;
  email: string | null;
  created_at: Date;
}

const SELECT_ACCOUNTS = `
  SELECT u.id, u.username, u.role, a.organisation_id, a.roles, u.email, u.created_at
    FROM users u LEFT JOIN staff_assignments a ON a.user_id = u.id`;

/** Console accounts and their assignments (unit and roles), for the office's user management. */
export class StaffDirectory {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  async list(): Promise<StaffAccount[]> {
    const rows: AccountRow[] = await this.#dataSource.query(`${SELECT_ACCOUNTS} ORDER BY u.username`);
    return rows.map(toAccount);
  }

  async get(userId: string): Promise<StaffAccount | null> {
    const rows: AccountRow[] = await this.#dataSource.query(`${SELECT_ACCOUNTS} WHERE u.id = $1`, [userId]);
    return rows[0] ? toAccount(rows[0]) : null;
  }

  /** Creates the account with its assignment in one transaction; null when the username is taken. */
  async create(input: { username: string; passwordHash: string; role: Role; organisationId: string | null; roles: OrgRole[]; email: string | null }): Promise<StaffAccount | null> {
    const id = crypto.randomUUID();
    return this.#dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO users (id, username, password_hash, role, email, created_at) VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (username) DO NOTHING RETURNING id`,
        [id, input.username, input.passwordHash, input.role, input.email],
      );
      if (inserted.length === 0) return null;
      await manager.query(`INSERT INTO staff_assignments (user_id, organisation_id, roles) VALUES ($1, $2, $3)`, [id, input.organisationId, input.roles]);
      const rows: AccountRow[] = await manager.query(`${SELECT_ACCOUNTS} WHERE u.id = $1`, [id]);
      return toAccount(rows[0]!);
    });
  }

  /** Sets the user's unit and roles; false for an unknown user. */
  async assign(userId: string, organisationId: string | null, roles: OrgRole[]): Promise<boolean> {
    const rows: unknown[] = await this.#dataSource.query(
      `INSERT INTO staff_assignments (user_id, organisation_id, roles, updated_at)
       SELECT id, $2, $3, now() FROM users WHERE id = $1
       ON CONFLICT (user_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, roles = EXCLUDED.roles, updated_at = now()
       RETURNING user_id`,
      [userId, organisationId, roles],
    );
    return rows.length > 0;
  }

  /** Sets or clears (null) the account's e-mail address; false for an unknown user. */
  async setEmail(userId: string, email: string | null): Promise<boolean> {
    const [updated]: [unknown[], number] = await this.#dataSource.query(`UPDATE users SET email = $2 WHERE id = $1 RETURNING id`, [userId, email]);
    return updated.length > 0;
  }

  /** The units' accounts with `role` and an e-mail address (for reminders), in the caller's transaction. */
  unitAddresses(manager: EntityManager, organisationIds: readonly string[], role: OrgRole): Promise<MailRecipient[]> {
    return manager.query(
      `SELECT u.id AS "userId", u.email, a.organisation_id AS "organisationId", o.name AS "unitName"
         FROM users u JOIN staff_assignments a ON a.user_id = u.id JOIN organisations o ON o.id = a.organisation_id
        WHERE a.organisation_id = ANY($1::uuid[]) AND $2 = ANY(a.roles) AND u.email IS NOT NULL
        ORDER BY o.name, u.username`,
      [organisationIds, role],
    );
  }

  /** The interviews where the user sits at a desk (host, guest, moderator, reviewer), for the console's home. */
  desks(userId: string): Promise<{ interviewId: string; roles: string[] }[]> {
    return this.#dataSource.query(`SELECT interview_id AS "interviewId", roles FROM interview_members WHERE user_id = $1`, [userId]);
  }

  /** Replaces the password and ends the user's sessions (whoever knew the old one is logged out); false if unknown. */
  async resetPassword(userId: string, passwordHash: string): Promise<boolean> {
    return this.#dataSource.transaction(async (manager) => {
      const [updated]: [unknown[], number] = await manager.query(`UPDATE users SET password_hash = $2 WHERE id = $1 RETURNING id`, [userId, passwordHash]);
      if (updated.length === 0) return false;
      await manager.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
      return true;
    });
  }
}

function toAccount(row: AccountRow): StaffAccount {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    organisationId: row.organisation_id,
    roles: row.roles ?? [],
    email: row.email,
    createdAt: row.created_at,
  };
}
