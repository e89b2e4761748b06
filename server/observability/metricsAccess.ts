import type { RequestHandler } from 'express';
import { hashToken, sameTokenHash } from '../auth/secretTokens.js';
import { HttpError } from '../http/httpErrors.js';

/**
 * Who may read /metrics. With the setting metricsToken, whoever sends `Authorization: Bearer <metricsToken>`
 * (compared in constant time), from anywhere. Without it, only a scraper on this machine: a direct loopback
 * connection that no proxy forwarded (a reverse proxy on the same machine connects from loopback too, but adds
 * X-Forwarded-For or Forwarded, and the public must not read the metrics through it).
 */
export function metricsAccess(metricsToken: string | undefined): RequestHandler {
  const expected = metricsToken === undefined ? undefined : hashToken(metricsToken);
  return (req, _res, next) => {
    if (expected !== undefined) {
      const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
      if (match && sameTokenHash(hashToken(match[1]!), expected)) {
        next();
        return;
      }
      next(new HttpError(401, 'unauthorized', 'Send the metrics token as "Authorization: Bearer <metricsToken>" (setting metricsToken).'));
      return;
    }
    const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
    if (isLoopback(req.socket.remoteAddress) && !forwarded) {
      next();
      return;
    }
    next(
      new HttpError(
        403,
        'forbidden',
        'The metrics are readable only from this machine; set metricsToken (OI_METRICS_TOKEN) to let a Prometheus elsewhere scrape them with it.',
      ),
    );
  };
}

function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}
