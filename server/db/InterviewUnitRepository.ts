import type { DataSource } from 'typeorm';

/**
 * The interviewed unit (organisation) of an interview, as the yearly workflow knows it: the unit of the plan row
 * the interview was scheduled from, else the unit whose name is the interview's department (责任单位).
 */
export class InterviewUnitRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  async unitOf(interviewId: string): Promise<string | null> {
    const rows: { id: string | null }[] = await this.#dataSource.query(
      `SELECT COALESCE(
         (SELECT r.organisation_id FROM plan_rows r WHERE r.interview_id = $1),
         (SELECT o.id FROM organisations o JOIN interviews i ON i.department = o.name WHERE i.id = $1 ORDER BY o.id LIMIT 1)
       ) AS id`,
      [interviewId],
    );
    return rows[0]?.id ?? null;
  }
}
