import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { MediaError, WhipError } from './errors.js';
import { InterviewRoom } from './InterviewRoom.js';
import type { MediaServerOptions } from './MediaServerOptions.js';
import { WorkerPool, type WorkerPoolHealth } from './engine/WorkerPool.js';
import { findFfmpeg } from './pipelines/findFfmpeg.js';
import type { MediaStatus } from './program/MediaStatus.js';
import { NO_OVERLAYS, type ProgramOverlays } from './program/ProgramOverlays.js';
import type { ProgramAudio } from './program/ProgramSwitcher.js';
import { showFilesStatus } from './program/showFiles.js';
import type { RecordingPartEvent } from './recording/RecordingPartEvent.js';
import type { WhepSession } from './whep/WhepSession.js';
import type { PatchResult, WhipSession, WhipSessionCloseReason } from './whip/WhipSession.js';

/** Events the server listens to; the media node knows nothing of HTTP, users or the database. */
export interface MediaServerEvents {
  /** The first HLS segment of a show (or of a resumed show) is listed: viewers can watch. */
  programLive: [event: { interviewId: string }];
  /** The show ended: the playlist is closed with EXT-X-ENDLIST and the recording parts are final. */
  programEnded: [event: { interviewId: string; recordingPaths: string[] }];
  /** A camera started publishing. */
  feedUp: [event: { interviewId: string; cameraId: string }];
  /** The program cut to a camera (on its keyframe), `waitedMs` after it was asked to. */
  programSwitched: [event: { interviewId: string; cameraId: string; waitedMs: number }];
  /** A recording part (the program's or a camera's ISO) began, or ended and was finalised. */
  recordingPart: [event: RecordingPartEvent & { interviewId: string }];
  /** A camera stopped publishing (stop, drop, replacement or shutdown). */
  feedDown: [event: { interviewId: string; cameraId: string; reason: WhipSessionCloseReason }];
}

/** What a WHIP POST gets back. */
export interface PublishResult {
  sessionId: string;
  answerSdp: string;
  etag: string;
}

/**
 * The media node's public interface: the server drives it (publish, patch, unpublish, end an
 * interview) and listens to its events. It owns the worker pool and one room per live interview.
 */
export class MediaServer extends EventEmitter<MediaServerEvents> {
  readonly ffmpegPath: string;
  readonly #options: MediaServerOptions;
  readonly #workers: WorkerPool;
  readonly #rooms = new Map<string, InterviewRoom>();
  readonly #logger: Logger;
  #closing: Promise<void> | undefined;

  private constructor(options: MediaServerOptions, workers: WorkerPool, ffmpegPath: string) {
    super();
    this.#options = options;
    this.#workers = workers;
    this.ffmpegPath = ffmpegPath;
    this.#logger = options.logger;
  }

  static async create(options: MediaServerOptions): Promise<MediaServer> {
    const ffmpegPath = findFfmpeg(options.ffmpegPath);
    const workers = await WorkerPool.create({
      size: options.workers,
      rtcMinPort: options.rtcMinPort,
      rtcMaxPort: options.rtcMaxPort,
      logger: options.logger.child({ part: 'workers' }),
    });
    options.logger.info({ ffmpegPath, workers: workers.pids }, 'media node ready');
    return new MediaServer(options, workers, ffmpegPath);
  }

  get workerPids(): number[] {
    return this.#workers.pids;
  }

  /** Whether every mediasoup worker is running and answers within `timeoutMs` (the server's readiness check). */
  workerHealth(timeoutMs: number): Promise<WorkerPoolHealth> {
    return this.#workers.health(timeoutMs);
  }

  /** The interviews with a live room (cameras publishing or a show not yet ended), for the server's metrics. */
  get liveInterviewIds(): string[] {
    return [...this.#rooms].filter(([, room]) => !room.ended).map(([id]) => id);
  }

  /** WHIP POST: accepts a camera's offer for an interview and answers it. */
  async publish(interviewId: string, cameraId: string, offerSdp: string): Promise<PublishResult> {
    if (this.#closing) throw new WhipError(503, 'shutting_down', 'the media server is shutting down; try again shortly');
    const session = await this.#room(interviewId).publish(cameraId, offerSdp);
    return { sessionId: session.id, answerSdp: session.answerSdp, etag: session.etag };
  }

  /** WHIP PATCH on a session resource. */
  async patch(cameraId: string, sessionId: string, ifMatch: string | undefined, body: string): Promise<PatchResult> {
    return this.#session(cameraId, sessionId).session.patch(ifMatch, body);
  }

  /** WHIP DELETE: the camera stops. When it was the last one, the show ends. */
  async unpublish(cameraId: string, sessionId: string): Promise<void> {
    const { room, session } = this.#session(cameraId, sessionId);
    await room.unpublish(session);
  }

  /** Cuts a camera off at once, e.g. when its token is revoked; the show goes on with other cameras. */
  disconnectCamera(cameraId: string): void {
    for (const room of this.#rooms.values()) room.disconnect(cameraId);
  }

  isPublishing(cameraId: string): boolean {
    return [...this.#rooms.values()].some((room) => room.isPublishing(cameraId));
  }

  isLive(interviewId: string): boolean {
    return this.#rooms.has(interviewId);
  }

  /**
   * The director's switcher: puts a publishing camera on air at its next keyframe. Resolves with the wait for the
   * cut (ms), or null when it had not landed within a few seconds.
   */
  async selectProgram(interviewId: string, cameraId: string): Promise<number | null> {
    const room = this.#rooms.get(interviewId);
    if (!room || room.ended) throw new MediaError('not_live', 'the interview is not live: no camera is publishing');
    return (await room.selectProgram(cameraId)) ?? null;
  }

  /** WHEP POST: a staff viewer of a camera or of the program; answers like a WHIP publish. */
  async watch(interviewId: string, target: { program: true } | { cameraId: string }, offerSdp: string): Promise<PublishResult> {
    if (this.#closing) throw new WhipError(503, 'shutting_down', 'the media server is shutting down; try again shortly');
    const room = this.#rooms.get(interviewId);
    if (!room || room.ended) throw new WhipError(409, 'not_live', 'the interview is not live: no camera is publishing');
    const viewer = await room.watch(target, offerSdp);
    return { sessionId: viewer.id, answerSdp: viewer.answerSdp, etag: viewer.etag };
  }

  /** WHEP PATCH on a viewer's session resource. */
  async patchViewer(sessionId: string, ifMatch: string | undefined, body: string): Promise<PatchResult> {
    return this.#viewer(sessionId).patch(ifMatch, body);
  }

  /** WHEP DELETE: the viewer leaves. */
  stopWatching(sessionId: string): void {
    this.#viewer(sessionId).close();
  }

  #viewer(sessionId: string): WhepSession {
    for (const room of this.#rooms.values()) {
      const viewer = room.viewer(sessionId);
      if (viewer) return viewer;
    }
    throw new WhipError(404, 'session_not_found', 'no such WHEP session (it has ended)');
  }

  /** The director's overlays on the program (lower third, logo, 直播 badge); none passes the camera through. */
  async setOverlays(interviewId: string, overlays: ProgramOverlays): Promise<ProgramOverlays> {
    const room = this.#rooms.get(interviewId);
    if (!room || room.ended) throw new MediaError('not_live', 'the interview is not live: no camera is publishing');
    await room.setOverlays(overlays);
    return room.overlays;
  }

  /** The overlays on the program now (none when off air). */
  overlays(interviewId: string): ProgramOverlays {
    const room = this.#rooms.get(interviewId);
    return room && !room.ended ? room.overlays : NO_OVERLAYS;
  }

  /** Whose microphone the program carries: the camera on air's, or one camera's throughout. */
  setProgramAudio(interviewId: string, choice: ProgramAudio): void {
    const room = this.#rooms.get(interviewId);
    if (!room || room.ended) throw new MediaError('not_live', 'the interview is not live: no camera is publishing');
    room.setProgramAudio(choice);
  }

  /** The director's status bar: the live room's state, or only the files and disk when off air. */
  async mediaStatus(interviewId: string): Promise<MediaStatus> {
    const room = this.#rooms.get(interviewId);
    if (room && !room.ended) return room.status();
    return {
      onAir: false,
      liveSince: null,
      programCameraId: null,
      pendingCameraId: null,
      audioCameraId: null,
      cameras: [],
      ...(await showFilesStatus(this.#options.dataDir, interviewId)),
    };
  }

  /** Ends a show from the console: every camera is disconnected and the playlist closed. */
  async endInterview(interviewId: string): Promise<void> {
    await this.#rooms.get(interviewId)?.end();
  }

  /** Ends every show (playlists closed, recordings finalised) and stops the workers. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.allSettled([...this.#rooms.values()].map((room) => room.end()));
      this.#workers.close();
      this.#logger.info('media node closed');
    })();
    return this.#closing;
  }

  #session(cameraId: string, sessionId: string): { room: InterviewRoom; session: WhipSession } {
    for (const room of this.#rooms.values()) {
      const session = room.session(cameraId, sessionId);
      if (session) return { room, session };
    }
    throw new WhipError(404, 'session_not_found', 'no such WHIP session (it has ended or was replaced by a newer one)');
  }

  #room(interviewId: string): InterviewRoom {
    const existing = this.#rooms.get(interviewId);
    if (existing && !existing.ended) return existing;
    const room = new InterviewRoom({
      interviewId,
      workers: this.#workers,
      listenInfos: this.#listenInfos(),
      ffmpegPath: this.ffmpegPath,
      dataDir: this.#options.dataDir,
      segmentSeconds: this.#options.hlsSegmentSeconds,
      recordingFormat: this.#options.recordingFormat,
      ...(this.#options.logoFile ? { logoFile: this.#options.logoFile } : {}),
      logger: this.#logger.child({ interviewId }),
    });
    this.#rooms.set(interviewId, room);
    room.on('programLive', () => this.emit('programLive', { interviewId }));
    room.on('feedUp', (cameraId) => this.emit('feedUp', { interviewId, cameraId }));
    room.on('recordingPart', (event) => this.emit('recordingPart', { ...event, interviewId }));
    room.on('programSwitched', (cameraId, waitedMs) => this.emit('programSwitched', { interviewId, cameraId, waitedMs }));
    room.on('feedDown', (cameraId, reason) => this.emit('feedDown', { interviewId, cameraId, reason }));
    room.on('programEnded', (recordingPaths) => {
      if (this.#rooms.get(interviewId) === room) this.#rooms.delete(interviewId);
      this.emit('programEnded', { interviewId, recordingPaths });
    });
    return room;
  }

  #listenInfos(): types.TransportListenInfo[] {
    const { listenIp, announcedIp } = this.#options;
    return (['udp', 'tcp'] as const).map((protocol) => ({ protocol, ip: listenIp, announcedIp }));
  }
}
