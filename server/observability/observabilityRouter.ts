import express from 'express';
import type { Metrics } from './Metrics.js';
import { metricsAccess } from './metricsAccess.js';
import type { Readiness } from './Readiness.js';

/**
 * The operators' probes: /healthz (the process is alive: answered while the event loop runs), /readyz (it can serve
 * a show: 503 naming the failed check and what to do) and /metrics (Prometheus text, see metricsAccess for who may
 * read it). None of them is cached.
 */
export function observabilityRouter(deps: { metrics: Metrics; readiness: Readiness; metricsToken: string | undefined }): express.Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ ok: true });
  });
  router.get('/readyz', async (_req, res) => {
    const report = await deps.readiness.check();
    res.set('Cache-Control', 'no-store').status(report.ready ? 200 : 503).json(report);
  });
  router.get('/metrics', metricsAccess(deps.metricsToken), async (_req, res) => {
    const text = await deps.metrics.render();
    res.set('Cache-Control', 'no-store').type(deps.metrics.contentType).send(text);
  });
  return router;
}
