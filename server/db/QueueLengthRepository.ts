import type { DataSource } from 'typeorm';

/** How much work waits: what the metrics report as queue lengths. */
export interface QueueLengths {
  pendingQuestions: number;
  pendingPosts: number;
  exportsQueued: number;
  exportsRunning: number;
}

/** Counts the moderation queue and the clip export queue, across every interview and every server process. */
export class QueueLengthRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  async lengths(): Promise<QueueLengths> {
    const [row] = (await this.#dataSource.query(
      `SELECT (SELECT count(*) FROM questions WHERE status = 'pending') AS pending_questions,
              (SELECT count(*) FROM posts WHERE status = 'pending') AS pending_posts,
              (SELECT count(*) FROM export_jobs WHERE status = 'queued') AS exports_queued,
              (SELECT count(*) FROM export_jobs WHERE status = 'running') AS exports_running`,
    )) as { pending_questions: string; pending_posts: string; exports_queued: string; exports_running: string }[];
    return {
      pendingQuestions: Number(row!.pending_questions),
      pendingPosts: Number(row!.pending_posts),
      exportsQueued: Number(row!.exports_queued),
      exportsRunning: Number(row!.exports_running),
    };
  }
}
