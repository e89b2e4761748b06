import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { WhipError } from '../errors.js';
import { parseWhipOffer, type WhipOffer } from './WhipOffer.js';
import { buildWhipAnswer } from './WhipAnswer.js';
import { applyIcePatch, newEtag, type PatchResult } from './icePatch.js';

export type { PatchResult } from './icePatch.js';

/** Why a session ended. */
export enum WhipSessionCloseReason {
  /** The publisher sent DELETE (the studio pressed stop). */
  Deleted = 'deleted',
  /** The same camera published again; the new session took over. */
  Replaced = 'replaced',
  /** DTLS failed or the peer closed it without DELETE (network loss, browser closed). */
  Dropped = 'dropped',
  /** The camera's token was revoked in the console. */
  Revoked = 'revoked',
  /** The interview or the media node is shutting down. */
  Shutdown = 'shutdown',
}

export interface WhipSessionEvents {
  /** Emitted once, after the transport and its producers are closed. */
  close: [reason: WhipSessionCloseReason];
}

export interface WhipSessionOptions {
  router: types.Router;
  offerSdp: string;
  listenInfos: types.TransportListenInfo[];
  cameraId: string;
  logger: Logger;
}

/**
 * One WHIP publishing session: a WebRtcTransport with the camera's producers. It owns both and
 * closes them with itself. Its id is 128 random bits, so resource URLs cannot be guessed.
 */
export class WhipSession extends EventEmitter<WhipSessionEvents> {
  readonly id = randomBytes(16).toString('base64url');
  readonly cameraId: string;
  readonly answerSdp: string;
  #etag = newEtag();
  #transport: types.WebRtcTransport;
  #producers: types.Producer[];
  #offer: WhipOffer;
  #closed = false;
  #logger: Logger;

  private constructor(
    cameraId: string,
    transport: types.WebRtcTransport,
    producers: types.Producer[],
    offer: WhipOffer,
    answerSdp: string,
    logger: Logger,
  ) {
    super();
    this.cameraId = cameraId;
    this.#transport = transport;
    this.#producers = producers;
    this.#offer = offer;
    this.answerSdp = answerSdp;
    this.#logger = logger;
    transport.on('dtlsstatechange', (state) => {
      if (state === 'failed' || state === 'closed') {
        this.#logger.info({ state }, 'publisher DTLS ended without DELETE');
        this.close(WhipSessionCloseReason.Dropped);
      }
    });
    // The router goes when its worker dies; the camera must reconnect to a new one.
    transport.on('routerclose', () => this.close(WhipSessionCloseReason.Dropped));
  }

  /** Parses the offer, creates the transport and producers, and writes the answer. */
  static async create(options: WhipSessionOptions): Promise<WhipSession> {
    const offer = parseWhipOffer(options.offerSdp, options.router.rtpCapabilities);
    const transport = await options.router.createWebRtcTransport({
      listenInfos: options.listenInfos,
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: 1_000_000,
    });
    try {
      // Our role is the opposite of the offerer's; mediasoup wants the remote's role.
      const remoteRole: types.DtlsRole = offer.setup === 'passive' ? 'server' : 'client';
      await transport.connect({ dtlsParameters: { role: remoteRole, fingerprints: offer.fingerprints } });
      const producers: types.Producer[] = [];
      for (const track of offer.tracks) {
        try {
          producers.push(await transport.produce({ kind: track.kind, rtpParameters: track.rtpParameters }));
        } catch (error) {
          throw new WhipError(400, 'sdp_unsupported', `the ${track.kind} track cannot be received: ${(error as Error).message}`, { cause: error });
        }
      }
      const fingerprint =
        transport.dtlsParameters.fingerprints.find((f) => f.algorithm === 'sha-256') ?? transport.dtlsParameters.fingerprints[0]!;
      const answerSdp = buildWhipAnswer(offer, {
        iceParameters: transport.iceParameters,
        iceCandidates: transport.iceCandidates,
        fingerprint,
        setup: offer.setup === 'passive' ? 'active' : 'passive',
      });
      const logger = options.logger.child({ cameraId: options.cameraId, transportId: transport.id });
      return new WhipSession(options.cameraId, transport, producers, offer, answerSdp, logger);
    } catch (error) {
      transport.close();
      throw error;
    }
  }

  get etag(): string {
    return this.#etag;
  }

  get closed(): boolean {
    return this.#closed;
  }

  get videoProducer(): types.Producer | undefined {
    return this.#producers.find((p) => p.kind === 'video' && !p.closed);
  }

  get audioProducer(): types.Producer | undefined {
    return this.#producers.find((p) => p.kind === 'audio' && !p.closed);
  }

  /**
   * Trickle ICE or ICE restart (RFC 9725 §4.3). If-Match is required: "*" or the current ETag.
   * New ICE credentials in the fragment mean a restart; otherwise the candidates are not needed by
   * an ICE-lite server and the answer is 204.
   */
  async patch(ifMatch: string | undefined, body: string): Promise<PatchResult> {
    const first = this.#offer.tracks[0]!;
    const firstMedia = this.#offer.sdp.media[first.index]!;
    const { result, state } = await applyIcePatch(
      this.#transport,
      { etag: this.#etag, iceUfrag: this.#offer.iceUfrag, icePwd: this.#offer.icePwd },
      ifMatch,
      body,
      { type: firstMedia.type, protocol: firstMedia.protocol, payloads: String(first.payloadType), mid: first.mid },
    );
    if (result.status === 200) {
      this.#offer = { ...this.#offer, iceUfrag: state.iceUfrag, icePwd: state.icePwd };
      this.#etag = state.etag;
      this.#logger.info('ICE restart');
    }
    return result;
  }

  /** Closes the transport (and with it the producers). Idempotent. */
  close(reason: WhipSessionCloseReason): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#transport.close();
    this.#logger.info({ reason }, 'WHIP session closed');
    this.emit('close', reason);
  }
}
