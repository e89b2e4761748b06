import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import type { WhipSession } from '../whip/WhipSession.js';
import type { CameraMediaStatus } from './MediaStatus.js';
import { isRtp, payload } from './rtpHeader.js';
import { keyframeStart, type VideoCodecName } from './videoKeyframes.js';

export interface CameraFeedEvents {
  /** One RTP packet of the camera, as the router numbers it (its own payload types, no header extensions). */
  rtp: [kind: 'audio' | 'video', packet: Buffer];
}

/**
 * One publishing camera in the room: its WHIP session's producers consumed on the room's DirectTransport, so its
 * RTP reaches the program bus in Node. It watches keyframes (their time and the picture size in them) and reads
 * bitrate and loss (getStats) when the status is asked for. Closed with its session.
 */
export class CameraFeed extends EventEmitter<CameraFeedEvents> {
  readonly session: WhipSession;
  /** The bus's name for this feed: a camera that reconnects is a new source. */
  readonly sourceId: string;
  readonly videoCodec: VideoCodecName;
  #consumers: types.Consumer[] = [];
  #lastKeyframeAt: Date | undefined;
  #resolution: { width: number; height: number } | undefined;
  #logger: Logger;

  private constructor(session: WhipSession, videoCodec: VideoCodecName, logger: Logger) {
    super();
    this.session = session;
    this.sourceId = session.id;
    this.videoCodec = videoCodec;
    this.#logger = logger;
  }

  static async create(options: {
    session: WhipSession;
    direct: types.DirectTransport;
    routerCapabilities: types.RtpCapabilities;
    logger: Logger;
  }): Promise<CameraFeed> {
    const { session, direct, logger } = options;
    const video = session.videoProducer;
    if (!video) throw new Error('a camera feed needs a video producer');
    const codec = video.rtpParameters.codecs[0]!.mimeType.split('/')[1]!.toUpperCase() === 'VP8' ? 'VP8' : 'H264';
    const feed = new CameraFeed(session, codec, logger.child({ cameraId: session.cameraId }));
    try {
      const capabilities = directCapabilities(options.routerCapabilities);
      for (const producer of [video, session.audioProducer]) {
        if (!producer || producer.closed) continue;
        const consumer = await direct.consume({ producerId: producer.id, rtpCapabilities: capabilities });
        const kind = producer.kind;
        consumer.on('rtp', (packet) => feed.#onRtp(kind, packet));
        feed.#consumers.push(consumer);
      }
    } catch (error) {
      feed.close();
      throw error;
    }
    return feed;
  }

  get cameraId(): string {
    return this.session.cameraId;
  }

  /** The router's codec parameters of this feed's `kind` (payload type, fmtp), as the bus receives them. */
  codec(kind: 'audio' | 'video'): types.RtpCodecParameters | undefined {
    return this.#consumers.find((c) => c.kind === kind && !c.closed)?.rtpParameters.codecs[0];
  }

  get hasAudio(): boolean {
    return this.#consumers.some((c) => c.kind === 'audio' && !c.closed);
  }

  /** Asks the camera for a keyframe (RTCP PLI through the router). */
  requestKeyFrame(): void {
    for (const consumer of this.#consumers) {
      if (consumer.kind === 'video' && !consumer.closed) {
        consumer.requestKeyFrame().catch((error: unknown) => this.#logger.debug({ err: error }, 'keyframe request failed'));
      }
    }
  }

  async status(): Promise<CameraMediaStatus> {
    const producers = [this.session.videoProducer, this.session.audioProducer].filter(
      (p): p is types.Producer => p !== undefined && !p.closed,
    );
    let bitrate = 0;
    let loss: number | null = null;
    let keyframeRequests: number | null = null;
    for (const producer of producers) {
      const stats = await producer.getStats().catch((error: unknown) => {
        this.#logger.warn({ err: error }, 'could not read producer stats');
        return [];
      });
      for (const stat of stats) {
        bitrate += stat.bitrate;
        // fractionLost is the RTCP fraction (0–255) of the last interval; the video's counts most.
        if (producer.kind === 'video' || loss === null) loss = (stat.fractionLost / 256) * 100;
        if (producer.kind === 'video') keyframeRequests = (keyframeRequests ?? 0) + stat.pliCount + stat.firCount;
      }
    }
    return {
      cameraId: this.cameraId,
      connected: !this.session.closed,
      codec: this.videoCodec,
      width: this.#resolution?.width ?? null,
      height: this.#resolution?.height ?? null,
      bitrateKbps: producers.length > 0 ? Math.round(bitrate / 1000) : null,
      packetLossPercent: loss === null ? null : Math.round(loss * 10) / 10,
      keyframeRequests,
      lastKeyframeAt: this.#lastKeyframeAt?.toISOString() ?? null,
    };
  }

  /** Closes the consumers (the session owns the producers). Idempotent. */
  close(): void {
    for (const consumer of this.#consumers) consumer.close();
    this.#consumers = [];
  }

  #onRtp(kind: 'audio' | 'video', packet: Buffer): void {
    if (!isRtp(packet)) return;
    if (kind === 'video') {
      const key = keyframeStart(this.videoCodec, payload(packet));
      if (key) {
        this.#lastKeyframeAt = new Date();
        if (key.width && key.height) this.#resolution = { width: key.width, height: key.height };
      }
    }
    this.emit('rtp', kind, packet);
  }
}

/** The router's codecs without RTX, NACK or header extensions: the bus neither repairs nor reads them. */
export function directCapabilities(routerCapabilities: types.RtpCapabilities): types.RtpCapabilities {
  return {
    codecs: (routerCapabilities.codecs ?? [])
      .filter((c) => !c.mimeType.toLowerCase().endsWith('/rtx'))
      .map((c) => ({ ...c, rtcpFeedback: [] })),
    headerExtensions: [],
  };
}
