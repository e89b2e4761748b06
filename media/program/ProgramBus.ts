import { marker, payload } from './rtpHeader.js';
import { RtpStreamRewriter } from './RtpStreamRewriter.js';
import { keyframeStart, type VideoCodecName } from './videoKeyframes.js';

export interface ProgramBusOptions {
  video: { ssrc: number; payloadType: number };
  audio: { ssrc: number; payloadType: number };
  /** How long a cut waits for the outgoing camera's current frame to end before cutting anyway. */
  drainLimitMs?: number;
  initialSeq?: number;
  initialTs?: number;
}

/** The cut happened: `sourceId` is on the program from the keyframe just sent. */
export interface ProgramSwitch {
  sourceId: string;
  /** From `select` to the cut: mostly the camera's time to answer the keyframe request. */
  waitedMs: number;
}

export interface VideoPushResult {
  packets: Buffer[];
  switched?: ProgramSwitch;
}

/** Audio follows the program's video, or stays on one source's microphone. */
export type AudioFollow = { follow: 'video' } | { follow: 'source'; sourceId: string };

interface Pending {
  sourceId: string;
  selectedAt: number;
  /** Set once its keyframe arrived while the outgoing camera was mid-frame: its packets wait here. */
  queue?: { packet: Buffer }[];
  cutAt?: number;
}

const DEFAULT_DRAIN_LIMIT_MS = 100;

/**
 * The program bus: several cameras' RTP in, one program's RTP out, with no I/O of its own so it is tested alone.
 * `select` arms a cut; the cut lands on the first packet of the chosen camera's next keyframe (ask the camera for
 * one), after the outgoing camera finished its current frame, so the program never shows a broken frame. The output
 * is one SSRC per kind whose sequence numbers and timestamps run on without a gap across cuts and reconnects
 * (RtpStreamRewriter), so FFmpeg and players downstream see one unbroken stream.
 */
export class ProgramBus {
  readonly #video: RtpStreamRewriter;
  readonly #audio: RtpStreamRewriter;
  readonly #codecs = new Map<string, VideoCodecName>();
  readonly #drainLimitMs: number;
  #onAir: string | undefined;
  #pending: Pending | undefined;
  /** Whether the last video packet sent ended a frame (a cut may follow at once). */
  #frameComplete = true;
  #audioFollow: AudioFollow = { follow: 'video' };

  constructor(options: ProgramBusOptions) {
    const initialSeq = options.initialSeq ?? Math.floor(Math.random() * 0x10000);
    const initialTs = options.initialTs ?? Math.floor(Math.random() * 0x100000000);
    this.#video = new RtpStreamRewriter({ ...options.video, clockRate: 90000, initialSeq, initialTs });
    this.#audio = new RtpStreamRewriter({ ...options.audio, clockRate: 48000, initialSeq, initialTs });
    this.#drainLimitMs = options.drainLimitMs ?? DEFAULT_DRAIN_LIMIT_MS;
  }

  /** The source whose video is on the program. */
  get onAir(): string | undefined {
    return this.#onAir;
  }

  /** The source a cut is armed for, waiting for its keyframe. */
  get pending(): string | undefined {
    return this.#pending?.sourceId;
  }

  /** The source whose microphone is on the program. */
  get audioSource(): string | undefined {
    return this.#audioFollow.follow === 'video' ? this.#onAir : this.#audioFollow.sourceId;
  }

  addSource(sourceId: string, codec: VideoCodecName): void {
    this.#codecs.set(sourceId, codec);
  }

  /** The source left (its camera dropped or was replaced): the output keeps its numbering for the next one. */
  removeSource(sourceId: string): void {
    this.#codecs.delete(sourceId);
    if (this.#pending?.sourceId === sourceId) this.#pending = undefined;
    if (this.#onAir === sourceId) {
      this.#onAir = undefined;
      this.#video.detach();
      this.#frameComplete = true;
    }
    if (this.#audio.source === sourceId) this.#audio.detach();
  }

  /** Arms a cut to `sourceId` at its next keyframe; selecting the source on air cancels an armed cut. */
  select(sourceId: string, nowMs: number): void {
    if (!this.#codecs.has(sourceId)) throw new RangeError(`unknown program source ${sourceId}`);
    this.#pending = sourceId === this.#onAir ? undefined : { sourceId, selectedAt: nowMs };
  }

  /** The video payload type written from now on; only between shows of different codecs, when nothing is on air. */
  setVideoPayloadType(payloadType: number): void {
    this.#video.payloadType = payloadType;
  }

  setAudioFollow(follow: AudioFollow): void {
    this.#audioFollow = follow;
  }

  pushVideo(sourceId: string, packet: Buffer, nowMs: number): VideoPushResult {
    const pending = this.#pending;
    if (pending && sourceId === pending.sourceId) {
      if (pending.queue) {
        pending.queue.push({ packet });
        return nowMs - pending.cutAt! >= this.#drainLimitMs ? this.#cut(pending, [], nowMs) : { packets: [] };
      }
      const codec = this.#codecs.get(sourceId)!;
      if (!keyframeStart(codec, payload(packet))) return { packets: [] };
      pending.queue = [{ packet }];
      pending.cutAt = nowMs;
      return this.#frameComplete || this.#onAir === undefined ? this.#cut(pending, [], nowMs) : { packets: [] };
    }
    if (sourceId !== this.#onAir) return { packets: [] };
    const out = this.#video.rewrite(packet, nowMs);
    const sent = out ? [out] : [];
    if (out) this.#frameComplete = marker(packet);
    // The outgoing camera just finished its frame: the armed cut goes now.
    if (pending?.queue && this.#frameComplete) return this.#cut(pending, sent, nowMs);
    return { packets: sent };
  }

  pushAudio(sourceId: string, packet: Buffer, nowMs: number): Buffer | undefined {
    if (sourceId !== this.audioSource) return undefined;
    if (this.#audio.source !== sourceId) this.#audio.rebase(sourceId, packet, nowMs);
    return this.#audio.rewrite(packet, nowMs);
  }

  /** Cuts at `nowMs`: the keyframe's timestamp follows the last frame sent by the wall-clock time since it. */
  #cut(pending: Pending, before: Buffer[], nowMs: number): VideoPushResult {
    const queue = pending.queue!;
    this.#pending = undefined;
    this.#onAir = pending.sourceId;
    this.#video.rebase(pending.sourceId, queue[0]!.packet, nowMs);
    const packets = [...before];
    for (const { packet } of queue) {
      const out = this.#video.rewrite(packet, nowMs);
      if (!out) continue;
      packets.push(out);
      this.#frameComplete = marker(packet);
    }
    return { packets, switched: { sourceId: pending.sourceId, waitedMs: pending.cutAt! - pending.selectedAt } };
  }
}
