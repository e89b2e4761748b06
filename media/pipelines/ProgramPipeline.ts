import { EventEmitter } from 'node:events';
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { finaliseVodPlaylist } from '../recording/vodPlaylist.js';
import { FfmpegProcess, type FfmpegExit } from './FfmpegProcess.js';
import { hasOverlays, NO_OVERLAYS, type ProgramOverlays } from '../program/ProgramOverlays.js';
import { buildOverlayFilter } from './overlayFilter.js';
import { buildProgramArgs } from './programArgs.js';
import { buildRtpInputSdp, type RtpInputStream } from './rtpInputSdp.js';
import { allocateRtpPortPair, releaseRtpPortPair, waitForUdpPortsBound } from './udpPorts.js';

/** The producers that make the program: one camera's video and, when it sends one, its audio. */
export interface ProgramSource {
  router: types.Router;
  video: types.Producer;
  audio?: types.Producer;
}

export interface ProgramPipelineOptions {
  ffmpegPath: string;
  /** `<dataDir>/interviews/<id>`: `hls/` and `recordings/` go under it. */
  interviewDir: string;
  segmentSeconds: number;
  recordingFormat: 'mkv' | 'fmp4';
  /** The station logo (PNG) the director may lay over the program; unset: no logo. */
  logoFile?: string;
  logger: Logger;
}

export interface ProgramPipelineEvents {
  /** A segment was added to the playlist; `first` for the first one after each (re)start. */
  segment: [info: { first: boolean; segments: number }];
  /** FFmpeg died on its own; the pipeline restarts it while the source lives. */
  failed: [exit: FfmpegExit];
  /** A run began writing the recording part at `path`. */
  recordingStarted: [path: string];
  /** The run writing `path` ended: asked to, or FFmpeg died (`crashed`). */
  recordingEnded: [path: string, crashed: boolean];
}

const RESTART_DELAY_MS = 1000;
const PORT_BIND_TIMEOUT_MS = 3000;

/**
 * The live program of one interview: consumes the source's producers on PlainTransports into
 * FFmpeg, which writes the HLS playlist and a recording part. One pipeline, one FFmpeg at a time;
 * a new source (reconnect) or an FFmpeg crash starts a new run that appends to the same playlist
 * behind a discontinuity and writes a new recording part, so nothing recorded is overwritten.
 */
export class ProgramPipeline extends EventEmitter<ProgramPipelineEvents> {
  readonly #options: ProgramPipelineOptions;
  readonly #hlsDir: string;
  readonly #recordingsDir: string;
  #run: PipelineRun | undefined;
  #source: ProgramSource | undefined;
  #recordingPaths: string[] = [];
  #restartTimer: NodeJS.Timeout | undefined;
  #closed = false;
  #overlays: ProgramOverlays = NO_OVERLAYS;
  /** Serialises start/stop so a reconnect during a stop never runs two FFmpegs at once. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: ProgramPipelineOptions) {
    super();
    this.#options = options;
    this.#hlsDir = path.join(options.interviewDir, 'hls');
    this.#recordingsDir = path.join(options.interviewDir, 'recordings');
  }

  get playlistPath(): string {
    return path.join(this.#hlsDir, 'index.m3u8');
  }

  get recordingPaths(): string[] {
    return [...this.#recordingPaths];
  }

  get running(): boolean {
    return this.#run !== undefined;
  }

  /** Makes `source` the program (stopping the current run first). */
  setSource(source: ProgramSource): Promise<void> {
    return this.#enqueue(async () => {
      this.#source = source;
      await this.#stopRun();
      if (!this.#closed) await this.#startRun();
    });
  }

  get overlays(): ProgramOverlays {
    return this.#overlays;
  }

  /**
   * Draws the director's overlays over the HLS (encoding it), or none (passing it through again). A running
   * program restarts on the new arguments and continues its playlist behind a discontinuity.
   */
  setOverlays(overlays: ProgramOverlays): Promise<void> {
    return this.#enqueue(async () => {
      this.#overlays = overlays;
      if (!this.#run || this.#closed) return;
      await this.#stopRun();
      await this.#startRun();
    });
  }

  /** Stops the current run without closing the playlist: the show goes on when a source returns. */
  pause(): Promise<void> {
    return this.#enqueue(async () => {
      this.#source = undefined;
      await this.#stopRun();
    });
  }

  /** Stops FFmpeg and closes the playlist with EXT-X-ENDLIST. Idempotent. */
  finish(): Promise<string[]> {
    return this.#enqueue(async () => {
      this.#closed = true;
      this.#source = undefined;
      await this.#stopRun();
      // The replay: playlist type VOD and ENDLIST over every run's segments.
      await finaliseVodPlaylist(this.playlistPath);
      // A run whose FFmpeg failed before writing anything leaves no file, or an empty one.
      this.#recordingPaths = this.#recordingPaths.filter((file) => existsSync(file) && statSync(file).size > 0);
      return this.recordingPaths;
    });
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(task, task);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #startRun(): Promise<void> {
    const source = this.#source;
    if (!source || source.video.closed) return;
    await mkdir(this.#hlsDir, { recursive: true });
    await mkdir(this.#recordingsDir, { recursive: true });
    // Milliseconds too: a run restarted within the second after a crash must not overwrite the part before it.
    const stamp = new Date().toISOString().replace(/[-:]/g, '');
    const extension = this.#options.recordingFormat === 'mkv' ? 'mkv' : 'mp4';
    const recordingPath = path.join(this.#recordingsDir, `program-${stamp}.${extension}`);
    const append = existsSync(this.playlistPath);
    const logger = this.#options.logger.child({ recording: path.basename(recordingPath) });

    const run = await PipelineRun.start({
      source,
      ffmpegPath: this.#options.ffmpegPath,
      hlsDir: this.#hlsDir,
      recordingPath,
      recordingFormat: this.#options.recordingFormat,
      segmentSeconds: this.#options.segmentSeconds,
      append,
      overlayFilter: await this.#overlayFilter(),
      logger,
    });
    this.#run = run;
    this.#recordingPaths.push(recordingPath);
    this.emit('recordingStarted', recordingPath);
    run.on('segment', (info) => this.emit('segment', info));
    run.on('exit', (exit) => {
      this.emit('recordingEnded', recordingPath, !exit.requested);
      if (this.#run !== run || exit.requested) return;
      this.#run = undefined;
      run.close();
      this.emit('failed', exit);
      this.#scheduleRestart();
    });
  }

  /** The -vf graph for the overlays on, with the texts written to files it reads; undefined for none. */
  async #overlayFilter(): Promise<string | undefined> {
    const overlays = this.#overlays;
    if (!hasOverlays(overlays)) return undefined;
    const dir = path.join(this.#options.interviewDir, 'overlay');
    await mkdir(dir, { recursive: true });
    const text = { name: path.join(dir, 'name.txt'), position: path.join(dir, 'position.txt'), badge: path.join(dir, 'badge.txt') };
    await writeFile(text.name, overlays.lowerThird?.name ?? '');
    await writeFile(text.position, overlays.lowerThird?.position ?? '');
    await writeFile(text.badge, '直播');
    return buildOverlayFilter(overlays, text, this.#options.logoFile);
  }

  #scheduleRestart(): void {
    if (this.#closed || this.#restartTimer) return;
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = undefined;
      void this.#enqueue(async () => {
        if (!this.#run && this.#source && !this.#source.video.closed && !this.#closed) await this.#startRun();
      }).catch((error: unknown) => this.#options.logger.error({ err: error }, 'could not restart the program pipeline'));
    }, RESTART_DELAY_MS);
  }

  async #stopRun(): Promise<void> {
    clearTimeout(this.#restartTimer);
    this.#restartTimer = undefined;
    const run = this.#run;
    this.#run = undefined;
    if (run) await run.stop();
  }
}

interface PipelineRunOptions {
  source: ProgramSource;
  ffmpegPath: string;
  hlsDir: string;
  recordingPath: string;
  recordingFormat: 'mkv' | 'fmp4';
  segmentSeconds: number;
  append: boolean;
  overlayFilter: string | undefined;
  logger: Logger;
}

interface PipelineRunEvents {
  segment: [info: { first: boolean; segments: number }];
  exit: [exit: FfmpegExit];
}

/** One FFmpeg process with the transports and consumers that feed it. Owned by ProgramPipeline. */
class PipelineRun extends EventEmitter<PipelineRunEvents> {
  #transports: types.PlainTransport[] = [];
  #consumers: types.Consumer[] = [];
  #ports: number[] = [];
  #ffmpeg: FfmpegProcess | undefined;
  /** Drives keyframe requests: see #keepKeyframeCadence. */
  #keyframeTimer: NodeJS.Timeout | undefined;
  #watcher: FSWatcher | undefined;
  #closed = false;
  #segmentsAtStart = -1;
  #sawFirst = false;

  static async start(options: PipelineRunOptions): Promise<PipelineRun> {
    const run = new PipelineRun();
    try {
      await run.#start(options);
    } catch (error) {
      run.close();
      throw error;
    }
    return run;
  }

  async #start(o: PipelineRunOptions): Promise<void> {
    const started = performance.now();
    const producers = [o.source.video, ...(o.source.audio && !o.source.audio.closed ? [o.source.audio] : [])];
    const capabilities = consumerCapabilities(o.source.router.rtpCapabilities);
    const streams: RtpInputStream[] = [];
    for (const producer of producers) {
      const port = await allocateRtpPortPair();
      this.#ports.push(port);
      const transport = await o.source.router.createPlainTransport({
        listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
        rtcpMux: false,
        comedia: false,
      });
      this.#transports.push(transport);
      await transport.connect({ ip: '127.0.0.1', port, rtcpPort: port + 1 });
      // Paused until FFmpeg has bound its ports, so the first keyframe is not sent into the void.
      const consumer = await transport.consume({ producerId: producer.id, rtpCapabilities: capabilities, paused: true });
      this.#consumers.push(consumer);
      streams.push({ kind: producer.kind, port, rtpParameters: consumer.rtpParameters });
    }

    const sdpPath = path.join(o.hlsDir, '..', 'program.sdp');
    await writeFile(sdpPath, buildRtpInputSdp(streams));
    this.#segmentsAtStart = await countSegments(path.join(o.hlsDir, 'index.m3u8'));
    this.#watchPlaylist(o.hlsDir);

    const videoCodec = streams[0]!.rtpParameters.codecs[0]!.mimeType.split('/')[1]!;
    const args = buildProgramArgs({
      sdpPath,
      hlsDir: o.hlsDir,
      segmentSeconds: o.segmentSeconds,
      recordingPath: o.recordingPath,
      recordingFormat: o.recordingFormat,
      videoCodec,
      hasAudio: streams.some((s) => s.kind === 'audio'),
      append: o.append,
      ...(o.overlayFilter ? { overlayFilter: o.overlayFilter } : {}),
    });
    const spawnedAt = performance.now();
    const ffmpeg = new FfmpegProcess(o.ffmpegPath, args, o.logger);
    this.#ffmpeg = ffmpeg;
    ffmpeg.on('exit', (exit) => this.emit('exit', exit));

    const rtpPorts = streams.flatMap((s) => [s.port, s.port + 1]);
    if (!(await waitForUdpPortsBound(rtpPorts, PORT_BIND_TIMEOUT_MS))) {
      o.logger.warn({ rtpPorts }, 'FFmpeg has not bound its RTP ports yet; sending anyway');
    }
    const boundAt = performance.now();
    for (const consumer of this.#consumers) await consumer.resume();
    const video = this.#consumers.find((c) => c.kind === 'video')!;
    await this.#keepKeyframeCadence(video, o.segmentSeconds * 1000);
    o.logger.info(
      {
        videoCodec,
        ffmpegPid: ffmpeg.pid,
        append: o.append,
        setupMs: Math.round(spawnedAt - started),
        portsBoundMs: Math.round(boundAt - spawnedAt),
      },
      'program pipeline started',
    );
  }

  /**
   * Cameras send keyframes only on request, and a copied H.264 stream can only be cut on one. After
   * the first keyframe reaches FFmpeg, the next is requested a quarter segment later (a short first
   * segment, so viewers see the show sooner), then one every segment.
   */
  async #keepKeyframeCadence(video: types.Consumer, intervalMs: number): Promise<void> {
    const request = () => {
      if (!video.closed) video.requestKeyFrame().catch(() => undefined);
    };
    await video.enableTraceEvent(['keyframe']);
    video.once('trace', () => {
      if (this.#closed) return;
      video.enableTraceEvent([]).catch(() => undefined);
      clearTimeout(this.#keyframeTimer);
      this.#keyframeTimer = setTimeout(() => {
        request();
        this.#keyframeTimer = setInterval(request, intervalMs);
      }, intervalMs / 4);
    });
    request();
    // Until the first keyframe arrives (the camera may still be connecting), keep asking.
    this.#keyframeTimer = setInterval(request, 500);
  }

  #watchPlaylist(hlsDir: string): void {
    const playlist = path.join(hlsDir, 'index.m3u8');
    this.#watcher = watch(hlsDir, (_event, name) => {
      if (name !== 'index.m3u8' || this.#closed) return;
      void countSegments(playlist).then((segments) => {
        if (this.#closed || segments <= this.#segmentsAtStart) return;
        const first = !this.#sawFirst;
        this.#sawFirst = true;
        this.#segmentsAtStart = segments;
        this.emit('segment', { first, segments });
      });
    });
  }

  /** Stops FFmpeg while RTP still flows (so it writes its trailers), then closes the transports. */
  async stop(): Promise<void> {
    clearTimeout(this.#keyframeTimer);
    if (this.#ffmpeg) await this.#ffmpeg.stop();
    this.close();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#keyframeTimer);
    this.#watcher?.close();
    for (const transport of this.#transports) transport.close();
    for (const port of this.#ports) releaseRtpPortPair(port);
  }
}

/** The router's codecs without RTX, feedback or header extensions: FFmpeg neither NACKs nor reads them. */
function consumerCapabilities(routerCapabilities: types.RtpCapabilities): types.RtpCapabilities {
  return {
    codecs: (routerCapabilities.codecs ?? [])
      .filter((c) => !c.mimeType.toLowerCase().endsWith('/rtx'))
      .map((c) => ({ ...c, rtcpFeedback: [] })),
    headerExtensions: [],
  };
}

async function countSegments(playlist: string): Promise<number> {
  const text = await readFile(playlist, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line.startsWith('#EXTINF')).length;
}
