import type { DataSource } from 'typeorm';
import type { ExportJob } from '../domain/recording/types.js';
import { ExportJobEntity } from './entities/ExportJobEntity.js';

/** TypeORM answers an UPDATE … RETURNING on PostgreSQL as [rows, affected count]. */
function returned<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

/**
 * The export_jobs queue in PostgreSQL: jobs outlive the process that runs them. A runner claims the oldest queued
 * job with FOR UPDATE SKIP LOCKED, so several runners (or server processes) never take the same one.
 */
export class ExportJobRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  async insert(job: ExportJob): Promise<void> {
    await this.#dataSource.manager.insert(ExportJobEntity, job);
  }

  get(interviewId: string, id: string): Promise<ExportJob | null> {
    return this.#dataSource.manager.findOneBy(ExportJobEntity, { interviewId, id });
  }

  list(interviewId: string): Promise<ExportJob[]> {
    return this.#dataSource.manager.find(ExportJobEntity, { where: { interviewId }, order: { createdAt: 'ASC' } });
  }

  /** Marks the oldest queued job running and returns it; null when none waits. */
  async claimNext(now: Date): Promise<ExportJob | null> {
    const rows = returned<{ id: string }>(
      await this.#dataSource.query(
      `UPDATE export_jobs SET status = 'running', started_at = $1, attempts = attempts + 1, progress = 0
        WHERE id = (SELECT id FROM export_jobs WHERE status = 'queued' ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [now],
      ),
    );
    const id = rows[0]?.id;
    return id ? this.#dataSource.manager.findOneByOrFail(ExportJobEntity, { id }) : null;
  }

  async progress(id: string, percent: number): Promise<void> {
    await this.#dataSource.query(`UPDATE export_jobs SET progress = $2 WHERE id = $1 AND status = 'running'`, [id, percent]);
  }

  /** Records a finished export; false when the job was cancelled meanwhile. */
  async done(id: string, outputPath: string, bytes: number, now: Date): Promise<boolean> {
    const rows = returned(
      await this.#dataSource.query(
      `UPDATE export_jobs SET status = 'done', progress = 100, output_path = $2, bytes = $3, finished_at = $4
        WHERE id = $1 AND status = 'running' RETURNING id`,
      [id, outputPath, bytes, now],
      ),
    );
    return rows.length > 0;
  }

  async failed(id: string, code: string, message: string, now: Date): Promise<void> {
    await this.#dataSource.query(
      `UPDATE export_jobs SET status = 'failed', error_code = $2, error_message = $3, finished_at = $4 WHERE id = $1 AND status = 'running'`,
      [id, code, message, now],
    );
  }

  /** Cancels a queued or running job; null when it had already finished (or does not exist). */
  async cancel(interviewId: string, id: string, now: Date): Promise<ExportJob | null> {
    const rows = returned(
      await this.#dataSource.query(
      `UPDATE export_jobs SET status = 'cancelled', finished_at = $3
        WHERE id = $1 AND interview_id = $2 AND status IN ('queued', 'running') RETURNING id`,
      [id, interviewId, now],
      ),
    );
    return rows.length > 0 ? this.#dataSource.manager.findOneByOrFail(ExportJobEntity, { id }) : null;
  }

  /** At start: jobs a stopped or crashed server was running go back to the queue. Returns how many. */
  async requeueRunning(): Promise<number> {
    const rows = returned(
      await this.#dataSource.query(`UPDATE export_jobs SET status = 'queued', progress = 0, started_at = NULL WHERE status = 'running' RETURNING id`),
    );
    return rows.length;
  }
}
