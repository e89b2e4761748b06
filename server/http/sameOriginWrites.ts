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
    if (SAFE_METHODS.has(req.method) || origin === undefined || origin === ownOrigin) return next();
    // Also accept the origin the request came in on: the console may be opened by IP or another name of this host.
    if (URL.canParse(origin) && new URL(origin).host === req.get('Host')) return next();
    throw new ForbiddenOriginError(origin);
  };
}
