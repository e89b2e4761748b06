import type { DataSource } from 'typeorm';
import type { Audience, QaEvent } from '../domain/qa/types.js';

/** A stored event as the realtime hub relays it. */
export type QaEventRecord = Pick<QaEvent, 'seq' | 'audience' | 'deviceHash' | 'type' | 'payload'>;

/** Whose events to read: everyone's (staff), or the public ones plus one device's own. */
export type QaEventFilter = { everyAudience: true } | { everyAudience: false; deviceHash: string | null };

/** Reads the per-interview event log that clients resume from (written by QaTransaction.appendEvents). */
export class QaEventLog {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  /**
   * The last seq committed for the interview, null when it does not exist. Every event up to it is committed too:
   * seqs are handed out under the interview's row lock, one transaction after the other.
   */
  async lastSeq(interviewId: string): Promise<number | null> {
    const rows: { qa_seq: string }[] = await this.#dataSource.query('SELECT qa_seq FROM interviews WHERE id = $1', [interviewId]);
    return rows[0] ? Number(rows[0].qa_seq) : null;
  }

  /** Events with after < seq ≤ upTo (no upper bound when null) that the filter lets through, in order, at most `limit`. */
  async eventsAfter(
    interviewId: string,
    after: number,
    upTo: number | null,
    filter: QaEventFilter,
    limit: number,
  ): Promise<QaEventRecord[]> {
    const params: unknown[] = [interviewId, after, upTo, limit];
    let audience = '';
    if (!filter.everyAudience) {
      params.push(filter.deviceHash);
      audience = `AND (audience = 'public' OR (audience = 'device' AND device_hash = $5))`;
    }
    const rows: { seq: string; audience: Audience; device_hash: string | null; type: QaEvent['type']; payload: unknown }[] =
      await this.#dataSource.query(
        `SELECT seq, audience, device_hash, type, payload
           FROM qa_events
          WHERE interview_id = $1 AND seq > $2 AND ($3::bigint IS NULL OR seq <= $3) ${audience}
          ORDER BY seq
          LIMIT $4`,
        params,
      );
    return rows.map((row) => ({
      seq: Number(row.seq),
      audience: row.audience,
      deviceHash: row.device_hash,
      type: row.type,
      payload: row.payload,
    }));
  }
}
