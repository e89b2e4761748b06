import express from 'express';
import type { SessionService } from '../auth/SessionService.js';
import type { ImageService } from '../qa/ImageService.js';
import type { MemberService } from '../qa/MemberService.js';
import { NotFoundError } from './httpErrors.js';
import { publicCors } from './publicCors.js';
import { loadSession } from './sessionMiddleware.js';
import { parseId } from './validate.js';

/** Stored names are `<uuid>.<ext>`; anything else names no picture. */
const FILE_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(?:jpg|png|webp)$/;

/**
 * GET /interviews/:id/images/<file>: post pictures. A picture on an approved post is everyone's and never changes
 * (a new upload gets a new name), so caches keep it for a year. Any other picture (not yet on a post, or on a
 * pending or rejected one) is shown only to the interview's staff, under their session, and never cached.
 * The headers keep a browser from running the file as anything but a picture.
 */
export function imageFilesRouter(deps: {
  dataDir: string;
  corsOrigins: readonly string[];
  sessions: SessionService;
  members: MemberService;
  images: ImageService;
}): express.Router {
  const router = express.Router();
  router.get('/interviews/:id/images/:file', publicCors(deps.corsOrigins), loadSession(deps.sessions), async (req, res, next) => {
    // With middleware before it, express cannot infer the handler's path parameters.
    const { id, file } = req.params as { id: string; file: string };
    const interviewId = parseId(id, 'The interview');
    if (!FILE_NAME.test(file)) throw new NotFoundError('The picture');
    const image = await deps.images.find(`interviews/${interviewId}/images/${file}`);
    if (!image) throw new NotFoundError('The picture');
    if (!image.public && !(await isStaff(deps.members, res.locals, interviewId))) throw new NotFoundError('The picture');
    res.set({
      'Content-Type': image.mimeType,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': 'sandbox',
      'Cache-Control': image.public ? 'public, max-age=31536000, immutable' : 'private, no-store',
    });
    res.sendFile(image.path, { root: deps.dataDir, dotfiles: 'deny' }, (error) => {
      if (!error) return;
      if ((error as { status?: number }).status === 404) next(new NotFoundError('The picture'));
      else next(error);
    });
  });
  return router;
}

/** Whether the session's user works on the interview (an admin, or a member with any role). */
async function isStaff(members: MemberService, locals: express.Response['locals'], interviewId: string): Promise<boolean> {
  if (!locals.user) return false;
  const actor = await members.actorFor(locals.user, interviewId);
  return actor.admin || actor.roles.length > 0;
}
