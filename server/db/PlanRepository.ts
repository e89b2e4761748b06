import crypto from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { NewPlanRow, Plan, PlanRow } from '../domain/plan/PlanRow.js';

interface PlanRowRecord {
  id: string;
  year: number;
  seq: number;
  unit_name: string;
  organisation_id: string | null;
  time_text: string;
  planned_date: string | null;
  topic: string;
  remarks: string;
  proposal_id: string | null;
  interview_id: string | null;
}

const ROW_COLUMNS = `id, year, seq, unit_name, organisation_id, time_text, to_char(planned_date, 'YYYY-MM-DD') AS planned_date, topic,
                     remarks, proposal_id, interview_id`;

/**
 * A row as the plan shows it. Once a row is scheduled, its interview's time is the truth: the interview editor may
 * move the show, so 访谈时间 follows the interview's day (China time) — written as the notice writes a day ("5月20日")
 * when it differs from the day the row named, as written otherwise (keeping e.g. "5月15日上午").
 */
const SHOWN_ROW = `
  SELECT r.id, r.year, r.seq, r.unit_name, r.organisation_id,
         CASE WHEN d.day IS NULL OR d.day IS NOT DISTINCT FROM r.planned_date THEN r.time_text
              ELSE extract(month FROM d.day)::int || '月' || extract(day FROM d.day)::int || '日' END AS time_text,
         to_char(coalesce(d.day, r.planned_date), 'YYYY-MM-DD') AS planned_date,
         r.topic, r.remarks, r.proposal_id, r.interview_id
    FROM plan_rows r
    LEFT JOIN interviews i ON i.id = r.interview_id
    LEFT JOIN LATERAL (SELECT ((i.starts_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day) d ON true`;

/** The yearly plans (访谈计划表) and their rows. */
export class PlanRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  /** The year's plan; an empty unpublished one when nothing was planned yet. */
  async get(year: number): Promise<Plan> {
    const plans: { published_at: Date | null }[] = await this.#dataSource.query(`SELECT published_at FROM plans WHERE year = $1`, [year]);
    const rows: PlanRowRecord[] = await this.#dataSource.query(`${SHOWN_ROW} WHERE r.year = $1 ORDER BY r.seq`, [year]);
    return { year, publishedAt: plans[0]?.published_at ?? null, rows: rows.map(toPlanRow) };
  }

  async row(id: string): Promise<PlanRow | null> {
    const rows: PlanRowRecord[] = await this.#dataSource.query(`${SHOWN_ROW} WHERE r.id = $1`, [id]);
    return rows[0] ? toPlanRow(rows[0]) : null;
  }

  /** The plan row an interview was scheduled from. */
  async rowOfInterview(interviewId: string): Promise<PlanRow | null> {
    const rows: PlanRowRecord[] = await this.#dataSource.query(`${SHOWN_ROW} WHERE r.interview_id = $1`, [interviewId]);
    return rows[0] ? toPlanRow(rows[0]) : null;
  }

  /** Adds rows to the year's plan (creating the plan) in the caller's transaction; rows without seq go last. */
  async addRows(manager: EntityManager, year: number, rows: readonly NewPlanRow[]): Promise<PlanRow[]> {
    await manager.query(`INSERT INTO plans (year) VALUES ($1) ON CONFLICT (year) DO UPDATE SET updated_at = now()`, [year]);
    // Serialises numbering within the year.
    await manager.query(`SELECT year FROM plans WHERE year = $1 FOR UPDATE`, [year]);
    const [{ next }]: [{ next: number }] = await manager.query(`SELECT coalesce(max(seq), 0) + 1 AS next FROM plan_rows WHERE year = $1`, [year]);
    let nextSeq = next;
    const added: PlanRow[] = [];
    for (const row of rows) {
      const seq = row.seq ?? nextSeq;
      nextSeq = Math.max(nextSeq, seq + 1);
      const inserted: PlanRowRecord[] = await manager.query(
        `INSERT INTO plan_rows (id, year, seq, unit_name, organisation_id, time_text, planned_date, topic, remarks, proposal_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${ROW_COLUMNS}`,
        [crypto.randomUUID(), year, seq, row.unitName, row.organisationId, row.timeText, row.plannedDate, row.topic, row.remarks, row.proposalId],
      );
      added.push(toPlanRow(inserted[0]!));
    }
    return added;
  }

  /** Runs `work` in a transaction (for imports and for accepting a proposal into the plan). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.#dataSource.transaction(work);
  }

  /** The year's 序号 numbers already taken. */
  async takenSeqs(manager: EntityManager, year: number): Promise<number[]> {
    const rows: { seq: number }[] = await manager.query(`SELECT seq FROM plan_rows WHERE year = $1`, [year]);
    return rows.map((row) => row.seq);
  }

  async updateRow(id: string, change: Pick<PlanRow, 'unitName' | 'organisationId' | 'timeText' | 'plannedDate' | 'topic' | 'remarks'>): Promise<PlanRow | null> {
    const [updated]: [unknown[], number] = await this.#dataSource.query(
      `UPDATE plan_rows SET unit_name = $2, organisation_id = $3, time_text = $4, planned_date = $5, topic = $6, remarks = $7
        WHERE id = $1 RETURNING id`,
      [id, change.unitName, change.organisationId, change.timeText, change.plannedDate, change.topic, change.remarks],
    );
    return updated.length > 0 ? this.row(id) : null;
  }

  /** Removes a row not yet scheduled; false when it is gone or became an interview. */
  async deleteUnscheduled(id: string): Promise<boolean> {
    const [deleted]: [unknown[], number] = await this.#dataSource.query(`DELETE FROM plan_rows WHERE id = $1 AND interview_id IS NULL RETURNING id`, [id]);
    return deleted.length > 0;
  }

  /** Links the row to its interview, unless another one got there first; false then. */
  async linkInterview(id: string, interviewId: string): Promise<boolean> {
    const [updated]: [unknown[], number] = await this.#dataSource.query(
      `UPDATE plan_rows SET interview_id = $2 WHERE id = $1 AND interview_id IS NULL RETURNING id`,
      [id, interviewId],
    );
    return updated.length > 0;
  }

  async setPublished(year: number, publishedAt: Date | null): Promise<void> {
    await this.#dataSource.query(
      `INSERT INTO plans (year, published_at) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET published_at = $2, updated_at = now()`,
      [year, publishedAt],
    );
  }
}

function toPlanRow(row: PlanRowRecord): PlanRow {
  return {
    id: row.id,
    year: row.year,
    seq: row.seq,
    unitName: row.unit_name,
    organisationId: row.organisation_id,
    timeText: row.time_text,
    plannedDate: row.planned_date,
    topic: row.topic,
    remarks: row.remarks,
    proposalId: row.proposal_id,
    interviewId: row.interview_id,
  };
}
