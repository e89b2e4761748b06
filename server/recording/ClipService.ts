import crypto from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { exportClip, ffprobeFor, probeMedia } from '../../media/index.js';
import type { ClipRepository } from '../db/ClipRepository.js';
import type { ExportJobRepository } from '../db/ExportJobRepository.js';
import type { RecordingRepository } from '../db/RecordingRepository.js';
import { EditingRuleError } from '../domain/recording/EditingRuleError.js';
import { buildTimeline, piecesFor, timelineDuration, type TimelinePiece } from '../domain/recording/timeline.js';
import type { Clip, ExportJob, ExportMode, RecordingSource } from '../domain/recording/types.js';
import type { ExportJobRunner } from '../jobs/ExportJobRunner.js';
import { parseSourceId } from './recordingViews.js';

export interface ClipServiceOptions {
  dataDir: string;
  ffmpegPath: string;
  clips: ClipRepository;
  jobs: ExportJobRepository;
  recordings: RecordingRepository;
  /** The runner is made after the service (it runs the service's exports). */
  runner: () => ExportJobRunner;
  logger: Logger;
}

export interface ClipInput {
  title: string;
  sourceId: string;
  inSeconds: number;
  outSeconds: number;
}

/** Frame rate of exact exports when the recording does not declare a usable one (WebRTC cameras often do not). */
const DEFAULT_FRAME_RATE = 25;

/**
 * Clips (in and out points on one source's recording timeline) and their exports. Exports are queued as jobs in
 * PostgreSQL and run by the ExportJobRunner through `runExport`.
 */
export class ClipService {
  readonly #o: ClipServiceOptions;

  constructor(options: ClipServiceOptions) {
    this.#o = options;
  }

  async list(interviewId: string): Promise<{ clips: Clip[]; jobs: ExportJob[] }> {
    const [clips, jobs] = await Promise.all([this.#o.clips.list(interviewId), this.#o.jobs.list(interviewId)]);
    return { clips, jobs };
  }

  async create(interviewId: string, input: ClipInput, userId: string | null): Promise<Clip> {
    const source = parseSourceId(input.sourceId);
    if (!source) throw new EditingRuleError('invalid', 'invalid_request', 'sourceId must be program or camera-<cameraId>.', 'sourceId');
    await this.#checkRange(interviewId, source, input.inSeconds, input.outSeconds);
    const now = new Date();
    const clip: Clip = {
      id: crypto.randomUUID(),
      interviewId,
      ...source,
      title: input.title,
      inSeconds: input.inSeconds,
      outSeconds: input.outSeconds,
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
    };
    await this.#o.clips.insert(clip);
    return clip;
  }

  async update(interviewId: string, clipId: string, input: Partial<Pick<ClipInput, 'title' | 'inSeconds' | 'outSeconds'>>): Promise<Clip> {
    const clip = await this.#clip(interviewId, clipId);
    const next: Clip = { ...clip, ...input, updatedAt: new Date() };
    await this.#checkRange(interviewId, clip, next.inSeconds, next.outSeconds);
    await this.#o.clips.update(next);
    return next;
  }

  /** Deletes the clip, stops its running exports and removes their files. */
  async delete(interviewId: string, clipId: string): Promise<void> {
    await this.#clip(interviewId, clipId);
    const jobs = await this.#o.clips.delete(interviewId, clipId);
    for (const job of jobs) {
      this.#o.runner().stop(job.id);
      if (job.outputPath) await rm(path.join(this.#o.dataDir, job.outputPath), { force: true });
    }
  }

  /** Queues an export of the clip as it is now. */
  async export(interviewId: string, clipId: string, mode: ExportMode, userId: string | null): Promise<ExportJob> {
    const clip = await this.#clip(interviewId, clipId);
    const pieces = await this.#pieces(interviewId, clip, clip.inSeconds, clip.outSeconds);
    if (mode === 'fast' && pieces.some((p) => p.part.videoCodec !== 'h264')) {
      throw new EditingRuleError(
        'conflict',
        'fast_mode_unavailable',
        'This recording is not H.264, which an MP4 needs: copying it is not possible. Export it in exact mode (re-encoded).',
      );
    }
    const job: ExportJob = {
      id: crypto.randomUUID(),
      clipId,
      interviewId,
      mode,
      kind: clip.kind,
      cameraId: clip.cameraId,
      inSeconds: clip.inSeconds,
      outSeconds: clip.outSeconds,
      status: 'queued',
      progress: 0,
      attempts: 0,
      outputPath: null,
      bytes: null,
      errorCode: null,
      errorMessage: null,
      createdBy: userId,
      createdAt: new Date(),
      startedAt: null,
      finishedAt: null,
    };
    await this.#o.jobs.insert(job);
    this.#o.runner().kick();
    return job;
  }

  async job(interviewId: string, jobId: string): Promise<ExportJob> {
    const job = await this.#o.jobs.get(interviewId, jobId);
    if (!job) throw new EditingRuleError('not_found', 'not_found', 'The export was not found; check the address or id.');
    return job;
  }

  async cancel(interviewId: string, jobId: string): Promise<ExportJob> {
    const job = await this.job(interviewId, jobId);
    const cancelled = await this.#o.jobs.cancel(interviewId, jobId, new Date());
    if (!cancelled) throw new EditingRuleError('conflict', 'export_finished', `This export is already ${job.status}; there is nothing to cancel.`);
    this.#o.runner().stop(jobId);
    return cancelled;
  }

  /** The file of a finished export. */
  async download(interviewId: string, jobId: string): Promise<{ file: string; title: string; job: ExportJob }> {
    const job = await this.job(interviewId, jobId);
    if (job.status !== 'done' || !job.outputPath) {
      throw new EditingRuleError('conflict', 'export_not_done', `This export is ${job.status}; download it once it is done.`);
    }
    const clip = await this.#o.clips.get(interviewId, job.clipId);
    return { file: path.join(this.#o.dataDir, job.outputPath), title: clip?.title ?? 'clip', job };
  }

  /** Runs one export job (the runner calls this). */
  readonly runExport = async (job: ExportJob, signal: AbortSignal, onProgress: (percent: number) => void) => {
    const pieces = await this.#pieces(job.interviewId, job, job.inSeconds, job.outSeconds);
    const files = pieces.map((p) => path.join(this.#o.dataDir, p.part.path));
    const first = await probeMedia(ffprobeFor(this.#o.ffmpegPath), files[0]!);
    const relative = `interviews/${job.interviewId}/clips/${job.id}.mp4`;
    const outputPath = path.join(this.#o.dataDir, relative);
    await mkdir(path.dirname(outputPath), { recursive: true });
    await exportClip({
      ffmpegPath: this.#o.ffmpegPath,
      pieces: pieces.map((p, i) => ({ file: files[i]!, fromSeconds: p.fromSeconds, toSeconds: p.toSeconds, hasAudio: p.part.hasAudio ?? false })),
      mode: job.mode,
      outputPath,
      frameRate: first.frameRate && first.frameRate >= 10 && first.frameRate <= 60 ? Math.round(first.frameRate) : DEFAULT_FRAME_RATE,
      // Even sizes: H.264 in 4:2:0 needs them.
      width: 2 * Math.round((first.width ?? 1280) / 2),
      height: 2 * Math.round((first.height ?? 720) / 2),
      onProgress,
      signal,
    });
    return { outputPath: relative, bytes: (await stat(outputPath)).size };
  };

  async #clip(interviewId: string, clipId: string): Promise<Clip> {
    const clip = await this.#o.clips.get(interviewId, clipId);
    if (!clip) throw new EditingRuleError('not_found', 'not_found', 'The clip was not found; check the address or id.');
    return clip;
  }

  async #pieces(interviewId: string, source: RecordingSource, inSeconds: number, outSeconds: number): Promise<TimelinePiece[]> {
    const timeline = buildTimeline(await this.#o.recordings.list(interviewId), source);
    const pieces = piecesFor(timeline, inSeconds, outSeconds);
    if (pieces.length === 0) throw new EditingRuleError('conflict', 'recording_empty', 'Nothing is recorded between these points (yet).');
    return pieces;
  }

  async #checkRange(interviewId: string, source: RecordingSource, inSeconds: number, outSeconds: number): Promise<void> {
    const duration = timelineDuration(buildTimeline(await this.#o.recordings.list(interviewId), source));
    if (duration === 0) throw new EditingRuleError('conflict', 'recording_empty', 'This recording has no complete part yet; try again once the show or the part has ended.');
    if (!(outSeconds > inSeconds)) throw new EditingRuleError('invalid', 'clip_out_of_range', 'The out point must come after the in point.', 'outSeconds');
    // A hundredth of a second of slack: the editor rounds what it shows.
    if (outSeconds > duration + 0.01) {
      throw new EditingRuleError('invalid', 'clip_out_of_range', `The out point is past the end of the recording (${duration.toFixed(2)} s).`, 'outSeconds');
    }
  }
}
