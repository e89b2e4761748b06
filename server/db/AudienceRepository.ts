import type { DataSource } from 'typeorm';

/** What one server process saw of an interview's viewers since its last write. */
export interface AudienceSample {
  interviewId: string;
  /** Viewer sockets opened since the last write (each page load or reconnect counts: 观看人次). */
  joined: number;
  /** Viewer sockets open now on this process. */
  watching: number;
}

/** interview_audience: each interview's peak and total viewers, kept across restarts. */
export class AudienceRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  /** Adds the samples in one statement: total grows by `joined`, peak rises to `watching` when higher. */
  async record(samples: readonly AudienceSample[], now: Date): Promise<void> {
    if (samples.length === 0) return;
    // Interviews deleted meanwhile are skipped by the join rather than failing the whole write on the foreign key.
    await this.#dataSource.query(
      `INSERT INTO interview_audience (interview_id, peak_viewers, total_viewers, updated_at)
       SELECT s.id, s.watching, s.joined, $4
         FROM unnest($1::uuid[], $2::int[], $3::bigint[]) AS s (id, watching, joined)
         JOIN interviews i ON i.id = s.id
       ON CONFLICT (interview_id) DO UPDATE SET
         peak_viewers = GREATEST(interview_audience.peak_viewers, EXCLUDED.peak_viewers),
         total_viewers = interview_audience.total_viewers + EXCLUDED.total_viewers,
         updated_at = EXCLUDED.updated_at`,
      [samples.map((s) => s.interviewId), samples.map((s) => s.watching), samples.map((s) => s.joined), now],
    );
  }

  async get(interviewId: string): Promise<{ peak: number; total: number }> {
    const rows: { peak_viewers: number; total_viewers: string }[] = await this.#dataSource.query(
      'SELECT peak_viewers, total_viewers FROM interview_audience WHERE interview_id = $1',
      [interviewId],
    );
    return { peak: rows[0]?.peak_viewers ?? 0, total: Number(rows[0]?.total_viewers ?? 0) };
  }
}
