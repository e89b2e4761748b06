import crypto from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { OutgoingMail } from '../domain/mail/proposalReminderMail.js';

export type MailStatus = 'queued' | 'sent' | 'failed';

/** One e-mail in the outbox and what became of it. */
export interface OutboxMail {
  id: string;
  kind: string;
  to: string;
  subject: string;
  body: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  createdAt: Date;
  sentAt: Date | null;
}

interface OutboxRow {
  id: string;
  kind: string;
  to_address: string;
  subject: string;
  body: string;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  created_at: Date;
  sent_at: Date | null;
}

const COLUMNS = 'id, kind, to_address, subject, body, status, attempts, last_error, next_attempt_at, created_at, sent_at';

/** mail_outbox: e-mails waiting for the mail server, sent, or given up on. */
export class MailOutboxRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  /** Queues the mails, in the caller's transaction when one is given (so they exist exactly when what caused them does). */
  async enqueue(mails: readonly OutgoingMail[], manager: EntityManager | DataSource = this.#dataSource): Promise<void> {
    if (mails.length === 0) return;
    await manager.query(
      `INSERT INTO mail_outbox (id, kind, to_address, user_id, subject, body)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[])`,
      [
        mails.map(() => crypto.randomUUID()),
        mails.map((m) => m.kind),
        mails.map((m) => m.to),
        mails.map((m) => m.userId),
        mails.map((m) => m.subject),
        mails.map((m) => m.body),
      ],
    );
  }

  /**
   * Takes up to `limit` due mails for sending and pushes their next try `leaseMs` ahead: another server process (or
   * this one after a crash mid-send) leaves them alone until then, and takes them again if they were never marked.
   */
  async claimDue(limit: number, leaseMs: number): Promise<OutboxMail[]> {
    // An UPDATE answers [rows, count] through TypeORM's query().
    const [rows]: [OutboxRow[], number] = await this.#dataSource.query(
      `UPDATE mail_outbox SET next_attempt_at = now() + $2 * interval '1 millisecond'
        WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'queued' AND next_attempt_at <= now()
                      ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      [limit, leaseMs],
    );
    return rows.map(toMail);
  }

  async markSent(id: string): Promise<void> {
    await this.#dataSource.query(
      `UPDATE mail_outbox SET status = 'sent', attempts = attempts + 1, last_error = NULL, sent_at = now() WHERE id = $1`,
      [id],
    );
  }

  /** Records a failed try: the next one after `retryInMs`, or none (failed) when null. */
  async markFailedAttempt(id: string, error: string, retryInMs: number | null): Promise<void> {
    await this.#dataSource.query(
      `UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2,
              status = CASE WHEN $3::bigint IS NULL THEN 'failed' ELSE 'queued' END,
              next_attempt_at = now() + coalesce($3::bigint, 0) * interval '1 millisecond'
        WHERE id = $1`,
      [id, error.slice(0, 2000), retryInMs],
    );
  }

  /** Queues a failed mail again for a new round of tries; false when it is not failed (or unknown). */
  async requeue(id: string): Promise<boolean> {
    const [updated]: [unknown[], number] = await this.#dataSource.query(
      `UPDATE mail_outbox SET status = 'queued', attempts = 0, next_attempt_at = now() WHERE id = $1 AND status = 'failed' RETURNING id`,
      [id],
    );
    return updated.length > 0;
  }

  async get(id: string): Promise<OutboxMail | null> {
    const rows: OutboxRow[] = await this.#dataSource.query(`SELECT ${COLUMNS} FROM mail_outbox WHERE id = $1`, [id]);
    return rows[0] ? toMail(rows[0]) : null;
  }

  /** When the earliest queued mail is due; null when none waits. */
  async nextDue(): Promise<Date | null> {
    const [row]: [{ next: Date | null }] = await this.#dataSource.query(`SELECT min(next_attempt_at) AS next FROM mail_outbox WHERE status = 'queued'`);
    return row.next;
  }

  /** The newest mails, and how many are in each state. */
  async overview(limit: number): Promise<{ counts: Record<MailStatus, number>; mails: OutboxMail[] }> {
    const rows: OutboxRow[] = await this.#dataSource.query(`SELECT ${COLUMNS} FROM mail_outbox ORDER BY created_at DESC, id LIMIT $1`, [limit]);
    const countRows: { status: MailStatus; n: number }[] = await this.#dataSource.query(`SELECT status, count(*)::int AS n FROM mail_outbox GROUP BY status`);
    const counts: Record<MailStatus, number> = { queued: 0, sent: 0, failed: 0 };
    for (const row of countRows) counts[row.status] = row.n;
    return { counts, mails: rows.map(toMail) };
  }
}

function toMail(row: OutboxRow): OutboxMail {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    subject: row.subject,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
