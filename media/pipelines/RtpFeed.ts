import { writeFile } from 'node:fs/promises';
import type { types } from 'mediasoup';
import { buildRtpInputSdp, type RtpInputStream } from './rtpInputSdp.js';
import { allocateRtpPortPair, releaseRtpPortPair, waitForUdpPortsBound } from './udpPorts.js';

const PORT_BIND_TIMEOUT_MS = 3000;

/**
 * Producers fed to a local FFmpeg as plain RTP: one PlainTransport and paused consumer per producer, an SDP file
 * describing them, and keyframe requests on a cadence (cameras send keyframes only on request, and a recording cut
 * for clips needs one every few seconds). `open()` prepares; `start()` resumes once FFmpeg has bound its ports.
 */
export class RtpFeed {
  readonly #transports: types.PlainTransport[] = [];
  readonly #consumers: types.Consumer[] = [];
  readonly #ports: number[] = [];
  #keyframeTimer: NodeJS.Timeout | undefined;
  #closed = false;
  streams: RtpInputStream[] = [];

  /** Consumes `producers` on `router` and writes the SDP FFmpeg reads to `sdpPath`. */
  static async open(router: types.Router, producers: types.Producer[], sdpPath: string): Promise<RtpFeed> {
    const feed = new RtpFeed();
    try {
      const capabilities = plainRtpCapabilities(router.rtpCapabilities);
      for (const producer of producers) {
        const port = await allocateRtpPortPair();
        feed.#ports.push(port);
        const transport = await router.createPlainTransport({
          listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
          rtcpMux: false,
          comedia: false,
        });
        feed.#transports.push(transport);
        await transport.connect({ ip: '127.0.0.1', port, rtcpPort: port + 1 });
        const consumer = await transport.consume({ producerId: producer.id, rtpCapabilities: capabilities, paused: true });
        feed.#consumers.push(consumer);
        feed.streams.push({ kind: producer.kind, port, rtpParameters: consumer.rtpParameters });
      }
      await writeFile(sdpPath, buildRtpInputSdp(feed.streams));
    } catch (error) {
      feed.close();
      throw error;
    }
    return feed;
  }

  /** The video codec's name as FFmpeg knows it (H264, VP8). */
  get videoCodec(): string {
    const video = this.streams.find((s) => s.kind === 'video');
    return video?.rtpParameters.codecs[0]?.mimeType.split('/')[1] ?? 'none';
  }

  get hasAudio(): boolean {
    return this.streams.some((s) => s.kind === 'audio');
  }

  /** True once a consumer closed under it (the camera left, or the worker died). */
  get broken(): boolean {
    return this.#consumers.some((c) => c.closed);
  }

  /** Resumes the consumers once FFmpeg listens, then asks for a keyframe now and every `keyframeMs`. */
  async start(keyframeMs: number): Promise<boolean> {
    const bound = await waitForUdpPortsBound(
      this.streams.flatMap((s) => [s.port, s.port + 1]),
      PORT_BIND_TIMEOUT_MS,
    );
    for (const consumer of this.#consumers) if (!consumer.closed) await consumer.resume();
    const video = this.#consumers.find((c) => c.kind === 'video');
    if (video) {
      const request = () => {
        if (!video.closed) video.requestKeyFrame().catch(() => undefined);
      };
      request();
      // Quickly at first (the camera may still be connecting), then on the cadence.
      const early = setInterval(request, 500);
      this.#keyframeTimer = early;
      setTimeout(() => {
        clearInterval(early);
        if (!this.#closed) this.#keyframeTimer = setInterval(request, keyframeMs);
      }, 2000);
    }
    return bound;
  }

  /** Closes the transports (FFmpeg's input goes silent) and frees the ports. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#keyframeTimer);
    for (const transport of this.#transports) transport.close();
    for (const port of this.#ports) releaseRtpPortPair(port);
  }
}

/** The router's codecs without RTX, feedback or header extensions: FFmpeg neither NACKs nor reads them. */
function plainRtpCapabilities(routerCapabilities: types.RtpCapabilities): types.RtpCapabilities {
  return {
    codecs: (routerCapabilities.codecs ?? [])
      .filter((c) => !c.mimeType.toLowerCase().endsWith('/rtx'))
      .map((c) => ({ ...c, rtcpFeedback: [] })),
    headerExtensions: [],
  };
}
