import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import type { WhipSession } from '../whip/WhipSession.js';
import type { CameraMediaStatus } from './MediaStatus.js';

/**
 * One publishing camera as the director sees it: its WHIP session's producers, watched for
 * keyframes (trace events) and read for bitrate and loss (getStats) when the status is asked for.
 */
export class CameraFeed {
  readonly session: WhipSession;
  #lastKeyframeAt: Date | undefined;
  #resolution: { width: number; height: number } | undefined;
  #logger: Logger;

  private constructor(session: WhipSession, logger: Logger) {
    this.session = session;
    this.#logger = logger;
  }

  static async create(session: WhipSession, logger: Logger): Promise<CameraFeed> {
    const feed = new CameraFeed(session, logger.child({ cameraId: session.cameraId }));
    const video = session.videoProducer;
    if (video) {
      video.on('trace', (trace) => {
        if (trace.type === 'keyframe') feed.#lastKeyframeAt = new Date();
      });
      await video.enableTraceEvent(['keyframe']);
    }
    return feed;
  }

  get cameraId(): string {
    return this.session.cameraId;
  }

  get videoCodec(): string | null {
    const mimeType = this.session.videoProducer?.rtpParameters.codecs[0]?.mimeType;
    return mimeType ? mimeType.split('/')[1]! : null;
  }

  /** Set by whoever reads the video's keyframes (the program bus parses SPS and VP8 headers). */
  noteResolution(width: number, height: number): void {
    this.#resolution = { width, height };
  }

  async status(): Promise<CameraMediaStatus> {
    const producers = [this.session.videoProducer, this.session.audioProducer].filter(
      (p): p is types.Producer => p !== undefined && !p.closed,
    );
    let bitrate = 0;
    let loss: number | null = null;
    for (const producer of producers) {
      const stats = await producer.getStats().catch((error: unknown) => {
        this.#logger.warn({ err: error }, 'could not read producer stats');
        return [];
      });
      for (const stat of stats) {
        bitrate += stat.bitrate;
        // fractionLost is the RTCP fraction (0–255) of the last interval; the video's counts most.
        if (producer.kind === 'video' || loss === null) loss = (stat.fractionLost / 256) * 100;
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
      lastKeyframeAt: this.#lastKeyframeAt?.toISOString() ?? null,
    };
  }
}
