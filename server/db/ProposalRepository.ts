import crypto from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Proposal, ProposalForm, ProposalStatus } from '../domain/plan/Proposal.js';

interface ProposalRow {
  id: string;
  organisation_id: string;
  year: number;
  status: ProposalStatus;
  suggested_time: string;
  guests: Proposal['guests'];
  topic: string;
  main_content: string;
  column_suggestions: string;
  contact_person: string;
  phone: string;
  fax: string;
  review_comment: string | null;
  plan_row_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  reviewed_at: Date | null;
}

const SELECT = `SELECT p.*, r.id AS plan_row_id FROM proposals p LEFT JOIN plan_rows r ON r.proposal_id = p.id`;

/** The units' proposals (意见建议征集表). */
export class ProposalRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  async create(input: { organisationId: string; year: number; form: ProposalForm; createdBy: string }): Promise<Proposal> {
    const id = crypto.randomUUID();
    const now = new Date();
    const { form } = input;
    await this.#dataSource.query(
      `INSERT INTO proposals (id, organisation_id, year, status, suggested_time, guests, topic, main_content, column_suggestions,
                              contact_person, phone, fax, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
      [id, input.organisationId, input.year, ...formValues(form), input.createdBy, now],
    );
    return (await this.get(id))!;
  }

  async get(id: string, manager: EntityManager = this.#dataSource.manager): Promise<Proposal | null> {
    const rows: ProposalRow[] = await manager.query(`${SELECT} WHERE p.id = $1`, [id]);
    return rows[0] ? toProposal(rows[0]) : null;
  }

  /** The year's proposals, of one unit or all; newest first. */
  async list(year: number, organisationId: string | null): Promise<Proposal[]> {
    const rows: ProposalRow[] = await this.#dataSource.query(
      `${SELECT} WHERE p.year = $1 AND ($2::uuid IS NULL OR p.organisation_id = $2) ORDER BY p.created_at DESC`,
      [year, organisationId],
    );
    return rows.map(toProposal);
  }

  /** Runs `work` with the proposal locked, so two reviewers (or a review and an edit) do not cross. */
  locked<T>(id: string, work: (proposal: Proposal | null, manager: EntityManager) => Promise<T>): Promise<T> {
    return this.#dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM proposals WHERE id = $1 FOR UPDATE`, [id]);
      return work(await this.get(id, manager), manager);
    });
  }

  async saveForm(manager: EntityManager, id: string, form: ProposalForm): Promise<void> {
    await manager.query(
      `UPDATE proposals SET suggested_time = $2, guests = $3, topic = $4, main_content = $5, column_suggestions = $6,
                            contact_person = $7, phone = $8, fax = $9, updated_at = now()
        WHERE id = $1`,
      [id, ...formValues(form)],
    );
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    change: { status: ProposalStatus; reviewComment?: string | null; reviewedBy?: string },
  ): Promise<void> {
    const reviewed = change.reviewedBy !== undefined;
    await manager.query(
      `UPDATE proposals SET status = $2, updated_at = now(),
              submitted_at = CASE WHEN $2 = 'submitted' THEN now() ELSE submitted_at END,
              review_comment = CASE WHEN $3 THEN $4 ELSE review_comment END,
              reviewed_by = CASE WHEN $3 THEN $5::uuid ELSE reviewed_by END,
              reviewed_at = CASE WHEN $3 THEN now() ELSE reviewed_at END
        WHERE id = $1`,
      [id, change.status, reviewed, change.reviewComment ?? null, change.reviewedBy ?? null],
    );
  }

  /** Units that have sent the office nothing this year (drafts do not count: the office has not seen them). */
  unitsWithoutProposal(year: number): Promise<{ id: string; name: string; kind: string; lastRemindedAt: Date | null }[]> {
    return this.#dataSource.query(
      `SELECT o.id, o.name, o.kind,
              (SELECT max(n.created_at) FROM unit_notices n WHERE n.organisation_id = o.id AND n.year = $1) AS "lastRemindedAt"
         FROM organisations o
        WHERE NOT EXISTS (SELECT 1 FROM proposals p WHERE p.organisation_id = o.id AND p.year = $1 AND p.status <> 'draft')
        ORDER BY array_position(ARRAY['town', 'department', 'agency'], o.kind), o.name`,
      [year],
    );
  }
}

function formValues(form: ProposalForm): unknown[] {
  return [
    form.suggestedTime,
    JSON.stringify(form.guests),
    form.topic,
    form.mainContent,
    form.columnSuggestions,
    form.contactPerson,
    form.phone,
    form.fax,
  ];
}

function toProposal(row: ProposalRow): Proposal {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    year: row.year,
    status: row.status,
    suggestedTime: row.suggested_time,
    guests: row.guests,
    topic: row.topic,
    mainContent: row.main_content,
    columnSuggestions: row.column_suggestions,
    contactPerson: row.contact_person,
    phone: row.phone,
    fax: row.fax,
    reviewComment: row.review_comment,
    planRowId: row.plan_row_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
  };
}
