import type { RequestHandler } from 'express';

/**
 * CORS for what portals embed: the public interview API and the HLS files. Only reads are offered; `*` allows any
 * portal, otherwise the request's Origin must be listed.
 */
export function publicCors(origins: readonly string[]): RequestHandler {
  const anyOrigin = origins.includes('*');
  return (req, res, next) => {
    const origin = req.get('Origin');
    if (anyOrigin) {
      res.set('Access-Control-Allow-Origin', '*');
    } else {
      res.vary('Origin');
      if (origin !== undefined && origins.includes(origin)) res.set('Access-Control-Allow-Origin', origin);
    }
    if (req.method === 'OPTIONS') {
      res
        .set({
          'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
          'Access-Control-Allow-Headers': req.get('Access-Control-Request-Headers') ?? '',
          'Access-Control-Max-Age': '86400',
        })
        .status(204)
        .end();
      return;
    }
    next();
  };
}
