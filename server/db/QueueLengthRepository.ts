import type { DataSource } from 'typeorm';

/** How much work waits: what the metrics report as queue lengths. */
export interface QueueLengths {
  pendingQuestions: number;
  pendingPosts: number;
  exportsQueued: number;
  exportsRunning: number;
  /** E-mails waiting to be sent (the mail server may be down: they are retried) and those given up on. */
  mailsQueued: number;
  mailsFailed: number;
}

/** Counts the moderation queue, the clip export queue and the e-mail outbox, across every server process. */
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
              (SELECT count(*) FROM export_jobs WHERE status = 'running') AS exports_running,
              (SELECT count(*) FROM mail_outbox WHERE status = 'queued') AS mails_queued,
              (SELECT count(*) FROM mail_outbox WHERE status = 'failed') AS mails_failed`,
    )) as {
      pending_questions: string;
      pending_posts: string;
      exports_queued: string;
      exports_running: string;
      mails_queued: string;
      mails_failed: string;
    }[];
    return {
      pendingQuestions: Number(row!.pending_questions),
      pendingPosts: Number(row!.pending_posts),
      exportsQueued: Number(row!.exports_queued),
      exportsRunning: Number(row!.exports_running),
      mailsQueued: Number(row!.mails_queued),
      mailsFailed: Number(row!.mails_failed),
    };
  }
}
