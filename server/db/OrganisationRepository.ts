import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { OrganisationKind } from '../domain/plan/orgRoles.js';

export interface Organisation {
  id: string;
  /** As the plan writes 责任单位, e.g. 县教体局. */
  name: string;
  kind: OrganisationKind;
}

/** The interviewed units (镇, 部门, 直属机构). */
export class OrganisationRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  /** By kind, then name in Chinese collation order (towns first, as the notice addresses them). */
  list(): Promise<Organisation[]> {
    return this.#dataSource.query(
      `SELECT id, name, kind FROM organisations
        ORDER BY array_position(ARRAY['town', 'department', 'agency'], kind), name`,
    );
  }

  async get(id: string): Promise<Organisation | null> {
    const rows: Organisation[] = await this.#dataSource.query(`SELECT id, name, kind FROM organisations WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** null when the name is taken. */
  async create(input: { name: string; kind: OrganisationKind }): Promise<Organisation | null> {
    const rows: Organisation[] = await this.#dataSource.query(
      `INSERT INTO organisations (id, name, kind) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING id, name, kind`,
      [crypto.randomUUID(), input.name, input.kind],
    );
    return rows[0] ?? null;
  }
}
