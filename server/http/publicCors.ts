import type { RequestHandler } from 'express';

/**
 * CORS for what portals embed: the public interview API, the netizens' Q&A and the HLS files. `*` allows any
 * portal, otherwise the request's Origin must be listed. `methods` are what the preflight offers: reads by default;
 * the Q&A adds asking and withdrawing (no cookies are involved, so a cross-site request cannot act as anyone).
 */
export function publicCors(origins: readonly string[], methods: readonly string[] = ['GET', 'HEAD']): RequestHandler {
  const allowMethods = [...methods, 'OPTIONS'].join(', ');
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
          'Access-Control-Allow-Methods': allowMethods,
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
