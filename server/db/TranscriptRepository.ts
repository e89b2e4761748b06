import type { DataSource } from 'typeorm';
import type { Transcript, TranscriptAction } from '../domain/records/Transcript.js';
import { TranscriptEntity } from './entities/TranscriptEntity.js';
import { TranscriptRevisionEntity, type TranscriptRevisionRow } from './entities/TranscriptRevisionEntity.js';

/** One line of a transcript's history with the acting user's name (null: deleted user). */
export interface TranscriptRevision extends Omit<TranscriptRevisionRow, 'entries'> {
  id: string;
  actorUsername: string | null;
}

/** What the interview is, for the transcript's rules: whether the show is over, and whether the public may see it. */
export interface TranscriptInterview {
  id: string;
  status: string;
  endedAt: Date | null;
}

/** The transcripts and their history. Every change is one transaction holding the interview's row lock. */
export class TranscriptRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  /**
   * Locks the interview, hands `work` the current transcript (null before the first build), stores what it returns
   * and a revision with who and when. Null when the interview does not exist.
   */
  async change(
    interviewId: string,
    work: (interview: TranscriptInterview, current: Transcript | null) => Promise<{ next: Transcript; action: TranscriptAction; actorUserId: string; at: Date }>,
  ): Promise<Transcript | null> {
    return this.#dataSource.transaction(async (manager) => {
      const rows: { id: string; status: string; ended_at: Date | null }[] = await manager.query(
        'SELECT id, status, ended_at FROM interviews WHERE id = $1 FOR NO KEY UPDATE',
        [interviewId],
      );
      const row = rows[0];
      if (!row) return null;
      const current = await manager.findOneBy(TranscriptEntity, { interviewId });
      const { next, action, actorUserId, at } = await work({ id: row.id, status: row.status, endedAt: row.ended_at }, current);
      await manager.save(TranscriptEntity, next);
      await manager.insert(TranscriptRevisionEntity, {
        interviewId,
        action,
        status: next.status,
        entries: action === 'publish' || action === 'unpublish' ? (next.publishedEntries ?? []) : next.entries,
        actorUserId,
        createdAt: at,
      });
      return next;
    });
  }

  get(interviewId: string): Promise<Transcript | null> {
    return this.#dataSource.manager.findOneBy(TranscriptEntity, { interviewId });
  }

  /** The interview's state for the public side: null when unknown. */
  async interview(interviewId: string): Promise<(TranscriptInterview & { title: string; department: string | null; startsAt: Date | null }) | null> {
    const rows: { id: string; status: string; ended_at: Date | null; title: string; department: string | null; starts_at: Date | null }[] =
      await this.#dataSource.query('SELECT id, status, ended_at, title, department, starts_at FROM interviews WHERE id = $1', [interviewId]);
    const row = rows[0];
    return row ? { id: row.id, status: row.status, endedAt: row.ended_at, title: row.title, department: row.department, startsAt: row.starts_at } : null;
  }

  /** The history, newest first (at most `limit`), without the copies themselves. */
  async revisions(interviewId: string, limit: number): Promise<TranscriptRevision[]> {
    const rows: { id: string; action: TranscriptAction; status: Transcript['status']; actor_user_id: string | null; username: string | null; created_at: Date }[] =
      await this.#dataSource.query(
        `SELECT r.id, r.action, r.status, r.actor_user_id, u.username, r.created_at
           FROM transcript_revisions r LEFT JOIN users u ON u.id = r.actor_user_id
          WHERE r.interview_id = $1 ORDER BY r.id DESC LIMIT $2`,
        [interviewId, limit],
      );
    return rows.map((row) => ({
      id: String(row.id),
      interviewId,
      action: row.action,
      status: row.status,
      actorUserId: row.actor_user_id,
      actorUsername: row.username,
      createdAt: row.created_at,
    }));
  }

  /** The pictures of the interview's approved posts: the only ones a transcript may show. */
  async publishedImages(interviewId: string): Promise<{ id: string; path: string; width: number; height: number; mimeType: string }[]> {
    return this.#dataSource.query(
      `SELECT i.id, i.path, i.width, i.height, i.mime AS "mimeType"
         FROM post_images i JOIN posts p ON p.id = i.post_id
        WHERE i.interview_id = $1 AND p.status = 'approved'`,
      [interviewId],
    );
  }
}
