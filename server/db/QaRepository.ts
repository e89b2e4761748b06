import type { DataSource, EntityManager } from 'typeorm';
import type { Post, Question, ReviewSettings } from '../domain/qa/types.js';
import type { ModerationActionRow } from './entities/ModerationActionEntity.js';
import { PostEntity } from './entities/PostEntity.js';
import { QuestionEntity } from './entities/QuestionEntity.js';
import { ReviewSettingsEntity } from './entities/ReviewSettingsEntity.js';
import { QaTransaction } from './QaTransaction.js';
import { toReviewSettings } from './reviewSettingsRow.js';

/** An interview's whole Q&A at one moment, with the seq of the last event that moment includes. */
export interface QaSnapshot {
  seq: number;
  settings: ReviewSettings;
  questions: Question[];
  posts: Post[];
}

/** An audit entry with the acting user's name (null for a netizen, or a user since deleted). */
export interface AuditRecord extends Omit<ModerationActionRow, 'actorDeviceHash'> {
  actorUsername: string | null;
}

/** Reads and writes the Q&A of interviews: questions, posts, review settings and the audit log. */
export class QaRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  /** Runs `work` as one transaction; a throw rolls everything back, events and announcements included. */
  change<T>(work: (tx: QaTransaction) => Promise<T>): Promise<T> {
    return this.#dataSource.transaction((manager) => work(new QaTransaction(manager)));
  }

  /**
   * The Q&A as it stands, read in one snapshot (REPEATABLE READ) so `seq` matches the rows exactly: a client that
   * loads this and then follows events after `seq` misses nothing and sees nothing twice. `publicOnly` reads only
   * what viewers may see. Null when the interview does not exist.
   */
  snapshot(interviewId: string, options: { publicOnly: boolean }): Promise<QaSnapshot | null> {
    return this.#dataSource.transaction('REPEATABLE READ', async (manager) => {
      const rows: { qa_seq: string }[] = await manager.query('SELECT qa_seq FROM interviews WHERE id = $1', [interviewId]);
      if (!rows[0]) return null;
      const settings = toReviewSettings(await manager.findOneBy(ReviewSettingsEntity, { interviewId }));
      return {
        seq: Number(rows[0].qa_seq),
        settings,
        questions: await this.#questions(manager, interviewId, options.publicOnly),
        posts: await this.#posts(manager, interviewId, options.publicOnly),
      };
    });
  }

  /** The interview's review settings; null when the interview does not exist. */
  async settings(interviewId: string): Promise<ReviewSettings | null> {
    if (!(await this.interviewExists(interviewId))) return null;
    return toReviewSettings(await this.#dataSource.manager.findOneBy(ReviewSettingsEntity, { interviewId }));
  }

  /** Every question asked from one device, oldest first. */
  deviceQuestions(interviewId: string, deviceHash: string): Promise<Question[]> {
    return this.#dataSource.manager.find(QuestionEntity, { where: { interviewId, deviceHash }, order: { createdAt: 'ASC' } });
  }

  /** Whether the interview exists. */
  async interviewExists(interviewId: string): Promise<boolean> {
    const rows: unknown[] = await this.#dataSource.query('SELECT 1 FROM interviews WHERE id = $1', [interviewId]);
    return rows.length > 0;
  }

  /** The interview's audit log, newest first. */
  async auditLog(interviewId: string, limit: number): Promise<AuditRecord[]> {
    const rows: {
      id: string;
      interview_id: string;
      actor_user_id: string | null;
      actor_username: string | null;
      action: string;
      target_type: AuditRecord['targetType'];
      target_id: string;
      before: unknown;
      after: unknown;
      created_at: Date;
    }[] = await this.#dataSource.query(
      `SELECT m.id, m.interview_id, m.actor_user_id, u.username AS actor_username, m.action, m.target_type,
              m.target_id, m.before, m.after, m.created_at
         FROM moderation_actions m LEFT JOIN users u ON u.id = m.actor_user_id
        WHERE m.interview_id = $1
        ORDER BY m.id DESC
        LIMIT $2`,
      [interviewId, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      interviewId: row.interview_id,
      actorUserId: row.actor_user_id,
      actorUsername: row.actor_username,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      before: row.before,
      after: row.after,
      createdAt: row.created_at,
    }));
  }

  #questions(manager: EntityManager, interviewId: string, publicOnly: boolean): Promise<Question[]> {
    const query = manager
      .createQueryBuilder(QuestionEntity, 'q')
      .where('q.interview_id = :interviewId', { interviewId })
      .orderBy('q.created_at', 'ASC');
    if (publicOnly) query.andWhere(`q.status IN ('approved', 'answered')`);
    return query.getMany();
  }

  #posts(manager: EntityManager, interviewId: string, publicOnly: boolean): Promise<Post[]> {
    const query = manager.createQueryBuilder(PostEntity, 'p').where('p.interview_id = :interviewId', { interviewId });
    // Viewers read the 图文直播 in the order it was published; staff see the order it was written.
    if (publicOnly) query.andWhere(`p.status = 'approved'`).orderBy('p.published_at', 'ASC');
    else query.orderBy('p.created_at', 'ASC');
    return query.getMany();
  }
}
