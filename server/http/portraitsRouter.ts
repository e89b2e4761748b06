import express from 'express';
import type { SessionService } from '../auth/SessionService.js';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import { isPublicStatus } from '../domain/Interview.js';
import type { PostImageType } from '../domain/qa/sniffImageType.js';
import type { PortraitStore } from '../interview/PortraitStore.js';
import { ImageRejectedError } from '../qa/ImageRejectedError.js';
import { IMAGE_LIMITS } from '../qa/imageLimits.js';
import { NotFoundError } from './httpErrors.js';
import { publicCors } from './publicCors.js';
import { sameOriginWrites } from './sameOriginWrites.js';
import { loadSession, requireUser } from './sessionMiddleware.js';
import { parseId } from './validate.js';

const PORTRAIT_TYPES: PostImageType[] = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_MB = IMAGE_LIMITS.maxBytes / 1024 / 1024;

const tooLarge = () => new ImageRejectedError('image_too_large', `The photo is larger than ${MAX_MB} MB; send a smaller one.`);

/**
 * The host's and guests' portraits. POST /api/interviews/:id/portraits (staff; the photo as the raw body, mounted
 * before the /api JSON chain, so it brings that chain's same-origin check and session itself) answers
 * `{ photo, photoUrl, width, height, bytes }`; the console then saves `photo` with the person.
 * GET /media/interviews/:id/people/:file serves them: to anyone once the interview is announced, to staff only while
 * it is a draft.
 */
export function portraitsRouter(deps: {
  publicUrl: string;
  mediaUrl: (relativePath: string) => string;
  dataDir: string;
  corsOrigins: readonly string[];
  sessions: SessionService;
  interviews: InterviewRepository;
  portraits: PortraitStore;
  /** Who may change an interview's people: the same as who may edit the interview. */
  mayEdit: express.RequestHandler;
}): express.Router {
  const router = express.Router();

  router.post(
    '/api/interviews/:id/portraits',
    sameOriginWrites(deps.publicUrl),
    loadSession(deps.sessions),
    requireUser,
    deps.mayEdit,
    (req, _res, next) => {
      if (!req.is(PORTRAIT_TYPES)) {
        throw new ImageRejectedError('unsupported_image_type', 'Send the photo as the raw body with Content-Type image/jpeg, image/png or image/webp.');
      }
      if (Number(req.get('Content-Length') ?? 0) > IMAGE_LIMITS.maxBytes) throw tooLarge();
      next();
    },
    (req, res, next) => {
      express.raw({ type: () => true, limit: IMAGE_LIMITS.maxBytes })(req, res, (error?: unknown) => {
        if ((error as { type?: string } | undefined)?.type === 'entity.too.large') next(tooLarge());
        else next(error);
      });
    },
    async (req, res) => {
      // With middleware before it, express cannot infer the handler's path parameters.
      const interviewId = parseId((req.params as { id: string }).id, 'The interview');
      if (!(await deps.interviews.statusOf(interviewId))) throw new NotFoundError('The interview');
      const stored = await deps.portraits.save(interviewId, req.is(PORTRAIT_TYPES) as PostImageType, req.body as Buffer);
      res.status(201).json({ ...stored, photoUrl: deps.mediaUrl(deps.portraits.relativePath(interviewId, stored.photo)!) });
    },
  );

  router.get('/media/interviews/:id/people/:file', publicCors(deps.corsOrigins), loadSession(deps.sessions), async (req, res, next) => {
    const { id, file } = req.params as { id: string; file: string };
    const interviewId = parseId(id, 'The interview');
    const relative = deps.portraits.relativePath(interviewId, file);
    const status = relative === null ? null : await deps.interviews.statusOf(interviewId);
    if (relative === null || status === null || (!isPublicStatus(status) && !res.locals.user)) throw new NotFoundError('The photo');
    res.set({
      'Content-Type': 'image/jpeg',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': 'sandbox',
      // A new photo gets a new name, so a file never changes; a draft's stays out of shared caches.
      'Cache-Control': isPublicStatus(status) ? 'public, max-age=31536000, immutable' : 'private, no-store',
    });
    res.sendFile(relative, { root: deps.dataDir, dotfiles: 'deny' }, (error) => {
      if (!error) return;
      if ((error as { status?: number }).status === 404) next(new NotFoundError('The photo'));
      else next(error);
    });
  });

  return router;
}
