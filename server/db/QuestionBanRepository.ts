import type { EntityManager } from 'typeorm';
import type { QuestionBan } from '../domain/qa/bans.js';

/** A ban as stored: the rule's fields, why, who made it, when, and the question it was made from. */
export interface QuestionBanRow extends QuestionBan {
  /** The question the ban was made from; null once that question is gone. */
  questionId: string | null;
  reason: string;
  createdBy: string | null;
  createdAt: Date;
}

/** A ban as the console lists it: the nickname of its question and the username of who made it, never the hashes. */
export interface QuestionBanRecord extends QuestionBanRow {
  nickname: string | null;
  createdByUsername: string | null;
}

interface BanSqlRow {
  id: string;
  interview_id: string | null;
  question_id: string | null;
  device_hash: string | null;
  ip_hash: string | null;
  reason: string;
  created_by: string | null;
  created_at: Date;
  expires_at: Date | null;
}

const COLUMNS = 'b.id, b.interview_id, b.question_id, b.device_hash, b.ip_hash, b.reason, b.created_by, b.created_at, b.expires_at';

/**
 * The ban list (question_bans), over an entity manager: the data source's for the check made when a netizen asks, a
 * transaction's when a moderator bans or lifts a ban along with the rest of the change.
 */
export class QuestionBanRepository {
  readonly #manager: EntityManager;

  constructor(manager: EntityManager) {
    this.#manager = manager;
  }

  /** Every ban that has not ended and names this device or this address, in any interview: the rule picks. */
  async naming(deviceHash: string, ipHash: string | null, now: Date): Promise<QuestionBanRow[]> {
    const rows: BanSqlRow[] = await this.#manager.query(
      `SELECT ${COLUMNS} FROM question_bans b
        WHERE (b.device_hash = $1 OR b.ip_hash = $2) AND (b.expires_at IS NULL OR b.expires_at > $3)`,
      [deviceHash, ipHash, now],
    );
    return rows.map(toRow);
  }

  /** The bans that apply in the interview (its own and those of every interview) and have not ended, newest first. */
  async list(interviewId: string, now: Date): Promise<QuestionBanRecord[]> {
    const rows: (BanSqlRow & { nickname: string | null; created_by_username: string | null })[] = await this.#manager.query(
      `SELECT ${COLUMNS}, q.nickname, u.username AS created_by_username
         FROM question_bans b
         LEFT JOIN questions q ON q.id = b.question_id
         LEFT JOIN users u ON u.id = b.created_by
        WHERE (b.interview_id = $1 OR b.interview_id IS NULL) AND (b.expires_at IS NULL OR b.expires_at > $2)
        ORDER BY b.created_at DESC, b.id`,
      [interviewId, now],
    );
    return rows.map((row) => ({ ...toRow(row), nickname: row.nickname, createdByUsername: row.created_by_username }));
  }

  /** One ban that applies in the interview (its own, or one of every interview), whether or not it has ended. */
  async find(interviewId: string, banId: string): Promise<QuestionBanRecord | null> {
    const rows: (BanSqlRow & { nickname: string | null; created_by_username: string | null })[] = await this.#manager.query(
      `SELECT ${COLUMNS}, q.nickname, u.username AS created_by_username
         FROM question_bans b
         LEFT JOIN questions q ON q.id = b.question_id
         LEFT JOIN users u ON u.id = b.created_by
        WHERE b.id = $1 AND (b.interview_id = $2 OR b.interview_id IS NULL)`,
      [banId, interviewId],
    );
    const row = rows[0];
    return row ? { ...toRow(row), nickname: row.nickname, createdByUsername: row.created_by_username } : null;
  }

  async insert(ban: QuestionBanRow): Promise<void> {
    await this.#manager.query(
      `INSERT INTO question_bans (id, interview_id, question_id, device_hash, ip_hash, reason, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [ban.id, ban.interviewId, ban.questionId, ban.deviceHash, ban.ipHash, ban.reason, ban.createdBy, ban.createdAt, ban.expiresAt],
    );
  }

  async delete(banId: string): Promise<void> {
    await this.#manager.query('DELETE FROM question_bans WHERE id = $1', [banId]);
  }
}

function toRow(row: BanSqlRow): QuestionBanRow {
  return {
    id: row.id,
    interviewId: row.interview_id,
    questionId: row.question_id,
    deviceHash: row.device_hash,
    ipHash: row.ip_hash,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
