/** A recording part as the preview plays it: where it sits on the joined timeline and its browser-playable copy. */
export interface PreviewPart {
  id: string;
  offsetSeconds: number;
  durationSeconds: number;
  url: string;
}

/**
 * Drives the clip editor's <video> over a recording's joined timeline: one part's preview at a time, switching to the
 * next part when one ends, showing the picture at the play head while paused and playing up to an end point (the out
 * point), where it stops exactly (checked every animation frame, not on the coarse timeupdate).
 */
export class ClipPreviewPlayer {
  readonly #video: HTMLVideoElement;
  readonly #onTime: (seconds: number) => void;
  readonly #onStop: () => void;
  #parts: PreviewPart[] = [];
  #current: PreviewPart | undefined;
  #until = Number.POSITIVE_INFINITY;
  #frame = 0;
  #seek = 0;

  constructor(video: HTMLVideoElement, onTime: (seconds: number) => void, onStop: () => void) {
    this.#video = video;
    this.#onTime = onTime;
    this.#onStop = onStop;
    video.addEventListener('ended', this.#onEnded);
  }

  get playing(): boolean {
    return this.#frame !== 0;
  }

  setParts(parts: PreviewPart[]): void {
    this.close();
    this.#parts = parts;
    this.#current = undefined;
  }

  /** Shows the picture at `seconds` of the timeline (loading its part's preview if another is showing). */
  async seek(seconds: number): Promise<void> {
    const part = this.#partAt(seconds);
    if (!part) return;
    const token = ++this.#seek;
    if (part !== this.#current) {
      this.#current = part;
      this.#video.src = part.url;
      await new Promise<void>((resolve) => this.#video.addEventListener('loadedmetadata', () => resolve(), { once: true }));
      if (token !== this.#seek) return;
    }
    this.#video.currentTime = Math.max(0, seconds - part.offsetSeconds);
  }

  /** Plays from `from` until `to` on the timeline, then stops there. */
  async play(from: number, to: number): Promise<void> {
    this.#until = to;
    await this.seek(from);
    await this.#video.play();
    this.#tick();
  }

  pause(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#video.pause();
  }

  /** Stops and lets go of the file. Idempotent. */
  close(): void {
    this.pause();
    this.#seek++;
  }

  #tick = (): void => {
    const part = this.#current;
    if (part) {
      const seconds = part.offsetSeconds + this.#video.currentTime;
      if (seconds >= this.#until) {
        this.pause();
        this.#onTime(this.#until);
        this.#onStop();
        return;
      }
      this.#onTime(seconds);
    }
    this.#frame = requestAnimationFrame(this.#tick);
  };

  readonly #onEnded = (): void => {
    const next = this.#current ? this.#parts[this.#parts.indexOf(this.#current) + 1] : undefined;
    if (!this.playing || !next) {
      this.pause();
      this.#onStop();
      return;
    }
    void this.seek(next.offsetSeconds).then(() => this.#video.play());
  };

  #partAt(seconds: number): PreviewPart | undefined {
    return this.#parts.find((p) => seconds < p.offsetSeconds + p.durationSeconds) ?? this.#parts[this.#parts.length - 1];
  }
}
