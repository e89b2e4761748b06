import express from 'express';
import type { SessionService } from '../auth/SessionService.js';
import type { PostImageType } from '../domain/qa/sniffImageType.js';
import type { ImageService } from '../qa/ImageService.js';
import { ImageRejectedError } from '../qa/ImageRejectedError.js';
import { IMAGE_LIMITS } from '../qa/imageLimits.js';
import type { MemberService } from '../qa/MemberService.js';
import { sameOriginWrites } from './sameOriginWrites.js';
import { currentUser, loadSession, requireUser } from './sessionMiddleware.js';
import { parseId } from './validate.js';

const IMAGE_TYPES: PostImageType[] = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_MB = IMAGE_LIMITS.maxBytes / 1024 / 1024;

/** The declared type must be a picture type; the bytes are checked against it afterwards. */
const requireImageType: express.RequestHandler = (req, _res, next) => {
  if (!req.is(IMAGE_TYPES)) {
    throw new ImageRejectedError('unsupported_image_type', 'Send the picture as the raw body with Content-Type image/jpeg, image/png or image/webp.');
  }
  next();
};

const tooLarge = () => new ImageRejectedError('image_too_large', `The picture is larger than ${MAX_MB} MB; send a smaller one.`);

/** The raw body, with the size limit answered as image_too_large (before reading, when Content-Length says so). */
const readImageBody: express.RequestHandler = (req, res, next) => {
  if (Number(req.get('Content-Length') ?? 0) > IMAGE_LIMITS.maxBytes) throw tooLarge();
  express.raw({ type: () => true, limit: IMAGE_LIMITS.maxBytes })(req, res, (error?: unknown) => {
    if ((error as { type?: string } | undefined)?.type === 'entity.too.large') next(tooLarge());
    else next(error);
  });
};

/**
 * POST /api/interviews/:id/images: a post picture as the raw request body. Mounted before the /api JSON chain (which
 * refuses any body that is not JSON), so it brings that chain's same-origin check and session itself.
 */
export function imageUploadRouter(deps: {
  publicUrl: string;
  sessions: SessionService;
  members: MemberService;
  images: ImageService;
}): express.Router {
  const router = express.Router();
  router.post(
    '/:id/images',
    sameOriginWrites(deps.publicUrl),
    loadSession(deps.sessions),
    requireUser,
    requireImageType,
    readImageBody,
    async (req, res) => {
      // With middleware before it, express cannot infer the handler's path parameters.
      const interviewId = parseId((req.params as { id: string }).id, 'The interview');
      const actor = await deps.members.actorFor(currentUser(res.locals), interviewId);
      const declared = req.is(IMAGE_TYPES) as PostImageType;
      res.status(201).json(await deps.images.upload(interviewId, actor, declared, req.body as Buffer));
    },
  );
  return router;
}
