import type { RequestHandler } from 'express';
import type { Metrics } from './Metrics.js';
import { routeLabel } from './routeLabel.js';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Observes every request's latency in oi_http_request_duration_seconds when its response ends. */
export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const began = performance.now();
    res.on('finish', () => {
      metrics.httpDuration.observe(
        {
          method: METHODS.has(req.method) ? req.method : 'other',
          route: routeLabel(req),
          status_class: `${Math.floor(res.statusCode / 100)}xx`,
        },
        (performance.now() - began) / 1000,
      );
    });
    next();
  };
}
