import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { requestIdFrom, runInRequest } from '../observability/requestContext.js';

/**
 * Gives each request an id (the caller's X-Request-Id when sane, else a new UUID), echoes it in the X-Request-Id
 * header and runs the rest of the request in its context, so every log line written meanwhile carries it. Writes one
 * log line per request, at its end. Viewers fetch a playlist and a segment every few seconds, so HLS, asset, health
 * and metrics requests log at debug level to keep the log readable during a show.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const began = performance.now();
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const quiet = /^\/(media|assets|healthz|readyz|metrics)([/?]|$)/.test(req.originalUrl) && res.statusCode < 500;
      logger[quiet ? 'debug' : 'info'](
        { requestId, method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(performance.now() - began) },
        'request',
      );
    });
    runInRequest({ requestId }, next);
  };
}
