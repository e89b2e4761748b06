import { EventEmitter } from 'node:events';
import { randomInt } from 'node:crypto';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { MediaError } from '../errors.js';
import type { ProgramSource } from '../pipelines/ProgramPipeline.js';
import type { WhipSession } from '../whip/WhipSession.js';
import { CameraFeed } from './CameraFeed.js';
import { ProgramBus } from './ProgramBus.js';
import { asksForKeyframe } from './rtcpFeedback.js';

export interface ProgramSwitcherEvents {
  /** The cut landed: `cameraId` is on the program from its keyframe on. */
  switched: [cameraId: string, waitedMs: number];
}

/** Where the program's audio comes from. */
export type ProgramAudio = { follow: 'video' } | { follow: 'camera'; cameraId: string };

/** How long a select waits for the cut before answering "still pending". */
const SELECT_WAIT_MS = 3000;
/** A keyframe request can be lost (it is one RTCP packet): ask again this often while a cut is armed. */
const KEYFRAME_RETRY_MS = 300;

/**
 * The program bus on mediasoup. Every camera is consumed on one DirectTransport (so its RTP reaches Node), the bus
 * picks and renumbers what goes on air, and the result is produced back into the router as the program's own
 * producers, with one SSRC and unbroken numbering for the whole show. The program pipeline (FFmpeg) and WHEP
 * viewers consume those producers like any camera's; their keyframe requests (PLI/FIR) arrive here as RTCP and go
 * to the camera on air.
 *
 * Why not pause and resume PlainTransport consumers: each camera's consumer is its own RTP stream (SSRC, sequence
 * and timestamp base), so FFmpeg would see a jump at every cut; the program could only be kept whole by restarting
 * FFmpeg, which breaks the HLS timeline. Through Node the cut costs ~0.1 ms of CPU per packet (docs/architecture.md).
 */
export class ProgramSwitcher extends EventEmitter<ProgramSwitcherEvents> {
  readonly #router: types.Router;
  readonly #direct: types.DirectTransport;
  readonly #bus: ProgramBus;
  readonly #logger: Logger;
  readonly #feeds = new Map<string, CameraFeed>();
  readonly #videoSsrc = randomInt(1, 0xffffffff);
  readonly #audioSsrc = randomInt(1, 0xffffffff);
  #video: types.Producer | undefined;
  #audio: types.Producer | undefined;
  #audioChoice: ProgramAudio = { follow: 'video' };
  #keyframeRetry: NodeJS.Timeout | undefined;
  #waiters: { sourceId: string; resolve: (waitedMs: number | undefined) => void }[] = [];
  #closed = false;

  private constructor(router: types.Router, direct: types.DirectTransport, logger: Logger) {
    super();
    this.#router = router;
    this.#direct = direct;
    this.#logger = logger;
    const opus = router.rtpCapabilities.codecs?.find((c) => c.mimeType.toLowerCase() === 'audio/opus');
    this.#bus = new ProgramBus({
      video: { ssrc: this.#videoSsrc, payloadType: 0 },
      audio: { ssrc: this.#audioSsrc, payloadType: opus?.preferredPayloadType ?? 100 },
    });
    direct.on('rtcp', (packet) => {
      if (asksForKeyframe(packet)) this.#feedToAsk()?.requestKeyFrame();
    });
  }

  static async create(router: types.Router, logger: Logger): Promise<ProgramSwitcher> {
    const direct = await router.createDirectTransport();
    return new ProgramSwitcher(router, direct, logger);
  }

  /** The camera whose picture is on the program now. */
  get onAirCameraId(): string | undefined {
    return this.#cameraOf(this.#bus.onAir);
  }

  /** The camera a cut is armed for. */
  get pendingCameraId(): string | undefined {
    return this.#cameraOf(this.#bus.pending);
  }

  get audio(): ProgramAudio {
    return this.#audioChoice;
  }

  /** The program's producers for the pipeline; undefined until a camera was selected. */
  get programSource(): ProgramSource | undefined {
    if (!this.#video || this.#video.closed) return undefined;
    return { router: this.#router, video: this.#video, ...(this.#audio && !this.#audio.closed ? { audio: this.#audio } : {}) };
  }

  feedOf(cameraId: string): CameraFeed | undefined {
    return [...this.#feeds.values()].find((feed) => feed.cameraId === cameraId);
  }

  /** Starts taking a camera's RTP; it goes on air only when selected. */
  async addFeed(session: WhipSession): Promise<CameraFeed> {
    const feed = await CameraFeed.create({
      session,
      direct: this.#direct,
      routerCapabilities: this.#router.rtpCapabilities,
      logger: this.#logger,
    });
    this.#feeds.set(feed.sourceId, feed);
    this.#bus.addSource(feed.sourceId, feed.videoCodec);
    feed.on('rtp', (kind, packet) => this.#onRtp(feed, kind, packet));
    this.#applyAudioChoice();
    return feed;
  }

  /** The camera left: its feed closes; the program keeps its numbering for whoever comes next. */
  removeFeed(feed: CameraFeed): void {
    if (this.#feeds.get(feed.sourceId) !== feed) return;
    this.#feeds.delete(feed.sourceId);
    this.#bus.removeSource(feed.sourceId);
    feed.close();
    this.#settle(feed.sourceId, undefined);
    this.#applyAudioChoice();
  }

  /**
   * Arms a cut to the camera at its next keyframe (asked for now). Resolves with the wait once the cut landed, or
   * undefined if it had not within a few seconds (it still lands when the keyframe comes). The program's producers
   * are made on the first select, and again when nothing is on air and the camera's codec differs.
   */
  async select(cameraId: string): Promise<number | undefined> {
    const feed = this.feedOf(cameraId);
    if (!feed) throw new MediaError('camera_not_live', 'that camera is not publishing; start it first');
    if (this.#bus.onAir === feed.sourceId) return 0;
    await this.#ensureProducers(feed);
    this.#bus.select(feed.sourceId, performance.now());
    feed.requestKeyFrame();
    clearInterval(this.#keyframeRetry);
    this.#keyframeRetry = setInterval(() => this.#feedToAsk()?.requestKeyFrame(), KEYFRAME_RETRY_MS);
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#settle(feed.sourceId, undefined), SELECT_WAIT_MS);
      this.#waiters.push({
        sourceId: feed.sourceId,
        resolve: (waited) => {
          clearTimeout(timer);
          resolve(waited);
        },
      });
    });
  }

  /** Audio follows the picture, or stays on one camera's microphone (also while another camera is on air). */
  setAudio(choice: ProgramAudio): void {
    this.#audioChoice = choice;
    this.#applyAudioChoice();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#keyframeRetry);
    for (const feed of this.#feeds.values()) feed.close();
    this.#feeds.clear();
    this.#direct.close();
    for (const waiter of this.#waiters.splice(0)) waiter.resolve(undefined);
  }

  #onRtp(feed: CameraFeed, kind: 'audio' | 'video', packet: Buffer): void {
    const now = performance.now();
    if (kind === 'audio') {
      const out = this.#bus.pushAudio(feed.sourceId, packet, now);
      if (out && this.#audio && !this.#audio.closed) this.#audio.send(out);
      return;
    }
    const result = this.#bus.pushVideo(feed.sourceId, packet, now);
    const video = this.#video;
    if (video && !video.closed) for (const out of result.packets) video.send(out);
    if (result.switched) {
      clearInterval(this.#keyframeRetry);
      this.#logger.info({ cameraId: feed.cameraId, waitedMs: Math.round(result.switched.waitedMs) }, 'program cut');
      this.#settle(feed.sourceId, result.switched.waitedMs);
      this.emit('switched', feed.cameraId, result.switched.waitedMs);
    }
  }

  /** A keyframe request from downstream goes to the camera about to be cut to, else to the one on air. */
  #feedToAsk(): CameraFeed | undefined {
    const sourceId = this.#bus.pending ?? this.#bus.onAir;
    return sourceId === undefined ? undefined : this.#feeds.get(sourceId);
  }

  #settle(sourceId: string, waitedMs: number | undefined): void {
    this.#waiters = this.#waiters.filter((waiter) => {
      if (waiter.sourceId !== sourceId) return true;
      waiter.resolve(waitedMs);
      return false;
    });
  }

  #cameraOf(sourceId: string | undefined): string | undefined {
    return sourceId === undefined ? undefined : this.#feeds.get(sourceId)?.cameraId;
  }

  #applyAudioChoice(): void {
    const choice = this.#audioChoice;
    const fixed = choice.follow === 'camera' ? this.feedOf(choice.cameraId) : undefined;
    // A chosen microphone that is not connected leaves the program silent until it is, as a fader would.
    this.#bus.setAudioFollow(
      choice.follow === 'video' ? { follow: 'video' } : { follow: 'source', sourceId: fixed?.sourceId ?? `absent:${choice.cameraId}` },
    );
  }

  async #ensureProducers(feed: CameraFeed): Promise<void> {
    const codec = feed.codec('video')!;
    const current = this.#video?.rtpParameters.codecs[0];
    const sameFamily = current !== undefined && current.mimeType.toLowerCase() === codec.mimeType.toLowerCase();
    if (!this.#video || this.#video.closed || !sameFamily) {
      if (this.#video && !this.#video.closed && this.#bus.onAir !== undefined) {
        throw new MediaError(
          'codec_mismatch',
          `this camera sends ${feed.videoCodec} while the program is ${current!.mimeType.split('/')[1]}; set its encoder to the same codec`,
        );
      }
      this.#video?.close();
      this.#video = await this.#direct.produce({
        kind: 'video',
        rtpParameters: {
          codecs: [{ ...codec, rtcpFeedback: [{ type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }] }],
          encodings: [{ ssrc: this.#videoSsrc }],
          rtcp: { cname: 'program', reducedSize: true },
        },
      });
      this.#bus.setVideoPayloadType(codec.payloadType);
    }
    const opus = feed.codec('audio');
    if ((!this.#audio || this.#audio.closed) && opus) {
      this.#audio = await this.#direct.produce({
        kind: 'audio',
        rtpParameters: {
          codecs: [{ ...opus, rtcpFeedback: [] }],
          encodings: [{ ssrc: this.#audioSsrc }],
          rtcp: { cname: 'program', reducedSize: true },
        },
      });
    }
  }
}
