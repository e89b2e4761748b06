import express from 'express';
import type { CameraAccess } from '../auth/CameraAccess.js';
import { NotFoundError } from './httpErrors.js';
import type { PublicUrls } from './PublicUrls.js';
import { currentUser } from './sessionMiddleware.js';
import { parseId } from './validate.js';

/** Staff routes on one camera: new token, removal, studio token (mounted behind requireUser). */
export function camerasRouter(deps: { cameraAccess: CameraAccess; urls: PublicUrls }): express.Router {
  const router = express.Router();

  router.post('/:id/token', async (req, res) => {
    const token = await deps.cameraAccess.regenerateToken(parseId(req.params.id, 'The camera'));
    if (token === null) throw new NotFoundError('The camera');
    res.json({ token });
  });

  router.delete('/:id', async (req, res) => {
    if (!(await deps.cameraAccess.revoke(parseId(req.params.id, 'The camera')))) throw new NotFoundError('The camera');
    res.status(204).end();
  });

  router.post('/:id/studio-token', async (req, res) => {
    const issued = await deps.cameraAccess.issueStudioToken(parseId(req.params.id, 'The camera'), currentUser(res.locals).id);
    if (!issued) throw new NotFoundError('The camera');
    res.json({ whipUrl: deps.urls.whip(issued.camera.id), token: issued.token, expiresAt: issued.expiresAt.toISOString() });
  });

  return router;
}
