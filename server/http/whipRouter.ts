import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { WhipError, type MediaServer } from '../../media/index.js';
import type { IceServer } from '../config/Config.js';
import { FixedWindowLimiter } from './FixedWindowLimiter.js';
import type { PublisherLimit } from './PublisherLimit.js';

export interface WhipRouterDeps {
  media: MediaServer;
  /** Resolves a camera's bearer token (camera token or studio token) to its interview; null when refused. */
  authenticateCamera: (cameraId: string, token: string) => Promise<{ cameraId: string; interviewId: string } | null>;
  iceServers: IceServer[];
  /** Cameras this node takes at once (setting maxPublishers). */
  publisherLimit: PublisherLimit;
  logger: Logger;
}

const SDP_TYPE = 'application/sdp';
const FRAGMENT_TYPE = 'application/trickle-ice-sdpfrag';
const MAX_BODY = '128kb';
/**
 * PATCH and DELETE on session resources per client address: trickle ICE sends a PATCH per batch of candidates (a few
 * dozen at most) and an ICE restart a few more, so 60 in 10 s is room for a studio of cameras behind one address,
 * while guessing session ids is held to six a second.
 */
const SESSION_REQUESTS = { max: 60, windowMs: 10_000 };
/** What a camera refused at the publisher limit is told to wait: a show's cameras come and go in minutes. */
const PUBLISHER_LIMIT_RETRY_SECONDS = 30;

/**
 * WHIP (RFC 9725) over HTTP: POST an offer to /whip/<cameraId>, then PATCH/DELETE the session
 * resource it returns. The SDP work happens in the media node; this router does HTTP: content
 * types, bearer tokens, status codes, CORS for browser publishers on other origins.
 */
export function createWhipRouter(deps: WhipRouterDeps): express.Router {
  const router = express.Router();
  router.use(cors);
  router.options('/:cameraId', (_req, res) => {
    res.set('Accept-Post', SDP_TYPE).status(204).end();
  });
  router.options('/:cameraId/:sessionId', (_req, res) => {
    res.set('Accept-Patch', FRAGMENT_TYPE).status(204).end();
  });

  const limitSessionRequests = sessionRequestLimit();

  router.post(
    '/:cameraId',
    requireType(SDP_TYPE),
    express.text({ type: SDP_TYPE, limit: MAX_BODY }),
    handle(deps, async (req, res, camera) => {
      const offer = typeof req.body === 'string' ? req.body : '';
      if (!offer.trim()) throw new WhipError(400, 'sdp_missing', 'the request body must be the SDP offer');
      const release = deps.publisherLimit.admit(camera.cameraId);
      if (!release) {
        res.set('Retry-After', String(PUBLISHER_LIMIT_RETRY_SECONDS));
        sendError(
          res,
          503,
          'publisher_limit',
          `this server already takes its most cameras at once (${deps.publisherLimit.max}, setting maxPublishers): try again when another camera stops, or ask the administrator to raise maxPublishers`,
        );
        return;
      }
      const result = await deps.media.publish(camera.interviewId, camera.cameraId, offer).finally(release);
      const location = `${req.baseUrl}/${encodeURIComponent(camera.cameraId)}/${result.sessionId}`;
      res.status(201).set({
        'Content-Type': SDP_TYPE,
        Location: location,
        ETag: result.etag,
        'Accept-Patch': FRAGMENT_TYPE,
      });
      const links = iceServerLinks(deps.iceServers);
      if (links.length > 0) res.set('Link', links.join(', '));
      deps.logger.info({ cameraId: camera.cameraId, interviewId: camera.interviewId }, 'WHIP publish');
      res.send(result.answerSdp);
    }),
  );

  router.patch(
    '/:cameraId/:sessionId',
    limitSessionRequests,
    requireType(FRAGMENT_TYPE),
    express.text({ type: FRAGMENT_TYPE, limit: MAX_BODY }),
    handle(deps, async (req, res, camera) => {
      const body = typeof req.body === 'string' ? req.body : '';
      const result = await deps.media.patch(camera.cameraId, param(req, 'sessionId'), req.get('If-Match'), body);
      if (result.status === 204) {
        res.status(204).end();
        return;
      }
      res.status(200).set({ 'Content-Type': FRAGMENT_TYPE, ETag: result.etag }).send(result.body);
    }),
  );

  router.delete(
    '/:cameraId/:sessionId',
    limitSessionRequests,
    handle(deps, async (req, res, camera) => {
      await deps.media.unpublish(camera.cameraId, param(req, 'sessionId'));
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

type Camera = { cameraId: string; interviewId: string };

/** Authenticates the bearer token, runs the handler and maps WhipError to its status. */
function handle(deps: WhipRouterDeps, fn: (req: Request, res: Response, camera: Camera) => Promise<void>) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const token = bearerToken(req.get('Authorization'));
      const camera = token ? await deps.authenticateCamera(param(req, 'cameraId'), token) : null;
      if (!camera) {
        res.set('WWW-Authenticate', 'Bearer realm="whip"');
        sendError(res, 401, 'unauthorized', 'a valid camera token is required: send "Authorization: Bearer <token>" (the token shown when the camera was added)');
        return;
      }
      await fn(req, res, camera);
    } catch (error) {
      if (error instanceof WhipError) {
        if (error.status >= 500) deps.logger.error({ err: error }, 'WHIP request failed');
        if (error.status === 503) res.set('Retry-After', '5');
        sendError(res, error.status, error.code, error.message);
        return;
      }
      next(error);
    }
  };
}

/** 429 with Retry-After once a client address has sent SESSION_REQUESTS' worth of PATCH/DELETE in the window. */
export function sessionRequestLimit(): (req: Request, res: Response, next: NextFunction) => void {
  const limiter = new FixedWindowLimiter(SESSION_REQUESTS);
  return (req, res, next) => {
    const waitSeconds = limiter.take(req.ip ?? req.socket.remoteAddress ?? 'unknown', Date.now());
    if (waitSeconds === 0) return next();
    res.set('Retry-After', String(waitSeconds));
    sendError(res, 429, 'rate_limited', `too many requests on session resources from your address: wait ${waitSeconds} s and try again`);
  };
}

/** RFC 6750: the scheme is case-insensitive and separated from the token by one or more spaces. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** 415 unless the body's Content-Type is `type` (WHIP and WHEP bodies are SDP or SDP fragments). */
export function requireType(type: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const actual = (req.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (actual !== type) {
      sendError(res, 415, 'unsupported_media_type', `the Content-Type must be ${type}`);
      return;
    }
    next();
  };
}

function cors(req: Request, res: Response, next: NextFunction): void {
  res.set({
    'Access-Control-Allow-Origin': req.get('Origin') ?? '*',
    'Access-Control-Allow-Methods': 'POST, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-Match',
    'Access-Control-Expose-Headers': 'Location, ETag, Link, Accept-Patch, Accept-Post',
    Vary: 'Origin',
  });
  next();
}

/** RFC 9725 §4.4: each STUN/TURN server as a Link header value. */
export function iceServerLinks(servers: IceServer[]): string[] {
  return servers.flatMap((server) =>
    (Array.isArray(server.urls) ? server.urls : [server.urls]).map((url) => {
      let link = `<${url}>; rel="ice-server"`;
      if (server.username !== undefined && server.credential !== undefined) {
        link += `; username="${quote(server.username)}"; credential="${quote(server.credential)}"; credential-type="password"`;
      }
      return link;
    }),
  );
}

function quote(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

function param(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}

/** The JSON error body every router answers with. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).type('application/json').send(JSON.stringify({ error: { code, message } }));
}
