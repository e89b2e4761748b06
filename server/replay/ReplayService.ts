import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { finaliseVodPlaylist } from '../../media/index.js';
import type { Interview } from '../domain/Interview.js';
import { buildChapters, type AnsweredQuestion, type Chapter } from '../domain/replay/chapters.js';
import { parsePlaylist } from '../domain/replay/hlsPlaylist.js';

const run = promisify(execFile);

/** A chapter as served: contract C4 plus the picture at its start once it is made. */
export interface ChapterJson extends Chapter {
  /** Path below the data directory of a JPEG of the replay at startSeconds; null until it is made. */
  thumbnailPath: string | null;
}

export interface ReplayServiceOptions {
  dataSource: DataSource;
  dataDir: string;
  ffmpegPath: string;
  logger: Logger;
}

const THUMBNAIL_WIDTH = 320;

/**
 * The replay of a show: its playlist closed as VOD once the show is over (also when the show was ended while no
 * media node held it, e.g. after a crash), its chapters (answered questions at their place in the playlist), and a
 * thumbnail per chapter, made in the background one at a time (each is one decoded frame).
 */
export class ReplayService {
  readonly #o: ReplayServiceOptions;
  readonly #pending = new Set<string>();
  #queue: Promise<void> = Promise.resolve();

  constructor(options: ReplayServiceOptions) {
    this.#o = options;
  }

  playlistPath(interviewId: string): string {
    return path.join(this.#o.dataDir, 'interviews', interviewId, 'hls', 'index.m3u8');
  }

  async chapters(interview: Pick<Interview, 'id' | 'status' | 'liveAt'>): Promise<ChapterJson[]> {
    const playlist = this.playlistPath(interview.id);
    if (interview.status === 'ended' || interview.status === 'replay') await finaliseVodPlaylist(playlist);
    const text = await readFile(playlist, 'utf8').catch(() => '');
    if (text === '') return [];
    const chapters = buildChapters(await this.#answeredQuestions(interview.id, interview.liveAt), parsePlaylist(text));
    return chapters.map((chapter) => {
      const relative = thumbnailPath(interview.id, chapter.startSeconds);
      if (existsSync(path.join(this.#o.dataDir, relative))) return { ...chapter, thumbnailPath: relative };
      if (interview.status !== 'live') this.#makeThumbnail(interview.id, chapter.startSeconds);
      return { ...chapter, thumbnailPath: null };
    });
  }

  /** Waits until the thumbnails asked for so far are made (tests, shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      const queue = this.#queue;
      await queue;
      if (queue === this.#queue) return;
    }
  }

  async #answeredQuestions(interviewId: string, liveAt: Date | null): Promise<AnsweredQuestion[]> {
    // The answer starts when the host took the question up (the last 正在回答 event before it was marked answered).
    const rows: { id: string; body: string; answered_at: Date | null; program_time_ms: number | null; answering_at: Date | null }[] =
      await this.#o.dataSource.query(
        `SELECT q.id, q.body, q.answered_at, q.program_time_ms,
                (SELECT max(e.created_at) FROM qa_events e
                  WHERE e.interview_id = q.interview_id AND e.audience = 'staff' AND e.type = 'answering'
                    AND e.payload->>'answeringQuestionId' = q.id::text
                    AND (q.answered_at IS NULL OR e.created_at <= q.answered_at)) AS answering_at
           FROM questions q
          WHERE q.interview_id = $1 AND q.status = 'answered'`,
        [interviewId],
      );
    return rows.flatMap((row) => {
      const at =
        row.answering_at ?? row.answered_at ?? (liveAt && row.program_time_ms !== null ? new Date(liveAt.getTime() + row.program_time_ms) : null);
      return at ? [{ id: row.id, body: row.body, answerStartedAt: new Date(at) }] : [];
    });
  }

  #makeThumbnail(interviewId: string, seconds: number): void {
    const relative = thumbnailPath(interviewId, seconds);
    if (this.#pending.has(relative)) return;
    this.#pending.add(relative);
    this.#queue = this.#queue.then(async () => {
      const file = path.join(this.#o.dataDir, relative);
      const temporary = `${file}.tmp.jpg`;
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await run(this.#o.ffmpegPath, [
          '-hide_banner', '-loglevel', 'error', '-y',
          '-ss', String(seconds), '-i', this.playlistPath(interviewId),
          '-frames:v', '1', '-vf', `scale=${THUMBNAIL_WIDTH}:-2`, '-q:v', '4', temporary,
        ]);
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        this.#o.logger.warn({ err: error, interviewId, seconds }, 'could not make a chapter thumbnail');
      } finally {
        this.#pending.delete(relative);
      }
    });
  }
}

/** interviews/<id>/replay/chapter-<tenths of a second>.jpg */
export function thumbnailPath(interviewId: string, seconds: number): string {
  return `interviews/${interviewId}/replay/chapter-${Math.round(seconds * 10)}.jpg`;
}
