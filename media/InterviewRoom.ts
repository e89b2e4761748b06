import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { routerCodecs } from './engine/routerCodecs.js';
import { MediaError, WhipError } from './errors.js';
import type { WorkerPool } from './engine/WorkerPool.js';
import { ProgramPipeline, type ProgramSource } from './pipelines/ProgramPipeline.js';
import type { RecordingPartEvent } from './recording/RecordingPartEvent.js';
import { RoomRecordings } from './recording/RoomRecordings.js';
import type { CameraFeed } from './program/CameraFeed.js';
import type { MediaStatus } from './program/MediaStatus.js';
import type { ProgramOverlays } from './program/ProgramOverlays.js';
import { ProgramSwitcher, type ProgramAudio } from './program/ProgramSwitcher.js';
import { showFilesStatus } from './program/showFiles.js';
import { WhepSession } from './whep/WhepSession.js';
import { WhipSession, WhipSessionCloseReason } from './whip/WhipSession.js';

export interface InterviewRoomOptions {
  interviewId: string;
  workers: WorkerPool;
  listenInfos: types.TransportListenInfo[];
  ffmpegPath: string;
  dataDir: string;
  segmentSeconds: number;
  recordingFormat: 'mkv' | 'fmp4';
  /** The station logo (PNG) for the program's overlays; unset: no logo. */
  logoFile?: string;
  logger: Logger;
}

export interface InterviewRoomEvents {
  /** The first HLS segment after the program (re)started is listed. */
  programLive: [];
  /** The show ended: playlist closed, recording parts final. Emitted once, after which the room is closed. */
  programEnded: [recordingPaths: string[]];
  /** A recording part (program or camera ISO) began or ended. */
  recordingPart: [event: RecordingPartEvent];
  feedUp: [cameraId: string];
  /** The program's picture cut to a camera (on its keyframe). */
  programSwitched: [cameraId: string, waitedMs: number];
  feedDown: [cameraId: string, reason: WhipSessionCloseReason];
}

/**
 * One live interview on the media node: its router, a WHIP session per publishing camera, the program
 * switcher (the bus that cuts between cameras) and the program pipeline fed by it. The director puts a
 * camera on air; until then, and when the camera on air leaves, the earliest-connected camera still
 * publishing is. The show ends when the last camera sends DELETE or the server ends it; a camera that
 * merely drops keeps the show open for its reconnect.
 */
export class InterviewRoom extends EventEmitter<InterviewRoomEvents> {
  readonly interviewId: string;
  readonly #options: InterviewRoomOptions;
  readonly #pipeline: ProgramPipeline;
  readonly #recordings: RoomRecordings;
  readonly #sessions = new Map<string, WhipSession>();
  readonly #feeds = new Map<WhipSession, CameraFeed>();
  readonly #viewers = new Map<string, WhepSession>();
  #liveSince: Date | undefined;
  #router: types.Router | undefined;
  #switcher: ProgramSwitcher | undefined;
  /** The producers the pipeline consumes now. */
  #pipelineSource: ProgramSource | undefined;
  #audioChoice: ProgramAudio = { follow: 'video' };
  #programCamera: string | undefined;
  #ending: Promise<string[]> | undefined;

  constructor(options: InterviewRoomOptions) {
    super();
    this.interviewId = options.interviewId;
    this.#options = options;
    this.#pipeline = new ProgramPipeline({
      ffmpegPath: options.ffmpegPath,
      interviewDir: path.join(options.dataDir, 'interviews', options.interviewId),
      segmentSeconds: options.segmentSeconds,
      recordingFormat: options.recordingFormat,
      ...(options.logoFile ? { logoFile: options.logoFile } : {}),
      logger: options.logger.child({ part: 'program' }),
    });
    this.#pipeline.on('segment', ({ first }) => {
      this.#liveSince ??= new Date();
      if (first) this.emit('programLive');
    });
    this.#recordings = new RoomRecordings(
      {
        ffmpegPath: options.ffmpegPath,
        interviewDir: path.join(options.dataDir, 'interviews', options.interviewId),
        keyframeMs: options.segmentSeconds * 1000,
        logger: options.logger.child({ part: 'recordings' }),
      },
      this.#pipeline,
    );
    this.#recordings.on('part', (event) => this.emit('recordingPart', event));
    this.#pipeline.on('failed', (exit) =>
      this.#options.logger.error({ errors: exit.errors, code: exit.code, signal: exit.signal }, 'program FFmpeg died; restarting'),
    );
  }

  get ended(): boolean {
    return this.#ending !== undefined;
  }

  session(cameraId: string, sessionId: string): WhipSession | undefined {
    const session = this.#sessions.get(cameraId);
    return session && session.id === sessionId ? session : undefined;
  }

  isPublishing(cameraId: string): boolean {
    return this.#sessions.has(cameraId);
  }

  /** Accepts a camera's offer. A camera that publishes again replaces its previous session. */
  async publish(cameraId: string, offerSdp: string): Promise<WhipSession> {
    const router = await this.#routerForPublish();
    const session = await WhipSession.create({
      router,
      offerSdp,
      listenInfos: this.#options.listenInfos,
      cameraId,
      logger: this.#options.logger,
    });
    try {
      this.#feeds.set(session, await this.#switcher!.addFeed(session));
    } catch (error) {
      session.close(WhipSessionCloseReason.Shutdown);
      throw error;
    }
    const previous = this.#sessions.get(cameraId);
    this.#sessions.set(cameraId, session);
    session.once('close', (reason) => this.#onSessionClose(session, reason));
    this.#recordings.addCamera(session, cameraId, router, session.videoProducer, session.audioProducer);
    this.emit('feedUp', cameraId);
    // The program bus keeps the program's numbering, so the old session can go at once.
    previous?.close(WhipSessionCloseReason.Replaced);
    if (this.#programCamera === undefined || this.#programCamera === cameraId) void this.#putOnProgram(cameraId);
    return session;
  }

  /**
   * WHIP DELETE. When the program camera is the last one, the show ends, and FFmpeg is stopped
   * before the transport closes so it still has packets to finish its files with.
   */
  async unpublish(session: WhipSession): Promise<void> {
    const last = this.#sessions.size === 1 && this.#sessions.get(session.cameraId) === session;
    if (last && this.#programCamera === session.cameraId) {
      await this.end();
      return;
    }
    session.close(WhipSessionCloseReason.Deleted);
  }

  /** Cuts a camera off (its token was revoked). The show stays open, as after a drop. */
  disconnect(cameraId: string): void {
    this.#sessions.get(cameraId)?.close(WhipSessionCloseReason.Revoked);
  }

  /**
   * The director puts a camera on air: the cut lands on its next keyframe. Resolves with the wait for it, or
   * undefined when it had not come within a few seconds (it still lands when it comes).
   */
  async selectProgram(cameraId: string): Promise<number | undefined> {
    if (!this.#switcher || !this.#sessions.has(cameraId)) {
      throw new MediaError('camera_not_live', 'that camera is not publishing; start it first');
    }
    const before = this.#programCamera;
    this.#programCamera = cameraId;
    try {
      return await this.#switcher.select(cameraId);
    } catch (error) {
      this.#programCamera = before;
      throw error;
    }
  }

  /**
   * A WHEP viewer (the director's monitor) of a camera or of the program. Refused with 409 while the show has no
   * router yet or the camera is not publishing; the program can be watched from the first cut on.
   */
  async watch(target: { program: true } | { cameraId: string }, offerSdp: string): Promise<WhepSession> {
    const router = this.#router;
    if (!router || router.closed || this.ended) throw new WhipError(409, 'not_live', 'the interview is not live: no camera is publishing');
    let producers: (types.Producer | undefined)[];
    if ('program' in target) {
      const source = this.#switcher?.programSource;
      if (!source) throw new WhipError(409, 'not_live', 'no camera has been on the program yet');
      producers = [source.video, source.audio];
    } else {
      const session = this.#sessions.get(target.cameraId);
      if (!session) throw new WhipError(409, 'camera_not_live', 'that camera is not publishing; start it first');
      producers = [session.videoProducer, session.audioProducer];
    }
    const viewer = await WhepSession.create({
      router,
      worker: this.#options.workers.nextWorker(),
      offerSdp,
      listenInfos: this.#options.listenInfos,
      producers: producers.filter((p): p is types.Producer => p !== undefined),
      logger: this.#options.logger.child({ part: 'whep' }),
    });
    this.#viewers.set(viewer.id, viewer);
    viewer.once('close', () => this.#viewers.delete(viewer.id));
    return viewer;
  }

  viewer(sessionId: string): WhepSession | undefined {
    return this.#viewers.get(sessionId);
  }

  /** The director's overlays: drawn over the HLS (encoded), or none (passed through). */
  async setOverlays(overlays: ProgramOverlays): Promise<void> {
    if (overlays.logo && !this.#options.logoFile) {
      throw new MediaError('logo_not_configured', 'no station logo is configured (setting stationLogoFile)');
    }
    await this.#pipeline.setOverlays(overlays);
  }

  get overlays(): ProgramOverlays {
    return this.#pipeline.overlays;
  }

  /** Whose microphone is on the program: the camera on air's (follow), or one camera's throughout. */
  setProgramAudio(choice: ProgramAudio): void {
    this.#audioChoice = choice;
    this.#switcher?.setAudio(choice);
  }

  get programAudio(): ProgramAudio {
    return this.#audioChoice;
  }

  /** What the director's status bar shows: the program, each publishing camera, files and disk. */
  async status(): Promise<MediaStatus> {
    const feeds = [...this.#sessions.values()].flatMap((session) => this.#feeds.get(session) ?? []);
    const cameras = await Promise.all(feeds.map((feed) => feed.status()));
    return {
      onAir: !this.ended && this.#pipeline.running && this.#liveSince !== undefined,
      liveSince: this.#liveSince?.toISOString() ?? null,
      programCameraId: this.#switcher?.onAirCameraId ?? null,
      pendingCameraId: this.#switcher?.pendingCameraId ?? null,
      audioCameraId: this.#audioChoice.follow === 'camera' ? this.#audioChoice.cameraId : null,
      cameras,
      ...(await showFilesStatus(this.#options.dataDir, this.interviewId)),
    };
  }

  /** Ends the show: closes every session, stops FFmpeg, closes the playlist. Idempotent. */
  end(): Promise<string[]> {
    if (!this.#ending) {
      this.#ending = (async () => {
        const recordings = await this.#pipeline.finish();
        // Camera recordings stop while their media still flows, so FFmpeg writes their trailers.
        await this.#recordings.close();
        for (const session of [...this.#sessions.values()]) session.close(WhipSessionCloseReason.Shutdown);
        for (const viewer of [...this.#viewers.values()]) viewer.close();
        this.#switcher?.close();
        this.#router?.close();
        this.emit('programEnded', recordings);
        return recordings;
      })();
    }
    return this.#ending;
  }

  async #routerForPublish(): Promise<types.Router> {
    if (!this.#router || this.#router.closed) {
      // A new router (the old one's worker died) needs a new program bus on it.
      this.#switcher?.close();
      const worker = this.#options.workers.nextWorker();
      const router = await worker.createRouter({ mediaCodecs: routerCodecs });
      const switcher = await ProgramSwitcher.create(router, this.#options.logger.child({ part: 'switcher' }));
      switcher.setAudio(this.#audioChoice);
      switcher.on('switched', (cameraId, waitedMs) => {
        this.emit('programSwitched', cameraId, waitedMs);
        void this.#feedPipeline();
      });
      this.#router = router;
      this.#switcher = switcher;
    }
    return this.#router;
  }

  #putOnProgram(cameraId: string): void {
    this.#programCamera = cameraId;
    this.#switcher
      ?.select(cameraId)
      .catch((error: unknown) => this.#options.logger.error({ err: error, cameraId }, 'could not put the camera on the program'));
  }

  /** Starts the pipeline on the program's producers when it is not running on them (first cut, new codec, resume). */
  async #feedPipeline(): Promise<void> {
    const source = this.#switcher?.programSource;
    if (!source || this.ended) return;
    const current = this.#pipelineSource;
    if (this.#pipeline.running && current?.video === source.video && current.audio === source.audio) return;
    this.#pipelineSource = source;
    await this.#pipeline
      .setSource(source)
      .catch((error: unknown) => this.#options.logger.error({ err: error }, 'could not start the program pipeline'));
  }

  #onSessionClose(session: WhipSession, reason: WhipSessionCloseReason): void {
    if (this.#sessions.get(session.cameraId) === session) this.#sessions.delete(session.cameraId);
    this.#recordings.removeCamera(session);
    const feed = this.#feeds.get(session);
    if (feed) this.#switcher?.removeFeed(feed);
    this.#feeds.delete(session);
    this.emit('feedDown', session.cameraId, reason);
    if (reason === WhipSessionCloseReason.Replaced || reason === WhipSessionCloseReason.Shutdown) return;
    if (this.#programCamera !== session.cameraId) return;

    const next = [...this.#sessions.values()][0];
    if (next) {
      this.#putOnProgram(next.cameraId);
    } else if (reason === WhipSessionCloseReason.Deleted) {
      void this.end();
    } else {
      // Dropped: keep the playlist open (no ENDLIST) so players wait for the camera to come back.
      this.#programCamera = undefined;
      this.#pipeline
        .pause()
        .catch((error: unknown) => this.#options.logger.error({ err: error }, 'could not pause the program pipeline'));
    }
  }
}
