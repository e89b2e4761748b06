import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { WhipError } from '../errors.js';
import { directCapabilities } from '../program/CameraFeed.js';
import { asksForKeyframe } from '../program/rtcpFeedback.js';
import { applyIcePatch, newEtag, type IceState, type PatchResult } from '../whip/icePatch.js';
import { buildWhepAnswer, type AnsweredTrack } from './WhepAnswer.js';
import { offerIceCredentials, parseWhepOffer, type WhepOffer } from './WhepOffer.js';
import { viewerCodec } from './viewerCodec.js';

export interface WhepSessionEvents {
  /** Emitted once, after the transport and its consumers are closed. */
  close: [];
}

export interface WhepSessionOptions {
  /** The show's router, where the watched producers are. */
  router: types.Router;
  /** Where the viewer's own router is made. */
  worker: types.Worker;
  offerSdp: string;
  listenInfos: types.TransportListenInfo[];
  /** What is watched: a camera's producers, or the program's. */
  producers: types.Producer[];
  logger: Logger;
}

/**
 * One WHEP viewer (draft-ietf-wish-whep): a WebRtcTransport with a consumer per watched producer. An SDP answer
 * must keep the offer's payload types, but a mediasoup consumer sends with its router's, so each viewer gets a
 * small router of its own whose codecs carry the offer's numbers. The watched producers are relayed into it
 * through Node (DirectTransports; pipeToRouter cannot pipe within one worker in mediasoup 3.13), renumbering only
 * the payload type, and the viewer's keyframe requests go back to the source. Ends with DELETE, when the viewer's
 * DTLS ends, or when what it watched goes away (the camera left): the console then asks again.
 */
export class WhepSession extends EventEmitter<WhepSessionEvents> {
  readonly id = randomBytes(16).toString('base64url');
  readonly answerSdp: string;
  #transport: types.WebRtcTransport;
  #router: types.Router;
  #source: types.DirectTransport;
  #offer: WhepOffer;
  #ice: IceState;
  #closed = false;
  #logger: Logger;

  private constructor(
    router: types.Router,
    source: types.DirectTransport,
    transport: types.WebRtcTransport,
    offer: WhepOffer,
    answerSdp: string,
    consumers: types.Consumer[],
    logger: Logger,
  ) {
    super();
    this.#router = router;
    this.#source = source;
    this.#transport = transport;
    this.#offer = offer;
    this.answerSdp = answerSdp;
    this.#logger = logger;
    this.#ice = { etag: newEtag(), ...offerIceCredentials(offer) };
    transport.on('dtlsstatechange', (state) => {
      if (state === 'connected') for (const consumer of consumers) if (consumer.kind === 'video') consumer.requestKeyFrame().catch(() => undefined);
      if (state === 'failed' || state === 'closed') this.close();
    });
    transport.on('routerclose', () => this.close());
    for (const consumer of consumers) consumer.on('producerclose', () => this.close());
  }

  static async create(options: WhepSessionOptions): Promise<WhepSession> {
    const offer = parseWhepOffer(options.offerSdp);
    const watched: { producer: types.Producer; track: (typeof offer.tracks)[number]; codec: types.RtpCodecCapability }[] = [];
    for (const track of offer.tracks) {
      const producer = options.producers.find((p) => p.kind === track.kind && !p.closed);
      if (!producer) continue;
      const codec = viewerCodec(track.capabilities, producer);
      if (!codec) throw new WhipError(400, 'sdp_unsupported', `the viewer cannot receive ${producer.rtpParameters.codecs[0]!.mimeType}; offer it`);
      watched.push({ producer, track, codec });
    }
    if (!watched.some((w) => w.producer.kind === 'video')) {
      throw new WhipError(400, 'sdp_unsupported', 'the offer has no recvonly video section to send the picture in');
    }
    const router = await options.worker.createRouter({
      mediaCodecs: watched.map(({ codec }) => ({ ...codec, rtcpFeedback: [] })),
    });
    const source = await options.router.createDirectTransport();
    try {
      const relay = await router.createDirectTransport();
      const relayed: { producer: types.Producer; track: (typeof watched)[number]['track']; codec: types.RtpCodecCapability }[] = [];
      const sourceVideo: types.Consumer[] = [];
      for (const { producer, track, codec } of watched) {
        const input = await source.consume({ producerId: producer.id, rtpCapabilities: directCapabilities(options.router.rtpCapabilities) });
        const payloadType = codec.preferredPayloadType!;
        const output = await relay.produce({
          kind: producer.kind,
          rtpParameters: {
            codecs: [{ ...codec, payloadType, rtcpFeedback: [{ type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }] }],
            encodings: [{ ssrc: input.rtpParameters.encodings![0]!.ssrc! }],
          },
        });
        input.on('rtp', (packet) => {
          packet[1] = (packet[1]! & 0x80) | payloadType;
          if (!output.closed) output.send(packet);
        });
        input.on('producerclose', () => output.close());
        if (producer.kind === 'video') sourceVideo.push(input);
        relayed.push({ producer: output, track, codec });
      }
      relay.on('rtcp', (packet) => {
        if (asksForKeyframe(packet)) for (const input of sourceVideo) input.requestKeyFrame().catch(() => undefined);
      });
      const transport = await router.createWebRtcTransport({
        listenInfos: options.listenInfos,
        enableUdp: true,
        enableTcp: true,
        preferUdp: true,
        initialAvailableOutgoingBitrate: 2_000_000,
      });
      const remoteRole: types.DtlsRole = offer.setup === 'passive' ? 'server' : 'client';
      await transport.connect({ dtlsParameters: { role: remoteRole, fingerprints: offer.fingerprints } });
      const consumers: types.Consumer[] = [];
      const answered: AnsweredTrack[] = [];
      for (const { producer, track, codec } of relayed) {
        // Only the chosen codec, without RTX: a monitor on a LAN does without retransmissions.
        const rtpCapabilities = { codecs: [codec], headerExtensions: track.capabilities.headerExtensions ?? [] };
        const consumer = await transport.consume({ producerId: producer.id, rtpCapabilities });
        consumers.push(consumer);
        answered.push({ index: track.index, mid: track.mid, consumer });
      }
      const fingerprint =
        transport.dtlsParameters.fingerprints.find((f) => f.algorithm === 'sha-256') ?? transport.dtlsParameters.fingerprints[0]!;
      const answerSdp = buildWhepAnswer(
        offer,
        answered,
        {
          iceParameters: transport.iceParameters,
          iceCandidates: transport.iceCandidates,
          fingerprint,
          setup: offer.setup === 'passive' ? 'active' : 'passive',
        },
        `oi-${transport.id.slice(0, 8)}`,
      );
      return new WhepSession(router, source, transport, offer, answerSdp, consumers, options.logger.child({ whepTransportId: transport.id }));
    } catch (error) {
      router.close();
      source.close();
      throw error;
    }
  }

  get etag(): string {
    return this.#ice.etag;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Trickle ICE (204) or ICE restart (200 with our new credentials), as for WHIP. */
  async patch(ifMatch: string | undefined, body: string): Promise<PatchResult> {
    const first = this.#offer.tracks[0]!;
    const firstMedia = this.#offer.sdp.media[first.index]!;
    const payloads = String(firstMedia.rtp[0]?.payload ?? 0);
    const { result, state } = await applyIcePatch(this.#transport, this.#ice, ifMatch, body, {
      type: firstMedia.type,
      protocol: firstMedia.protocol,
      payloads,
      mid: first.mid,
    });
    this.#ice = state;
    return result;
  }

  /** Closes the transport (and with it the consumers). Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#router.close();
    this.#source.close();
    this.#logger.debug('WHEP session closed');
    this.emit('close');
  }
}
