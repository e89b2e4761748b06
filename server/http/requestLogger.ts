import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * One log line per request, at its end. Viewers fetch a playlist and a segment every few seconds, so HLS, asset and
 * health requests log at debug level to keep the log readable during a show.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const began = performance.now();
    res.on('finish', () => {
      const quiet = /^\/(media|assets|healthz)([/?]|$)/.test(req.originalUrl) && res.statusCode < 500;
      logger[quiet ? 'debug' : 'info'](
        { method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(performance.now() - began) },
        'request',
      );
    });
    next();
  };
}
