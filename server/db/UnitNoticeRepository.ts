import crypto from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/** An in-app notice to a unit's users, e.g. the office's reminder to propose a topic this year. */
export interface UnitNotice {
  id: string;
  organisationId: string;
  year: number;
  message: string;
  createdAt: Date;
  readAt: Date | null;
}

export class UnitNoticeRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  /** One notice per unit, in the caller's transaction when given (the reminder's e-mails are queued in the same one). */
  async create(input: { organisationIds: readonly string[]; year: number; message: string; createdBy: string }, manager?: EntityManager): Promise<number> {
    if (!manager) return this.#dataSource.transaction((own) => this.create(input, own));
    const now = new Date();
    for (const organisationId of input.organisationIds) {
      await manager.query(
        `INSERT INTO unit_notices (id, organisation_id, year, message, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [crypto.randomUUID(), organisationId, input.year, input.message, input.createdBy, now],
      );
    }
    return input.organisationIds.length;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.#dataSource.transaction(work);
  }

  /** The unit's notices, unread first, newest first. */
  list(organisationId: string): Promise<UnitNotice[]> {
    return this.#dataSource.query(
      `SELECT id, organisation_id AS "organisationId", year, message, created_at AS "createdAt", read_at AS "readAt"
         FROM unit_notices WHERE organisation_id = $1
        ORDER BY read_at IS NOT NULL, created_at DESC LIMIT 50`,
      [organisationId],
    );
  }

  /** false when no such notice belongs to the unit. */
  async markRead(id: string, organisationId: string): Promise<boolean> {
    const [updated]: [unknown[], number] = await this.#dataSource.query(
      `UPDATE unit_notices SET read_at = coalesce(read_at, now()) WHERE id = $1 AND organisation_id = $2 RETURNING id`,
      [id, organisationId],
    );
    return updated.length > 0;
  }
}
