import { parseApiError } from '../api/client.js';
import { preferH264 } from './codecs.js';
import { parseIceServers } from './link-header.js';

export type WhipErrorKind = 'unauthorized' | 'http' | 'network' | 'no-location' | 'bad-answer';

/** Why a WHIP request failed; `message` is the server's own message for kinds "http" and "unauthorized". */
export class WhipError extends Error {
  readonly kind: WhipErrorKind;
  readonly status: number;

  constructor(kind: WhipErrorKind, message: string, status = 0) {
    super(message);
    this.name = 'WhipError';
    this.kind = kind;
    this.status = status;
  }
}

/** What the publisher reports once the offer/answer exchange is done. */
export type MediaConnectionState = 'connected' | 'disconnected' | 'failed';

const ICE_GATHERING_WAIT_MS = 1000;
const DELETE_TIMEOUT_MS = 3000;
const VIDEO_MAX_BITRATE = 2_500_000;

/** ICE servers each endpoint announced in its last answer (Link headers), so the next session starts with them. */
const announcedIceServers = new Map<string, RTCIceServer[]>();

/**
 * One WHIP (RFC 9725) publishing session. No trickle ICE: the server is ICE-lite, so the offer is sent once with
 * whatever candidates were gathered within a second.
 */
export class WhipPublisher {
  private readonly endpoint: string;
  private readonly token: () => string;
  private readonly onState: (state: MediaConnectionState) => void;
  private pc: RTCPeerConnection | null = null;
  private resourceUrl: string | null = null;

  /** `token` is read at each request, so a refreshed token is used for the DELETE. */
  constructor(endpoint: string, token: () => string, onState: (state: MediaConnectionState) => void) {
    this.endpoint = endpoint;
    this.token = token;
    this.onState = onState;
  }

  async publish(stream: MediaStream): Promise<void> {
    let pc: RTCPeerConnection | null = null;
    try {
      // Relative whip-url values are allowed; resolved here so a bad one is reported like any other failure.
      const endpoint = new URL(this.endpoint, document.baseURI).href;
      pc = new RTCPeerConnection({ iceServers: announcedIceServers.get(endpoint) ?? [], bundlePolicy: 'max-bundle' });
      this.pc = pc;
      this.watchConnection(pc);
      let videoSender: RTCRtpSender | null = null;
      for (const track of stream.getTracks()) {
        const transceiver = pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
        if (track.kind === 'video') {
          videoSender = transceiver.sender;
          preferH264Codecs(transceiver);
        }
      }
      await pc.setLocalDescription(await pc.createOffer());
      await waitForIceGathering(pc, ICE_GATHERING_WAIT_MS);
      const { answer, resourceUrl } = await this.postOffer(endpoint, pc.localDescription?.sdp ?? '');
      if (this.pc !== pc) {
        // stop() ran while the server was answering: end the session it just made.
        await this.deleteResource(resourceUrl);
        return;
      }
      this.resourceUrl = resourceUrl;
      try {
        await pc.setRemoteDescription({ type: 'answer', sdp: answer });
      } catch (error) {
        throw new WhipError('bad-answer', error instanceof Error ? error.message : String(error));
      }
      if (videoSender) await limitBitrate(videoSender, VIDEO_MAX_BITRATE);
    } catch (error) {
      if (pc && this.pc === pc) await this.stop();
      else pc?.close();
      throw error;
    }
  }

  /** Switches devices mid-session without renegotiating. */
  async replaceTracks(stream: MediaStream): Promise<void> {
    if (!this.pc) return;
    for (const sender of this.pc.getSenders()) {
      const kind = sender.track?.kind;
      const track = stream.getTracks().find((candidate) => candidate.kind === kind);
      if (track) await sender.replaceTrack(track);
    }
  }

  /** Ends the session on the server (DELETE, kept alive through page unload) and closes the peer connection. */
  async stop(): Promise<void> {
    const pc = this.pc;
    const resourceUrl = this.resourceUrl;
    this.pc = null;
    this.resourceUrl = null;
    if (resourceUrl) await this.deleteResource(resourceUrl);
    pc?.close();
  }

  private async deleteResource(resourceUrl: string): Promise<void> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), DELETE_TIMEOUT_MS);
    await fetch(resourceUrl, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${this.token()}` },
      keepalive: true,
      signal: abort.signal,
    })
      .catch(() => undefined) // the server also ends sessions whose ICE consent expires
      .finally(() => clearTimeout(timer));
  }

  private async postOffer(endpoint: string, offer: string): Promise<{ answer: string; resourceUrl: string }> {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/sdp', Authorization: `Bearer ${this.token()}` },
        body: offer,
      });
    } catch (error) {
      throw new WhipError('network', error instanceof Error ? error.message : String(error));
    }
    const body = await response.text().catch(() => '');
    if (response.status === 401) throw new WhipError('unauthorized', parseApiError(401, body).message, 401);
    if (response.status !== 201) {
      throw new WhipError('http', parseApiError(response.status, body, response.statusText).message, response.status);
    }
    const location = response.headers.get('Location');
    // Cross-origin, the server must list Location (and Link) in Access-Control-Expose-Headers.
    if (!location) throw new WhipError('no-location', 'no Location header in the 201 answer');
    const iceServers = parseIceServers(response.headers.get('Link'));
    if (iceServers.length > 0 && this.pc) {
      announcedIceServers.set(endpoint, iceServers);
      try {
        this.pc.setConfiguration({ ...this.pc.getConfiguration(), iceServers });
      } catch {
        // Some browsers refuse to change the configuration mid-session; the servers still apply next time.
      }
    }
    return { answer: body, resourceUrl: new URL(location, endpoint).href };
  }

  private watchConnection(pc: RTCPeerConnection): void {
    // connectionState also covers DTLS; Safari 13 only has iceConnectionState.
    const hasConnectionState = 'connectionState' in RTCPeerConnection.prototype;
    const report = () => {
      if (this.pc !== pc) return;
      const state = hasConnectionState ? pc.connectionState : pc.iceConnectionState;
      if (state === 'connected' || state === 'completed') this.onState('connected');
      else if (state === 'disconnected') this.onState('disconnected');
      else if (state === 'failed') this.onState('failed');
    };
    pc.addEventListener(hasConnectionState ? 'connectionstatechange' : 'iceconnectionstatechange', report);
  }
}

function preferH264Codecs(transceiver: RTCRtpTransceiver): void {
  const capabilities = typeof RTCRtpSender.getCapabilities === 'function' ? RTCRtpSender.getCapabilities('video') : null;
  if (!capabilities || typeof transceiver.setCodecPreferences !== 'function') return;
  try {
    transceiver.setCodecPreferences(preferH264(capabilities.codecs));
  } catch {
    // Older engines validate against other capability lists; the default order (VP8 first) works too.
  }
}

function waitForIceGathering(pc: RTCPeerConnection, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve();
    const done = () => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = () => {
      if (pc.iceGatheringState === 'complete') done();
    };
    const timer = setTimeout(done, maxMs);
    pc.addEventListener('icegatheringstatechange', check);
  });
}

async function limitBitrate(sender: RTCRtpSender, maxBitrate: number): Promise<void> {
  try {
    const parameters = sender.getParameters();
    const encodings = parameters.encodings && parameters.encodings.length > 0 ? parameters.encodings : [{}];
    encodings[0]!.maxBitrate = maxBitrate;
    await sender.setParameters({ ...parameters, encodings });
  } catch {
    // Without the cap the browser's own congestion control still bounds the rate.
  }
}
