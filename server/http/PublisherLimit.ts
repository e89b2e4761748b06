import type { MediaServer } from '../../media/index.js';

/**
 * How many cameras this node takes at once (setting maxPublishers). A camera already publishing may always offer
 * again (a reconnect replaces its own session); offers still being answered count, so two at once cannot both take
 * the last place. It follows the media server's events for as long as that runs (the life of the app).
 */
export class PublisherLimit {
  readonly max: number;
  #media: MediaServer;
  #publishing = new Set<string>();
  #pending = new Map<string, number>();
  #onUp = ({ cameraId }: { cameraId: string }): void => void this.#publishing.add(cameraId);
  #onDown = ({ cameraId }: { cameraId: string }): void => {
    // A replaced session goes down after its successor came up: the camera still publishes.
    if (!this.#media.isPublishing(cameraId)) this.#publishing.delete(cameraId);
  };

  constructor(media: MediaServer, max: number) {
    this.#media = media;
    this.max = max;
    media.on('feedUp', this.#onUp);
    media.on('feedDown', this.#onDown);
  }

  /** A release function when the camera may publish now, null when the node is full. */
  admit(cameraId: string): (() => void) | null {
    const known = this.#publishing.has(cameraId) || this.#pending.has(cameraId);
    const taken = new Set([...this.#publishing, ...this.#pending.keys()]).size;
    if (!known && taken >= this.max) return null;
    this.#pending.set(cameraId, (this.#pending.get(cameraId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#pending.get(cameraId) ?? 1) - 1;
      if (left === 0) this.#pending.delete(cameraId);
      else this.#pending.set(cameraId, left);
    };
  }
}
