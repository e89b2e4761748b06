import type { DataSource } from 'typeorm';
import type { ChecklistItem } from '../domain/plan/preparationChecklist.js';

/** Which preparation items of an interview are done, and the workflow's one setting. */
export class ChecklistRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  async marks(interviewId: string): Promise<Map<ChecklistItem, Date>> {
    const rows: { item: ChecklistItem; done_at: Date }[] = await this.#dataSource.query(
      `SELECT item, done_at FROM checklist_marks WHERE interview_id = $1`,
      [interviewId],
    );
    return new Map(rows.map((row) => [row.item, row.done_at]));
  }

  /** Ticks (keeping the first time) or unticks the item. */
  async set(interviewId: string, item: ChecklistItem, done: boolean, userId: string): Promise<void> {
    if (done) {
      await this.#dataSource.query(
        `INSERT INTO checklist_marks (interview_id, item, done_at, done_by) VALUES ($1, $2, now(), $3) ON CONFLICT DO NOTHING`,
        [interviewId, item, userId],
      );
    } else {
      await this.#dataSource.query(`DELETE FROM checklist_marks WHERE interview_id = $1 AND item = $2`, [interviewId, item]);
    }
  }

  async announceDaysBefore(): Promise<number> {
    const rows: { announce_days_before: number }[] = await this.#dataSource.query(`SELECT announce_days_before FROM plan_settings`);
    return rows[0]!.announce_days_before;
  }

  async setAnnounceDaysBefore(days: number): Promise<void> {
    await this.#dataSource.query(`UPDATE plan_settings SET announce_days_before = $1`, [days]);
  }
}
