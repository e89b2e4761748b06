import express from 'express';
import { z } from 'zod';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import { isPublicStatus } from '../domain/Interview.js';
import { planYearOf, publicSchedule } from '../domain/publicSchedule.js';
import { NotFoundError } from './httpErrors.js';
import type { InterviewPresenter } from './InterviewPresenter.js';
import { publicCors } from './publicCors.js';
import { parseId, parseRequest } from './validate.js';

/** GET /api/public/interviews: the plan year to list (China Standard Time); this year when absent. */
export const scheduleQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** What any portal may read without logging in. Drafts are answered exactly as unknown ids. */
export function publicRouter(deps: {
  interviews: InterviewRepository;
  presenter: InterviewPresenter;
  corsOrigins: readonly string[];
}): express.Router {
  const router = express.Router();
  router.use(publicCors(deps.corsOrigins));

  router.get('/interviews', async (req, res) => {
    const { year = planYearOf(new Date()) } = parseRequest(scheduleQuery, req.query);
    // A county plans about a dozen interviews a year: filtering the whole list is cheaper than another query path.
    const interviews = publicSchedule(await deps.interviews.list(), year);
    res.set('Cache-Control', 'public, max-age=30');
    res.json({ year, interviews: await Promise.all(interviews.map((interview) => deps.presenter.toPublic(interview))) });
  });

  router.get('/interviews/:id', async (req, res) => {
    const interview = await deps.interviews.get(parseId(req.params.id, 'The interview'));
    if (!interview || !isPublicStatus(interview.status)) throw new NotFoundError('The interview');
    // Players poll this for the status; a short cache spares the database without delaying "live" much.
    res.set('Cache-Control', 'public, max-age=5');
    res.json(await deps.presenter.toPublic(interview));
  });

  return router;
}
