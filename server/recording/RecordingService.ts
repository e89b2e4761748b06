import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { finaliseRecording, type FinalisedRecording, type MediaServer } from '../../media/index.js';
import type { RecordingRepository } from '../db/RecordingRepository.js';
import type { RecordingPart } from '../domain/recording/types.js';
import { parseRecordingFileName } from './recordingFileName.js';

export interface RecordingServiceOptions {
  dataDir: string;
  ffmpegPath: string;
  recordings: RecordingRepository;
  /** Interview ids that exist: files of deleted interviews are not catalogued again. */
  interviewExists: (interviewId: string) => Promise<boolean>;
  logger: Logger;
}

/**
 * Keeps the recording_parts catalogue in step with the files: writes what the media node reports, and after a
 * restart finalises every part a crash left unfinished (and catalogues parts whose row was never written), so no
 * recorded second is lost to the catalogue and every part plays.
 */
export class RecordingService {
  readonly #o: RecordingServiceOptions;
  readonly #writes = new Set<Promise<void>>();
  #recovery: Promise<void> | undefined;

  constructor(options: RecordingServiceOptions) {
    this.#o = options;
  }

  /** Writes each part the media node starts or ends. */
  follow(media: MediaServer): void {
    media.on('recordingPart', (event) => {
      const relative = this.#relative(event.path);
      const base = { interviewId: event.interviewId, kind: event.kind, cameraId: event.cameraId, path: relative };
      this.#track(
        event.phase === 'started'
          ? this.#o.recordings.started({ ...base, startedAt: event.at })
          : event.empty
            ? // A run that wrote nothing (FFmpeg failed at its start) is no part.
              this.#o.recordings.forget(relative)
            : this.#o.recordings.ended(
              { ...base, startedAt: parseRecordingFileName(path.basename(event.path))?.startedAt ?? event.at },
              ended(event, event.at, event.crashed),
            ),
        { path: relative, phase: event.phase },
      );
    });
  }

  /**
   * Finalises the parts a previous run of the server left marked as being written, and catalogues part files it
   * never recorded. `unfinished` is read before the media node can start new parts; the repairs run in the
   * background (a long show's files take a while to remux) and `recovered()` waits for them.
   */
  async startRecovery(): Promise<void> {
    const unfinished = await this.#o.recordings.unfinished();
    this.#recovery = this.#recover(unfinished).catch((error: unknown) =>
      this.#o.logger.error({ err: error }, 'recovering recordings after a restart failed'),
    );
  }

  recovered(): Promise<void> {
    return this.#recovery ?? Promise.resolve();
  }

  /** Waits for the catalogue writes in flight (shutdown). */
  async close(): Promise<void> {
    await this.#recovery;
    while (this.#writes.size > 0) await Promise.allSettled([...this.#writes]);
  }

  async #recover(unfinished: RecordingPart[]): Promise<void> {
    for (const part of unfinished) {
      const result = await finaliseRecording(this.#o.ffmpegPath, path.join(this.#o.dataDir, part.path));
      await this.#o.recordings.ended(part, { ...ended(result, new Date(), true), recovered: true });
      this.#o.logger.info({ path: part.path, playable: result.playable, repaired: result.repaired }, 'recording part recovered after a restart');
    }
    const interviewsDir = path.join(this.#o.dataDir, 'interviews');
    for (const interviewId of await readdir(interviewsDir).catch(() => [] as string[])) {
      if (!(await this.#o.interviewExists(interviewId).catch(() => false))) continue;
      const known = await this.#o.recordings.knownPaths(interviewId);
      const dir = path.join(interviewsDir, interviewId, 'recordings');
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        const relative = path.posix.join('interviews', interviewId, 'recordings', name);
        const parsed = parseRecordingFileName(name);
        if (!parsed || known.has(relative)) continue;
        const result = await finaliseRecording(this.#o.ffmpegPath, path.join(dir, name));
        await this.#o.recordings.ended({ interviewId, ...parsed, path: relative }, { ...ended(result, new Date(), true), recovered: true });
        this.#o.logger.info({ path: relative, playable: result.playable }, 'uncatalogued recording part found and recovered');
      }
    }
  }

  #relative(file: string): string {
    return path.relative(this.#o.dataDir, file).split(path.sep).join('/');
  }

  #track(write: Promise<void>, context: Record<string, unknown>): void {
    const tracked = write.catch((error: unknown) => this.#o.logger.error({ err: error, ...context }, 'could not catalogue a recording part'));
    this.#writes.add(tracked);
    void tracked.finally(() => this.#writes.delete(tracked));
  }
}

function ended(result: FinalisedRecording, at: Date, crashed: boolean) {
  return {
    status: result.playable ? ('complete' as const) : ('failed' as const),
    endedAt: at,
    durationSeconds: result.info?.durationSeconds ?? null,
    bytes: result.info?.bytes ?? 0,
    videoCodec: result.info?.videoCodec ?? null,
    hasAudio: result.info?.hasAudio ?? null,
    width: result.info?.width ?? null,
    height: result.info?.height ?? null,
    recovered: crashed && result.repaired,
    error: result.error,
  };
}
