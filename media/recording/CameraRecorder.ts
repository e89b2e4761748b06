import { EventEmitter } from 'node:events';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { FfmpegProcess } from '../pipelines/FfmpegProcess.js';
import { RtpFeed } from '../pipelines/RtpFeed.js';
import { buildCameraRecordingArgs } from './cameraRecordingArgs.js';

export interface CameraRecorderOptions {
  ffmpegPath: string;
  /** `<dataDir>/interviews/<id>`. */
  interviewDir: string;
  cameraId: string;
  router: types.Router;
  video: types.Producer;
  audio?: types.Producer;
  /** Keyframe request cadence, so the ISO recording can be cut for clips every few seconds. */
  keyframeMs: number;
  logger: Logger;
}

export interface CameraRecorderEvents {
  partStarted: [info: { path: string; at: Date }];
  /** FFmpeg stopped writing `path`: asked to (`crashed` false) or on its own. */
  partEnded: [info: { path: string; at: Date; crashed: boolean }];
}

const RESTART_DELAY_MS = 500;

/**
 * One camera's ISO recording while it publishes: its own FFmpeg writing `recordings/camera-<id>-<UTC>.mkv`. When
 * FFmpeg dies it starts again into a new part (the camera's media never stops flowing to the router), so a crash
 * costs the unflushed cluster and the restart, never the file. Stops when the camera's producers close.
 */
export class CameraRecorder extends EventEmitter<CameraRecorderEvents> {
  readonly cameraId: string;
  readonly #options: CameraRecorderOptions;
  #feed: RtpFeed | undefined;
  #ffmpeg: FfmpegProcess | undefined;
  #restartTimer: NodeJS.Timeout | undefined;
  #closing: Promise<void> | undefined;
  #starting: Promise<void> | undefined;

  constructor(options: CameraRecorderOptions) {
    super();
    this.cameraId = options.cameraId;
    this.#options = options;
  }

  get ffmpegPid(): number | undefined {
    return this.#ffmpeg?.pid;
  }

  start(): Promise<void> {
    this.#starting = this.#startPart().catch((error: unknown) => {
      this.#options.logger.error({ err: error }, 'could not start the camera recording');
      this.#scheduleRestart();
    });
    return this.#starting;
  }

  async #startPart(): Promise<void> {
    const o = this.#options;
    if (this.#closing || o.video.closed) return;
    const dir = path.join(o.interviewDir, 'recordings');
    await mkdir(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('Z', '');
    const file = path.join(dir, `camera-${o.cameraId}-${stamp}Z.mkv`);
    const producers = [o.video, ...(o.audio && !o.audio.closed ? [o.audio] : [])];
    const sdpPath = path.join(o.interviewDir, `camera-${o.cameraId}.sdp`);
    const feed = await RtpFeed.open(o.router, producers, sdpPath);
    this.#feed = feed;
    const logger = o.logger.child({ recording: path.basename(file) });
    const args = buildCameraRecordingArgs({ sdpPath, outputPath: file, hasAudio: feed.hasAudio });
    const ffmpeg = new FfmpegProcess(o.ffmpegPath, args, logger);
    this.#ffmpeg = ffmpeg;
    this.emit('partStarted', { path: file, at: new Date() });
    ffmpeg.on('exit', (exit) => {
      feed.close();
      if (this.#ffmpeg === ffmpeg) {
        this.#ffmpeg = undefined;
        this.#feed = undefined;
      }
      this.emit('partEnded', { path: file, at: new Date(), crashed: !exit.requested });
      if (!exit.requested) {
        logger.error({ code: exit.code, signal: exit.signal, errors: exit.errors }, 'camera recording FFmpeg died; starting a new part');
        this.#scheduleRestart();
      }
    });
    await feed.start(o.keyframeMs);
    logger.info({ ffmpegPid: ffmpeg.pid, videoCodec: feed.videoCodec }, 'camera recording started');
  }

  #scheduleRestart(): void {
    if (this.#closing || this.#restartTimer || this.#options.video.closed) return;
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = undefined;
      void this.start();
    }, RESTART_DELAY_MS);
  }

  /** Stops FFmpeg (it writes its trailers while media still flows), then the feed. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      clearTimeout(this.#restartTimer);
      await this.#starting;
      const ffmpeg = this.#ffmpeg;
      if (ffmpeg) await ffmpeg.stop();
      this.#feed?.close();
    })();
    return this.#closing;
  }
}
