import type { RequestHandler } from 'express';
import type { InterviewStatus } from '../domain/Interview.js';
import { isPublicStatus } from '../domain/Interview.js';
import { isUuid } from '../domain/isUuid.js';
import { NotFoundError } from './httpErrors.js';

/** Playlists are fetched every few seconds by every viewer: the status is looked up at most this often per interview. */
const CACHE_MS = 2_000;
/** Bounds the cache; a county has a dozen interviews a year, so this is only ever reached by probing. */
const CACHE_MAX = 1_000;

/**
 * Keeps drafts private on public paths with an `:id` parameter (HLS files, the netizens' Q&A, the watch page): a
 * draft is answered 404 exactly as an unknown id. Unknown and malformed ids pass on to the route, which answers its
 * own 404. A draft announced (or an announcement withdrawn) is seen within CACHE_MS.
 */
export class PublicInterviewGate {
  readonly #statusOf: (id: string) => Promise<InterviewStatus | null>;
  readonly #cache = new Map<string, { status: InterviewStatus | null; at: number }>();

  constructor(statusOf: (id: string) => Promise<InterviewStatus | null>) {
    this.#statusOf = statusOf;
  }

  /** Whether viewers may see the interview; false for drafts, true for unknown ids (their routes say 404). */
  async isHidden(id: string): Promise<boolean> {
    const now = Date.now();
    let entry = this.#cache.get(id);
    if (!entry || now - entry.at > CACHE_MS) {
      if (this.#cache.size >= CACHE_MAX) this.#cache.clear();
      entry = { status: await this.#statusOf(id), at: now };
      this.#cache.set(id, entry);
    }
    return entry.status !== null && !isPublicStatus(entry.status);
  }

  /** Middleware for a path with `:id`; `what` names the missing thing as the route itself would for an unknown id. */
  hideDrafts(what: string): RequestHandler {
    return async (req, _res, next) => {
      const id = (req.params as { id?: string }).id;
      if (id !== undefined && isUuid(id) && (await this.isHidden(id))) throw new NotFoundError(what);
      next();
    };
  }
}
