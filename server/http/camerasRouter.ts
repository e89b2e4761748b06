import express from 'express';
import type { MediaServer } from '../../media/index.js';
import type { CameraAccess } from '../auth/CameraAccess.js';
import { NotFoundError } from './httpErrors.js';
import type { PublicUrls } from './PublicUrls.js';
import { currentUser } from './sessionMiddleware.js';
import { parseId } from './validate.js';

/** Staff routes on one camera: new token, removal, studio token (mounted behind requireUser). */
export function camerasRouter(deps: { cameraAccess: CameraAccess; urls: PublicUrls; media: MediaServer }): express.Router {
  const router = express.Router();

  router.post('/:id/token', async (req, res) => {
    const token = await deps.cameraAccess.regenerateToken(parseId(req.params.id, 'The camera'));
    if (token === null) throw new NotFoundError('The camera');
    res.json({ token });
  });

  router.delete('/:id', async (req, res) => {
    const id = parseId(req.params.id, 'The camera');
    if (!(await deps.cameraAccess.revoke(id))) throw new NotFoundError('The camera');
    // A revoked camera is cut off now, not when it next reconnects; the show stays open for the others.
    deps.media.disconnectCamera(id);
    res.status(204).end();
  });

  router.post('/:id/studio-token', async (req, res) => {
    const issued = await deps.cameraAccess.issueStudioToken(parseId(req.params.id, 'The camera'), currentUser(res.locals).id);
    if (!issued) throw new NotFoundError('The camera');
    res.json({ whipUrl: deps.urls.whip(issued.camera.id), token: issued.token, expiresAt: issued.expiresAt.toISOString() });
  });

  return router;
}
