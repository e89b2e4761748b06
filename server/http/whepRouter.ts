import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { WhipError, type MediaServer } from '../../media/index.js';
import type { SessionService } from '../auth/SessionService.js';
import type { IceServer } from '../config/Config.js';
import type { CameraRepository } from '../db/CameraRepository.js';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import { HttpError } from './httpErrors.js';
import { isOwnOrigin } from './sameOriginWrites.js';
import { readSessionToken } from './sessionCookie.js';
import { parseId } from './validate.js';
import { iceServerLinks, requireType, sendError, sessionRequestLimit } from './whipRouter.js';

export interface WhepRouterDeps {
  media: MediaServer;
  sessions: SessionService;
  interviews: InterviewRepository;
  cameras: CameraRepository;
  publicUrl: string;
  iceServers: IceServer[];
  logger: Logger;
}

const SDP_TYPE = 'application/sdp';
const FRAGMENT_TYPE = 'application/trickle-ice-sdpfrag';
const MAX_BODY = '128kb';

/**
 * WHEP (draft-ietf-wish-whep) for the director's monitors: POST a recvonly offer to
 * /whep/interviews/<id>/program or /whep/interviews/<id>/cameras/<cameraId>, get 201 with the answer and a session
 * resource (/whep/sessions/<sessionId>) to PATCH (trickle, ICE restart) and DELETE. Staff only: the console's
 * session cookie, from this server's own pages. mediasoup sends the picture straight from the router, well under a
 * second behind the camera.
 */
export function whepRouter(deps: WhepRouterDeps): express.Router {
  const router = express.Router();
  const ownOrigin = new URL(deps.publicUrl).origin;

  router.options(['/interviews/:id/program', '/interviews/:id/cameras/:cameraId'], (_req, res) => {
    res.set('Accept-Post', SDP_TYPE).status(204).end();
  });
  router.options('/sessions/:sessionId', (_req, res) => {
    res.set('Accept-Patch', FRAGMENT_TYPE).status(204).end();
  });

  const watch = (target: (req: Request) => Promise<{ interviewId: string; target: { program: true } | { cameraId: string } }>) =>
    handle(deps, ownOrigin, async (req, res) => {
      const { interviewId, target: what } = await target(req);
      const offer = typeof req.body === 'string' ? req.body : '';
      if (!offer.trim()) throw new WhipError(400, 'sdp_missing', 'the request body must be the SDP offer');
      const result = await deps.media.watch(interviewId, what, offer);
      res.status(201).set({
        'Content-Type': SDP_TYPE,
        Location: `${req.baseUrl}/sessions/${result.sessionId}`,
        ETag: result.etag,
        'Accept-Patch': FRAGMENT_TYPE,
      });
      const links = iceServerLinks(deps.iceServers);
      if (links.length > 0) res.set('Link', links.join(', '));
      res.send(result.answerSdp);
    });

  const body = [requireType(SDP_TYPE), express.text({ type: SDP_TYPE, limit: MAX_BODY })];
  router.post(
    '/interviews/:id/program',
    ...body,
    watch(async (req) => ({ interviewId: await interviewOf(deps, req), target: { program: true } })),
  );
  router.post(
    '/interviews/:id/cameras/:cameraId',
    ...body,
    watch(async (req) => {
      const interviewId = await interviewOf(deps, req);
      const cameraId = parseId(param(req, 'cameraId'), 'The camera');
      const cameras = await deps.cameras.listActive(interviewId);
      if (!cameras.some((camera) => camera.id === cameraId)) throw new HttpError(404, 'not_found', 'The camera was not found; check the address or id.');
      return { interviewId, target: { cameraId } };
    }),
  );

  const limitSessionRequests = sessionRequestLimit();
  router.patch(
    '/sessions/:sessionId',
    limitSessionRequests,
    requireType(FRAGMENT_TYPE),
    express.text({ type: FRAGMENT_TYPE, limit: MAX_BODY }),
    handle(deps, ownOrigin, async (req, res) => {
      const text = typeof req.body === 'string' ? req.body : '';
      const result = await deps.media.patchViewer(param(req, 'sessionId'), req.get('If-Match'), text);
      if (result.status === 204) {
        res.status(204).end();
        return;
      }
      res.status(200).set({ 'Content-Type': FRAGMENT_TYPE, ETag: result.etag }).send(result.body);
    }),
  );

  router.delete(
    '/sessions/:sessionId',
    limitSessionRequests,
    handle(deps, ownOrigin, async (req, res) => {
      deps.media.stopWatching(param(req, 'sessionId'));
      res.status(200).end();
    }),
  );

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: number }).status;
    if (status === 413) return sendError(res, 413, 'body_too_large', `the body is larger than ${MAX_BODY}`);
    if (status === 400) return sendError(res, 400, 'invalid_body', 'the body could not be read');
    return next(error);
  });
  return router;
}

async function interviewOf(deps: WhepRouterDeps, req: Request): Promise<string> {
  const interviewId = parseId(param(req, 'id'), 'The interview');
  if (!(await deps.interviews.get(interviewId))) throw new HttpError(404, 'not_found', 'The interview was not found; check the address or id.');
  return interviewId;
}

/** Checks the console session and the page's origin, runs the handler, maps WhipError and HttpError to JSON. */
function handle(deps: WhepRouterDeps, ownOrigin: string, fn: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const token = readSessionToken(req);
      const user = token === null ? null : await deps.sessions.userFor(token);
      if (!user) {
        sendError(res, 401, 'unauthenticated', 'Log in to the console first (POST /api/auth/login); your session may have expired.');
        return;
      }
      if (!isOwnOrigin(req.get('Origin'), ownOrigin, req.get('Host'))) {
        sendError(res, 403, 'forbidden_origin', "Monitors open only from this server's own console pages.");
        return;
      }
      await fn(req, res);
    } catch (error) {
      if (error instanceof WhipError || error instanceof HttpError) {
        if (error instanceof WhipError && error.status >= 500) deps.logger.error({ err: error }, 'WHEP request failed');
        sendError(res, error.status, error.code, error.message);
        return;
      }
      next(error);
    }
  };
}

function param(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}
