import express from 'express';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import { NotFoundError } from './httpErrors.js';
import type { InterviewPresenter } from './InterviewPresenter.js';
import { publicCors } from './publicCors.js';
import { parseId } from './validate.js';

/** What any portal may read without logging in. */
export function publicRouter(deps: {
  interviews: InterviewRepository;
  presenter: InterviewPresenter;
  corsOrigins: readonly string[];
}): express.Router {
  const router = express.Router();
  router.use(publicCors(deps.corsOrigins));

  router.get('/interviews/:id', async (req, res) => {
    const interview = await deps.interviews.get(parseId(req.params.id, 'The interview'));
    if (!interview) throw new NotFoundError('The interview');
    // Players poll this for the status; a short cache spares the database without delaying "live" much.
    res.set('Cache-Control', 'public, max-age=5');
    res.json(await deps.presenter.toPublic(interview));
  });

  return router;
}
