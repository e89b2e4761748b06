import type { RequestHandler } from 'express';
import { ForbiddenOriginError } from './httpErrors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated changes (docs/security.md, ASVS 4.2.2): refuses those a browser sends from a
 * page of another origin, by the Origin header, or by Fetch Metadata (Sec-Fetch-Site) where a proxy dropped Origin.
 * SameSite=Lax stops most of them first; this also covers sibling sites under the same domain. The bodies are JSON
 * or raw pictures and tables, which no cross-site form can send, and /api answers no CORS preflight. Requests
 * without either header (the CLI, curl) are not from a browser page and pass.
 */
export function sameOriginWrites(publicUrl: string): RequestHandler {
  const ownOrigin = new URL(publicUrl).origin;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('Origin');
    const site = req.get('Sec-Fetch-Site');
    if (isOwnOrigin(origin, ownOrigin, req.get('Host')) && (origin !== undefined || site === undefined || site === 'same-origin' || site === 'none')) {
      return next();
    }
    throw new ForbiddenOriginError(origin ?? `a ${site} page`);
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
