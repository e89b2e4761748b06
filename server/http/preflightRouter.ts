import express from 'express';
import type { SessionService } from '../auth/SessionService.js';
import { HttpError } from './httpErrors.js';
import { sameOriginWrites } from './sameOriginWrites.js';
import { loadSession, requireUser } from './sessionMiddleware.js';

/** The studio's bandwidth probe sends about 2 MB; a little more is allowed, nothing is kept. */
export const PREFLIGHT_MAX_BYTES = 4 * 1024 * 1024;

/**
 * POST /api/preflight/upload: the studio's upload bandwidth estimate. Staff send a few megabytes of random bytes as
 * the raw body; the server reads and discards them and answers `{ bytes, receiveMs }` (the time from the first byte to
 * the last, as the server saw it). Mounted before the /api JSON chain, so it brings the session and same-origin check.
 */
export function preflightRouter(deps: { publicUrl: string; sessions: SessionService }): express.Router {
  const router = express.Router();
  router.post('/api/preflight/upload', sameOriginWrites(deps.publicUrl), loadSession(deps.sessions), requireUser, (req, res, next) => {
    if (Number(req.get('Content-Length') ?? 0) > PREFLIGHT_MAX_BYTES) {
      throw new HttpError(413, 'payload_too_large', `Send at most ${PREFLIGHT_MAX_BYTES / 1024 / 1024} MB to measure the upload.`);
    }
    let bytes = 0;
    let first: number | null = null;
    req.on('data', (chunk: Buffer) => {
      first ??= performance.now();
      bytes += chunk.length;
      if (bytes > PREFLIGHT_MAX_BYTES) req.destroy();
    });
    req.on('error', next);
    req.on('end', () => {
      const receiveMs = first === null ? 0 : Math.round(performance.now() - first);
      res.set('Cache-Control', 'no-store').json({ bytes, receiveMs });
    });
  });
  return router;
}
