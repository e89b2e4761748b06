import type { DataSource } from 'typeorm';
import type { FollowUp } from '../domain/records/FollowUp.js';
import { FollowUpEntity } from './entities/FollowUpEntity.js';

/** An approved question left unanswered by a show that is over, without a follow-up yet. */
export interface FollowUpCandidate {
  questionId: string;
  interviewId: string;
  endedAt: Date;
}

/** A follow-up with its question and interview, as the console and the public page list it. */
export interface FollowUpDetail extends FollowUp {
  nickname: string;
  question: string;
  questionCreatedAt: Date;
  interviewTitle: string;
  department: string | null;
  answeredByUsername: string | null;
}

const DETAIL_SELECT = `
  SELECT f.question_id, f.interview_id, f.due_date::text AS due_date, f.status, f.answer, f.answered_by, f.answered_at,
         f.reject_reason, f.reviewed_by, f.reviewed_at, f.published_at, f.created_at,
         q.nickname, q.body AS question, q.created_at AS question_created_at, i.title AS interview_title, i.department,
         u.username AS answered_by_username
    FROM follow_ups f
    JOIN questions q ON q.id = f.question_id
    JOIN interviews i ON i.id = f.interview_id
    LEFT JOIN users u ON u.id = f.answered_by`;

/** Shows that count as over for follow-ups: ended, or with their replay published. */
export const SHOW_OVER_SQL = `i.status IN ('ended', 'replay') AND i.ended_at IS NOT NULL`;

/** The follow_ups rows. */
export class FollowUpRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  /** Questions that need a follow-up and have none: of one interview, or of every one (interviewId null). */
  async candidates(interviewId: string | null): Promise<FollowUpCandidate[]> {
    const rows: { id: string; interview_id: string; ended_at: Date }[] = await this.#dataSource.query(
      `SELECT q.id, q.interview_id, i.ended_at
         FROM questions q JOIN interviews i ON i.id = q.interview_id
        WHERE q.status = 'approved' AND ${SHOW_OVER_SQL} AND ($1::uuid IS NULL OR q.interview_id = $1)
          AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.question_id = q.id)`,
      [interviewId],
    );
    return rows.map((row) => ({ questionId: row.id, interviewId: row.interview_id, endedAt: row.ended_at }));
  }

  /** Inserts new follow-ups; one made meanwhile by another request is kept as it is. */
  async insertNew(followUps: readonly FollowUp[]): Promise<void> {
    if (followUps.length === 0) return;
    await this.#dataSource.createQueryBuilder().insert().into(FollowUpEntity).values([...followUps]).orIgnore().execute();
  }

  /** The interview's follow-ups, oldest question first. */
  async list(interviewId: string): Promise<FollowUpDetail[]> {
    return (await this.#dataSource.query(`${DETAIL_SELECT} WHERE f.interview_id = $1 ORDER BY q.created_at, f.question_id`, [interviewId])).map(toDetail);
  }

  /** Unpublished follow-ups due on or before `lastDueDate`, most overdue first. */
  async dueBy(lastDueDate: string): Promise<FollowUpDetail[]> {
    return (
      await this.#dataSource.query(`${DETAIL_SELECT} WHERE f.status <> 'published' AND f.due_date <= $1::date ORDER BY f.due_date, i.title, q.created_at`, [
        lastDueDate,
      ])
    ).map(toDetail);
  }

  async detail(questionId: string): Promise<FollowUpDetail | null> {
    const rows = await this.#dataSource.query(`${DETAIL_SELECT} WHERE f.question_id = $1`, [questionId]);
    return rows[0] ? toDetail(rows[0]) : null;
  }

  /** Locks the follow-up, hands it to `work`, stores the result. Null when the interview has no such follow-up. */
  async change(interviewId: string, questionId: string, work: (current: FollowUp) => FollowUp): Promise<FollowUp | null> {
    return this.#dataSource.transaction(async (manager) => {
      const current = await manager.findOne(FollowUpEntity, { where: { questionId, interviewId }, lock: { mode: 'pessimistic_write' } });
      if (!current) return null;
      const next = work(current);
      await manager.save(FollowUpEntity, next);
      return next;
    });
  }
}

function toDetail(row: Record<string, any>): FollowUpDetail {
  return {
    questionId: row.question_id,
    interviewId: row.interview_id,
    dueDate: row.due_date,
    status: row.status,
    answer: row.answer,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at,
    rejectReason: row.reject_reason,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    nickname: row.nickname,
    question: row.question,
    questionCreatedAt: row.question_created_at,
    interviewTitle: row.interview_title,
    department: row.department,
    answeredByUsername: row.answered_by_username,
  };
}
