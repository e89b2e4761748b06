import type { DataSource } from 'typeorm';
import type { FollowUpStatus } from '../domain/records/FollowUp.js';
import type { InterviewFacts } from '../domain/records/yearStatistics.js';
import { SHOW_OVER_SQL } from './FollowUpRepository.js';

/**
 * Reads what the year statistics add up, one row per interview of the year: an interview belongs to the year in
 * which it went on air (China's time), or, never aired, the one it was planned for. Drafts are not counted.
 */
export class StatisticsRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  async facts(year: number): Promise<InterviewFacts[]> {
    const rows: {
      department: string | null;
      held: boolean;
      peak: number | null;
      total: string | null;
      received: string;
      approved: string;
      answered: string;
      follow_ups: { status: FollowUpStatus; dueDate: string; publishedAt: string | null }[];
    }[] = await this.#dataSource.query(
      `SELECT NULLIF(btrim(i.department), '') AS department,
              (i.live_at IS NOT NULL AND ${SHOW_OVER_SQL}) AS held,
              a.peak_viewers AS peak, a.total_viewers AS total,
              (SELECT count(*) FROM questions q WHERE q.interview_id = i.id) AS received,
              (SELECT count(*) FROM questions q WHERE q.interview_id = i.id AND q.status IN ('approved', 'answered')) AS approved,
              (SELECT count(*) FROM questions q WHERE q.interview_id = i.id AND q.status = 'answered') AS answered,
              COALESCE((SELECT json_agg(json_build_object('status', f.status, 'dueDate', f.due_date::text, 'publishedAt', f.published_at))
                          FROM follow_ups f WHERE f.interview_id = i.id), '[]') AS follow_ups
         FROM interviews i LEFT JOIN interview_audience a ON a.interview_id = i.id
        WHERE i.status <> 'draft'
          AND extract(year FROM COALESCE(i.live_at, i.starts_at, i.created_at) AT TIME ZONE INTERVAL '+08:00') = $1`,
      [year],
    );
    return rows.map((row) => ({
      department: row.department,
      held: row.held,
      viewersPeak: row.peak ?? 0,
      viewersTotal: Number(row.total ?? 0),
      questionsReceived: Number(row.received),
      questionsApproved: Number(row.approved),
      answeredLive: Number(row.answered),
      followUps: row.follow_ups.map((f) => ({ status: f.status, dueDate: f.dueDate, publishedAt: f.publishedAt === null ? null : new Date(f.publishedAt) })),
    }));
  }
}
