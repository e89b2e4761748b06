import express from 'express';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import type { PlanServices } from '../plan/PlanServices.js';
import { scheduleCalendar } from '../plan/scheduleCalendar.js';
import { NotFoundError } from './httpErrors.js';
import { planJson } from './planJson.js';
import { yearParam } from './planSchemas.js';
import type { PublicUrls } from './PublicUrls.js';
import { publicCors } from './publicCors.js';
import { parseRequest } from './validate.js';

/** The public schedule as an iCalendar feed and the published yearly plans; mounted at /api/public. */
export function publicScheduleRouter(deps: { interviews: InterviewRepository; plan: PlanServices; urls: PublicUrls; corsOrigins: readonly string[] }): express.Router {
  const router = express.Router();
  const cors = publicCors(deps.corsOrigins);

  /** Every announced interview with a time; calendar apps poll it, so a short cache is enough. */
  router.get('/schedule.ics', cors, async (_req, res) => {
    const body = scheduleCalendar(await deps.interviews.list(), {
      name: '在线访谈 访谈预告',
      host: new URL(deps.urls.base).host,
      pageUrl: (id) => deps.urls.page(id),
      now: new Date(),
    });
    res.type('text/calendar; charset=utf-8').set('Cache-Control', 'public, max-age=300').send(body);
  });

  /** A published plan's table (the annex's columns); 404 until the office publishes it. */
  router.get('/plans/:year', cors, async (req, res) => {
    const published = await deps.plan.plans.published(parseRequest(yearParam, (req.params as { year: string }).year));
    if (!published) throw new NotFoundError('The published plan of that year');
    res.set('Cache-Control', 'public, max-age=60').json(planJson.publicPlan(published));
  });

  return router;
}
