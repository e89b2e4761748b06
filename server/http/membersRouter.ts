import express from 'express';
import { z } from 'zod';
import type { MemberService } from '../qa/MemberService.js';
import { currentUser } from './sessionMiddleware.js';
import { parseId, parseRequest } from './validate.js';

export const memberBody = z.object(
  {
    roles: z
      .array(z.enum(['moderator', 'host', 'guest', 'reviewer'], { error: 'must be moderator, host, guest or reviewer' }), {
        error: 'must be a list of roles',
      })
      .min(1, { error: 'must name at least one role (DELETE the member to remove them)' }),
    guestIndex: z.int({ error: 'must be a whole number from 0' }).min(0, { error: 'must be a whole number from 0' }).nullish(),
  },
  { error: 'must be a JSON object {roles, guestIndex?}' },
);

/** Admins assign who moderates, hosts, guests and reviews each interview (mounted at /api/interviews behind requireUser). */
export function membersRouter(deps: { members: MemberService }): express.Router {
  const router = express.Router();

  router.get('/:id/members', async (req, res) => {
    const interviewId = parseId(req.params.id, 'The interview');
    res.json(await deps.members.list(interviewId, currentUser(res.locals)));
  });

  router.put('/:id/members/:userId', async (req, res) => {
    const interviewId = parseId(req.params.id, 'The interview');
    const userId = parseId(req.params.userId, 'The user');
    const input = parseRequest(memberBody, req.body);
    res.json(await deps.members.put(interviewId, userId, input, currentUser(res.locals)));
  });

  router.delete('/:id/members/:userId', async (req, res) => {
    const interviewId = parseId(req.params.id, 'The interview');
    const userId = parseId(req.params.userId, 'The user');
    res.json(await deps.members.remove(interviewId, userId, currentUser(res.locals)));
  });

  return router;
}
