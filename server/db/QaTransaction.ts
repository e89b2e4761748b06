import { In, type EntityManager } from 'typeorm';
import type { Guest, InterviewStatus } from '../domain/Interview.js';
import type { Audience, Post, PostImage, QaEvent, Question, ReviewSettings } from '../domain/qa/types.js';
import { GuestEntity } from './entities/GuestEntity.js';
import { InterviewMemberEntity, type InterviewMemberRow } from './entities/InterviewMemberEntity.js';
import type { AuditTargetType } from './entities/ModerationActionEntity.js';
import { PostEntity } from './entities/PostEntity.js';
import { PostImageEntity, type PostImageRow } from './entities/PostImageEntity.js';
import { QuestionEntity, type QuestionRow } from './entities/QuestionEntity.js';
import { ReviewSettingsEntity } from './entities/ReviewSettingsEntity.js';
import { toReviewSettings } from './reviewSettingsRow.js';

/** The channel each committed Q&A change is announced on, with `<interviewId>:<last seq>`. */
export const QA_EVENT_CHANNEL = 'qa_event';

/** The interview a Q&A change works on, locked until the change commits. */
export interface LockedInterview {
  id: string;
  status: InterviewStatus;
  liveAt: Date | null;
  guests: Guest[];
}

/** An event to append to the interview's log: what one audience may see of the change. */
export interface NewQaEvent {
  audience: Audience;
  /** The asker's device, for audience 'device'. */
  deviceHash: string | null;
  type: QaEvent['type'];
  payload: unknown;
}

/** An audit log entry: who (a staff user, or a netizen's device), what, and the item before and after. */
export interface NewAuditEntry {
  actorUserId: string | null;
  actorDeviceHash: string | null;
  action: string;
  targetType: AuditTargetType;
  targetId: string;
  before: unknown;
  after: unknown;
}

/**
 * One Q&A change, inside one database transaction: lock the interview, read and write its questions, posts,
 * settings and members, audit, and append the events viewers will get. Made by QaStore.change, which commits or
 * rolls back all of it together.
 */
export class QaTransaction {
  readonly #manager: EntityManager;

  constructor(manager: EntityManager) {
    this.#manager = manager;
  }

  /**
   * Takes the interview's row lock: every Q&A change of one interview runs one after the other, so event numbers
   * are handed out and committed in order. FOR NO KEY UPDATE, the lock an UPDATE of a non-key column takes: it
   * serialises us exactly as FOR UPDATE would, without blocking inserts elsewhere that merely reference the row.
   */
  async lockInterview(interviewId: string): Promise<LockedInterview | null> {
    const rows: { id: string; status: InterviewStatus; live_at: Date | null }[] = await this.#manager.query(
      'SELECT id, status, live_at FROM interviews WHERE id = $1 FOR NO KEY UPDATE',
      [interviewId],
    );
    const row = rows[0];
    if (!row) return null;
    const guests = await this.#manager.find(GuestEntity, { where: { interviewId }, order: { sortOrder: 'ASC' } });
    return {
      id: row.id,
      status: row.status,
      liveAt: row.live_at,
      guests: guests.map((guest) => ({ name: guest.name, position: guest.position })),
    };
  }

  async settings(interviewId: string): Promise<ReviewSettings> {
    return toReviewSettings(await this.#manager.findOneBy(ReviewSettingsEntity, { interviewId }));
  }

  async putSettings(interviewId: string, settings: ReviewSettings, now: Date): Promise<void> {
    await this.#manager.upsert(ReviewSettingsEntity, { interviewId, ...settings, updatedAt: now }, ['interviewId']);
  }

  question(interviewId: string, id: string): Promise<QuestionRow | null> {
    return this.#manager.findOneBy(QuestionEntity, { interviewId, id });
  }

  /** The questions marked as being answered: at most one, unless something went wrong before. */
  answeringQuestions(interviewId: string): Promise<QuestionRow[]> {
    return this.#manager.findBy(QuestionEntity, { interviewId, answering: true });
  }

  async insertQuestion(row: QuestionRow): Promise<void> {
    await this.#manager.insert(QuestionEntity, row);
  }

  /** Writes every field the rules may change (never who asked it, nor when). */
  async updateQuestion(question: Question): Promise<void> {
    await this.#manager.update(
      QuestionEntity,
      { id: question.id },
      {
        nickname: question.nickname,
        contact: question.contact,
        body: question.body,
        originalBody: question.originalBody,
        status: question.status,
        selected: question.selected,
        answering: question.answering,
        rejectReason: question.rejectReason,
        mergedInto: question.mergedInto,
        flagged: question.flagged,
        updatedAt: question.updatedAt,
        answeredAt: question.answeredAt,
        programTimeMs: question.programTimeMs,
      },
    );
  }

  post(interviewId: string, id: string): Promise<Post | null> {
    return this.#manager.findOneBy(PostEntity, { interviewId, id });
  }

  async insertPost(post: Post): Promise<void> {
    await this.#manager.insert(PostEntity, post);
  }

  async updatePost(post: Post): Promise<void> {
    await this.#manager.update(
      PostEntity,
      { id: post.id },
      {
        body: post.body,
        images: post.images,
        status: post.status,
        rejectReason: post.rejectReason,
        updatedAt: post.updatedAt,
        publishedAt: post.publishedAt,
        programTimeMs: post.programTimeMs,
      },
    );
  }

  /**
   * The pictures a new post will carry, locked until the post is written: the interview's, uploaded by `userId`,
   * and not yet on any post. Fewer rows than ids means some were not.
   */
  async unattachedImages(interviewId: string, userId: string, ids: readonly string[]): Promise<PostImage[]> {
    const rows: PostImageRow[] = await this.#manager
      .createQueryBuilder(PostImageEntity, 'i')
      .setLock('pessimistic_write')
      .where('i.id IN (:...ids)', { ids })
      .andWhere('i.interview_id = :interviewId', { interviewId })
      .andWhere('i.uploaded_by = :userId', { userId })
      .andWhere('i.post_id IS NULL')
      .getMany();
    return rows.map(({ id, path, mimeType, width, height, bytes }) => ({ id, path, mimeType, width, height, bytes }));
  }

  async attachImages(postId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#manager.update(PostImageEntity, { id: In([...ids]) }, { postId });
  }

  member(interviewId: string, userId: string): Promise<InterviewMemberRow | null> {
    return this.#manager.findOneBy(InterviewMemberEntity, { interviewId, userId });
  }

  async putMember(row: InterviewMemberRow): Promise<void> {
    await this.#manager.upsert(InterviewMemberEntity, row, ['interviewId', 'userId']);
  }

  async deleteMember(interviewId: string, userId: string): Promise<void> {
    await this.#manager.delete(InterviewMemberEntity, { interviewId, userId });
  }

  async userExists(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.#manager.query('SELECT 1 FROM users WHERE id = $1', [userId]);
    return rows.length > 0;
  }

  async audit(interviewId: string, entry: NewAuditEntry, now: Date): Promise<void> {
    // Raw SQL: the before/after snapshots are free-form JSON, which TypeORM's typed insert cannot express.
    await this.#manager.query(
      `INSERT INTO moderation_actions
         (interview_id, actor_user_id, actor_device_hash, action, target_type, target_id, before, after, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)`,
      [
        interviewId,
        entry.actorUserId,
        entry.actorDeviceHash,
        entry.action,
        entry.targetType,
        entry.targetId,
        toJson(entry.before),
        toJson(entry.after),
        now,
      ],
    );
  }

  /**
   * Numbers the events (the next seqs of the interview), stores them and announces the last seq. pg_notify is
   * delivered only when the transaction commits, so no one hears of a change that was rolled back. Returns the last
   * seq, or null when there was nothing to append.
   */
  async appendEvents(interviewId: string, events: readonly NewQaEvent[], now: Date): Promise<number | null> {
    if (events.length === 0) return null;
    const [rows]: [{ qa_seq: string }[], number] = await this.#manager.query(
      'UPDATE interviews SET qa_seq = qa_seq + $2 WHERE id = $1 RETURNING qa_seq',
      [interviewId, events.length],
    );
    const last = Number(rows[0]!.qa_seq);
    // One statement for all of them, numbered first, first + 1, … in the order given.
    await this.#manager.query(
      `INSERT INTO qa_events (interview_id, seq, audience, device_hash, type, payload, created_at)
       SELECT $1, $2::bigint + e.ord - 1, e.value->>'audience', e.value->>'deviceHash', e.value->>'type', e.value->'payload', $4
         FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(value, ord)`,
      [interviewId, last - events.length + 1, JSON.stringify(events), now],
    );
    await this.#manager.query('SELECT pg_notify($1, $2)', [QA_EVENT_CHANNEL, `${interviewId}:${last}`]);
    return last;
  }
}

/** A JSON parameter for a jsonb column: SQL NULL for null (pg would send arrays as PostgreSQL arrays, not JSON). */
function toJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
