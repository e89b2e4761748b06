import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { MediaServer, ProgramAudio, ProgramOverlays } from '../../media/index.js';
import { ProgramSettingsRepository } from '../db/ProgramSettingsRepository.js';

/**
 * Keeps the director's audio choice and overlays across server restarts: the production routes apply a change to the
 * media node and then store it here; whenever an interview's program goes live (its first segment after the room
 * started, e.g. after a restart), what was stored is applied again where the live program differs from it.
 */
export class ProgramSettings {
  readonly #repository: ProgramSettingsRepository;
  readonly #media: MediaServer;
  readonly #logger: Logger;
  readonly #restoring = new Set<Promise<void>>();
  readonly #onLive = ({ interviewId }: { interviewId: string }) => {
    const restoring = this.#restore(interviewId).catch((error: unknown) =>
      this.#logger.error({ err: error, interviewId }, 'could not restore the program settings'),
    );
    this.#restoring.add(restoring);
    void restoring.finally(() => this.#restoring.delete(restoring));
  };

  constructor(dataSource: DataSource, media: MediaServer, logger: Logger) {
    this.#repository = new ProgramSettingsRepository(dataSource);
    this.#media = media;
    this.#logger = logger;
    media.on('programLive', this.#onLive);
  }

  async setAudio(interviewId: string, audioCameraId: string | null): Promise<void> {
    this.#media.setProgramAudio(interviewId, audioChoice(audioCameraId));
    await this.#repository.saveAudio(interviewId, audioCameraId);
  }

  async setOverlays(interviewId: string, overlays: ProgramOverlays): Promise<ProgramOverlays> {
    const applied = await this.#media.setOverlays(interviewId, overlays);
    await this.#repository.saveOverlays(interviewId, applied);
    return applied;
  }

  /** Stops following the media node and waits for restores in flight. Idempotent. */
  async close(): Promise<void> {
    this.#media.off('programLive', this.#onLive);
    await Promise.allSettled([...this.#restoring]);
  }

  async #restore(interviewId: string): Promise<void> {
    const stored = await this.#repository.get(interviewId);
    if (!stored) return;
    const status = await this.#media.mediaStatus(interviewId);
    if (!status.onAir) return;
    if (status.audioCameraId !== stored.audioCameraId) this.#media.setProgramAudio(interviewId, audioChoice(stored.audioCameraId));
    // Only when they differ: a change restarts FFmpeg (the playlist continues behind a discontinuity).
    if (!sameOverlays(this.#media.overlays(interviewId), stored.overlays)) {
      await this.#media.setOverlays(interviewId, stored.overlays);
    }
    this.#logger.info({ interviewId, ...stored }, 'program settings restored');
  }
}

function audioChoice(audioCameraId: string | null): ProgramAudio {
  return audioCameraId === null ? { follow: 'video' } : { follow: 'camera', cameraId: audioCameraId };
}

function sameOverlays(a: ProgramOverlays, b: ProgramOverlays): boolean {
  return (
    a.logo === b.logo &&
    a.liveBadge === b.liveBadge &&
    a.lowerThird?.name === b.lowerThird?.name &&
    a.lowerThird?.position === b.lowerThird?.position
  );
}
