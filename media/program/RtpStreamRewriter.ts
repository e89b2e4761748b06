import { rewritten, seqDiff, sequenceNumber, timestamp, tsDiff } from './rtpHeader.js';

export interface RtpStreamRewriterOptions {
  ssrc: number;
  payloadType: number;
  clockRate: number;
  /** Where the output starts (random in production, fixed in tests). */
  initialSeq: number;
  initialTs: number;
}

/**
 * One continuous output RTP stream (one SSRC) made of input streams taken one after the other. When a new input
 * takes over (`rebase`), its sequence numbers continue from the last one sent plus one, and its timestamps from the
 * last one sent plus the wall-clock time since then, so a receiver sees one stream with no gap and no jump back.
 */
export class RtpStreamRewriter {
  readonly #options: RtpStreamRewriterOptions;
  #payloadType: number;
  #source: string | undefined;
  #seqOffset = 0;
  #tsOffset = 0;
  /** The input's first sequence number after the rebase: older (reordered) packets of it are not sent. */
  #baseSeq = 0;
  #lastSeq: number | undefined;
  #lastTs: number | undefined;
  #lastAt = 0;

  constructor(options: RtpStreamRewriterOptions) {
    this.#options = options;
    this.#payloadType = options.payloadType;
  }

  /** The payload type written from now on (the program's codec changed while nothing was on air). */
  set payloadType(value: number) {
    this.#payloadType = value;
  }

  get source(): string | undefined {
    return this.#source;
  }

  get ssrc(): number {
    return this.#options.ssrc;
  }

  /** Makes `source` the input, with `packet` (received at `nowMs`) as the first one it sends. */
  rebase(source: string, packet: Buffer, nowMs: number): void {
    const outSeq = this.#lastSeq === undefined ? this.#options.initialSeq : this.#lastSeq + 1;
    const elapsed = Math.max(1, Math.round(((nowMs - this.#lastAt) * this.#options.clockRate) / 1000));
    const outTs = this.#lastTs === undefined ? this.#options.initialTs : this.#lastTs + elapsed;
    this.#source = source;
    this.#baseSeq = sequenceNumber(packet);
    this.#seqOffset = outSeq - this.#baseSeq;
    this.#tsOffset = outTs - timestamp(packet);
  }

  /** Lets go of the input (it left); the next rebase continues from the last packet sent. */
  detach(): void {
    this.#source = undefined;
  }

  /** The packet as part of the output, or undefined for a reordered packet from before the rebase. */
  rewrite(packet: Buffer, nowMs: number): Buffer | undefined {
    const inSeq = sequenceNumber(packet);
    if (seqDiff(inSeq, this.#baseSeq) < 0) return undefined;
    const seq = (inSeq + this.#seqOffset) & 0xffff;
    const ts = (timestamp(packet) + this.#tsOffset) >>> 0;
    if (this.#lastSeq === undefined || seqDiff(seq, this.#lastSeq) > 0) this.#lastSeq = seq;
    if (this.#lastTs === undefined || tsDiff(ts, this.#lastTs) > 0) {
      this.#lastTs = ts;
      this.#lastAt = nowMs;
    }
    return rewritten(packet, { seq, ts, ssrc: this.#options.ssrc, payloadType: this.#payloadType });
  }
}
