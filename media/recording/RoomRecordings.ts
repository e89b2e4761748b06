import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { CameraRecorder } from './CameraRecorder.js';
import { finaliseRecording } from './finaliseRecording.js';
import type { RecordingPartEvent } from './RecordingPartEvent.js';

export interface RoomRecordingsOptions {
  ffmpegPath: string;
  interviewDir: string;
  keyframeMs: number;
  logger: Logger;
}

export interface RoomRecordingsEvents {
  part: [event: RecordingPartEvent];
}

/** What a room's program pipeline tells about its recording parts. */
export interface ProgramRecordingSource {
  on(event: 'recordingStarted', listener: (path: string) => void): unknown;
  on(event: 'recordingEnded', listener: (path: string, crashed: boolean) => void): unknown;
}

/**
 * The recordings of one live interview: the program's parts (written by the program pipeline) and one ISO recorder
 * per publishing camera. Reports every part's start and end; an ended part is finalised first (a crash leaves a
 * Matroska file without duration or index, which is repaired), so listeners always get a playable file or a reason.
 */
export class RoomRecordings extends EventEmitter<RoomRecordingsEvents> {
  readonly #options: RoomRecordingsOptions;
  /** Keyed by the camera's publishing session, so a replaced session's late close stops only its own recorder. */
  readonly #cameras = new Map<object, CameraRecorder>();
  readonly #finalising = new Set<Promise<void>>();
  #closed = false;

  constructor(options: RoomRecordingsOptions, program: ProgramRecordingSource) {
    super();
    this.#options = options;
    program.on('recordingStarted', (file) => this.emit('part', { phase: 'started', kind: 'program', cameraId: null, path: file, at: new Date() }));
    program.on('recordingEnded', (file, crashed) => this.#ended('program', null, file, crashed));
  }

  /** Starts recording a camera's publishing `session` (any object naming it). */
  addCamera(session: object, cameraId: string, router: types.Router, video: types.Producer | undefined, audio: types.Producer | undefined): void {
    if (this.#closed || !video || this.#cameras.has(session)) return;
    const recorder = new CameraRecorder({
      ffmpegPath: this.#options.ffmpegPath,
      interviewDir: this.#options.interviewDir,
      cameraId,
      router,
      video,
      ...(audio ? { audio } : {}),
      keyframeMs: this.#options.keyframeMs,
      logger: this.#options.logger.child({ part: 'iso', cameraId }),
    });
    this.#cameras.set(session, recorder);
    recorder.on('partStarted', ({ path, at }) => this.emit('part', { phase: 'started', kind: 'camera', cameraId, path, at }));
    recorder.on('partEnded', ({ path, crashed }) => this.#ended('camera', cameraId, path, crashed));
    void recorder.start();
  }

  /** The session stopped publishing: its recording ends. */
  removeCamera(session: object): void {
    const recorder = this.#cameras.get(session);
    if (!recorder) return;
    this.#cameras.delete(session);
    void recorder.close();
  }

  /** Stops every camera recording and waits until every part is finalised. Idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    const recorders = [...this.#cameras.values()];
    this.#cameras.clear();
    await Promise.allSettled(recorders.map((r) => r.close()));
    while (this.#finalising.size > 0) await Promise.allSettled([...this.#finalising]);
  }

  #ended(kind: 'program' | 'camera', cameraId: string | null, file: string, crashed: boolean): void {
    const at = new Date();
    const work = finaliseRecording(this.#options.ffmpegPath, file).then(
      (result) => {
        if (!result.playable) this.#options.logger.warn({ file, error: result.error }, 'recording part is not playable');
        else if (result.repaired) this.#options.logger.info({ file, durationSeconds: result.info?.durationSeconds }, 'recording part repaired');
        this.emit('part', { phase: 'ended', kind, cameraId, path: file, at, crashed, ...result });
      },
      (error: unknown) => this.#options.logger.error({ err: error, file }, 'could not finalise a recording part'),
    );
    this.#finalising.add(work);
    void work.finally(() => this.#finalising.delete(work));
  }
}
