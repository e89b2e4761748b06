import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { audioPeaks, makePartPreview, makePartThumbnails, previewFormat, type PartPreviewFormat } from '../../media/index.js';
import type { RecordingPart } from '../domain/recording/types.js';

/** Thumbnail k of a part shows it at k × this many seconds. */
export const THUMBNAIL_INTERVAL_SECONDS = 5;
/** Thumbnail width in pixels (the editor's strip shows them at about half that on a large screen). */
export const THUMBNAIL_WIDTH = 160;
/** One sound peak per this many seconds. */
export const PEAK_WINDOW_SECONDS = 0.1;

export interface DerivedMediaOptions {
  dataDir: string;
  ffmpegPath: string;
  logger: Logger;
}

/**
 * What the clip editor shows of a recording part, made by FFmpeg on first request and kept under
 * `interviews/<id>/derived/<partId>/` (thumbnails/NNNNN.jpg, peaks.json, preview.mp4|webm): a complete part never
 * changes, so what is made once stays right. One FFmpeg at a time (they compete with a live show for two cores); the
 * same request made twice waits for the same run.
 */
export class DerivedMedia {
  readonly #o: DerivedMediaOptions;
  readonly #running = new Map<string, Promise<unknown>>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: DerivedMediaOptions) {
    this.#o = options;
  }

  /** How many thumbnails the part has (made if need be). */
  async thumbnailCount(part: RecordingPart): Promise<number> {
    if (part.videoCodec === null) return 0;
    const dir = this.thumbnailDir(part);
    const count = async () => (await readdir(dir)).filter((name) => /^\d{5}\.jpg$/.test(name)).length;
    if (existsSync(dir)) return count();
    return this.#once(dir, async () => {
      if (!existsSync(dir)) {
        await mkdir(path.dirname(dir), { recursive: true });
        await makePartThumbnails({
          ffmpegPath: this.#o.ffmpegPath,
          input: this.#source(part),
          outputDir: dir,
          intervalSeconds: THUMBNAIL_INTERVAL_SECONDS,
          width: THUMBNAIL_WIDTH,
        });
      }
      return count();
    });
  }

  thumbnailDir(part: RecordingPart): string {
    return path.join(this.#dir(part), 'thumbnails');
  }

  /** The part's sound peaks, one per PEAK_WINDOW_SECONDS, 0–1; [] when it has no sound. */
  peaks(part: RecordingPart): Promise<number[]> {
    const file = path.join(this.#dir(part), 'peaks.json');
    const cached = () => readFile(file, 'utf8').then((text) => (JSON.parse(text) as { peaks: number[] }).peaks);
    if (existsSync(file)) return cached();
    return this.#once(file, async () => {
      if (existsSync(file)) return cached();
      const peaks = part.hasAudio === false ? [] : await audioPeaks(this.#o.ffmpegPath, this.#source(part), PEAK_WINDOW_SECONDS);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(`${file}.tmp`, JSON.stringify({ windowSeconds: PEAK_WINDOW_SECONDS, peaks }));
      await rename(`${file}.tmp`, file);
      return peaks;
    });
  }

  /** A copy of the part a browser plays (made if need be): its file and content type. */
  async preview(part: RecordingPart): Promise<{ file: string; format: PartPreviewFormat }> {
    const format = previewFormat(part.videoCodec);
    const file = path.join(this.#dir(part), `preview.${format.extension}`);
    if (!existsSync(file)) await this.#once(file, async () => {
      if (existsSync(file)) return;
      await mkdir(path.dirname(file), { recursive: true });
      await makePartPreview(this.#o.ffmpegPath, this.#source(part), file, part.videoCodec);
    });
    return { file, format };
  }

  /** Waits for the runs in flight (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running.values()]);
  }

  #dir(part: RecordingPart): string {
    return path.join(this.#o.dataDir, 'interviews', part.interviewId, 'derived', part.id);
  }

  #source(part: RecordingPart): string {
    return path.join(this.#o.dataDir, part.path);
  }

  /** Runs `make` for `key` once at a time, behind every other run (one FFmpeg at a time). */
  #once<T>(key: string, make: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running) return running as Promise<T>;
    const result = this.#queue.catch(() => undefined).then(make);
    this.#queue = result;
    const tracked = result.finally(() => this.#running.delete(key));
    tracked.catch((error: unknown) => this.#o.logger.warn({ err: error, key }, 'could not make media for the clip editor'));
    this.#running.set(key, tracked);
    return tracked;
  }
}
