import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Paths other sites load as subresources (<img>, <video>, module scripts): their resource policy lets them. */
const EMBEDDED_PATHS = ['/assets/', '/media/', '/api/public/'];

/**
 * helmet's headers on every answer (nosniff, no-referrer, COOP, …) with a Content-Security-Policy that allows
 * nothing but connecting back to this server: JSON, files and uploads never run script or load anything, even opened
 * directly (connect-src gives nothing to a page that cannot run script; tools driving a browser from /healthz use it). Pages replace the
 * policy with their own (pageSecurityPolicy). HSTS only when the public URL is https: over plain http it would lock
 * browsers out. Framing is governed by each page's frame-ancestors, not X-Frame-Options: portals embed /watch.
 */
export function securityHeaders(publicUrl: string): RequestHandler {
  const own = new URL(publicUrl);
  const https = own.protocol === 'https:';
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        connectSrc: ["'self'", own.origin, `${https ? 'wss:' : 'ws:'}//${own.host}`],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
      },
    },
    // A year, this host only: other sites under the county's domain may not have TLS yet.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xFrameOptions: false,
  });
  return (req, res, next) => {
    headers(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (EMBEDDED_PATHS.some((prefix) => req.path.startsWith(prefix))) res.set('Cross-Origin-Resource-Policy', 'cross-origin');
      next();
    });
  };
}
