import express from 'express';
import { z } from 'zod';
import type { QaReadService } from '../qa/QaReadService.js';
import type { QuestionService } from '../qa/QuestionService.js';
import { readDeviceToken } from './deviceToken.js';
import { publicCors } from './publicCors.js';
import { requireJsonBody } from './requireJsonBody.js';
import { parseId, parseRequest } from './validate.js';

/** Types and rough sizes here; the Q&A rules check the exact limits and name the field. */
export const askBody = z.object(
  {
    nickname: z.string({ error: 'is required (text)' }).max(200, { error: 'is too long' }),
    body: z.string({ error: 'is required (text)' }).max(5000, { error: 'is too long' }),
    contact: z.string({ error: 'must be text' }).max(1000, { error: 'is too long' }).nullish(),
  },
  { error: 'must be a JSON object {nickname, body, contact?}' },
);

/** Netizens' side of the Q&A: read it, ask, follow and withdraw one's own questions (no login: a device token). */
export function qaPublicRouter(deps: {
  questions: QuestionService;
  reads: QaReadService;
  corsOrigins: readonly string[];
}): express.Router {
  const router = express.Router();
  router.use(
    ['/interviews/:id/qa', '/interviews/:id/questions', '/interviews/:id/my-questions'],
    publicCors(deps.corsOrigins, ['GET', 'HEAD', 'POST', 'DELETE']),
  );

  router.use('/interviews/:id/questions', requireJsonBody, express.json({ limit: '16kb' }));

  router.get('/interviews/:id/qa', async (req, res) => {
    const qa = await deps.reads.publicQa(parseId(req.params.id, 'The interview'));
    // The seq says exactly what the answer holds, so a copy a few seconds old is still a sound place to resume from.
    res.set('Cache-Control', 'public, max-age=2');
    res.json(qa);
  });

  router.post('/interviews/:id/questions', async (req, res) => {
    const interviewId = parseId(req.params.id, 'The interview');
    const deviceToken = readDeviceToken(req);
    const input = parseRequest(askBody, req.body);
    const question = await deps.questions.ask(interviewId, input, { deviceToken, ip: req.ip ?? null });
    res.status(201).set('Cache-Control', 'no-store').json(question);
  });

  router.get('/interviews/:id/my-questions', async (req, res) => {
    const interviewId = parseId(req.params.id, 'The interview');
    const questions = await deps.questions.mine(interviewId, readDeviceToken(req));
    res.set('Cache-Control', 'private, no-store').json(questions);
  });

  router.delete('/interviews/:id/my-questions/:questionId', async (req, res) => {
    const interviewId = parseId(req.params.id, 'The interview');
    const questionId = parseId(req.params.questionId, 'The question');
    const question = await deps.questions.withdraw(interviewId, questionId, readDeviceToken(req));
    res.set('Cache-Control', 'no-store').json(question);
  });

  return router;
}
