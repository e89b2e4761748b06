import type { RequestHandler } from 'express';
import { ForbiddenOriginError } from './httpErrors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses cookie-authenticated changes sent by a browser from another site. SameSite=Lax stops most of them; this
 * also covers sibling sites under the same domain. Requests without Origin (the CLI, curl) are not from a browser
 * page and pass.
 */
export function sameOriginWrites(publicUrl: string): RequestHandler {
  const ownOrigin = new URL(publicUrl).origin;
  return (req, _res, next) => {
    const origin = req.get('Origin');
    if (SAFE_METHODS.has(req.method) || isOwnOrigin(origin, ownOrigin, req.get('Host'))) return next();
    throw new ForbiddenOriginError(origin!);
  };
}

/**
 * Whether a request's Origin is this server's own (or absent: not a browser page). Also accepts the origin the
 * request came in on: the console may be opened by IP or another name of this host.
 */
export function isOwnOrigin(origin: string | undefined, ownOrigin: string, host: string | undefined): boolean {
  if (origin === undefined || origin === ownOrigin) return true;
  return URL.canParse(origin) && new URL(origin).host === host;
}
