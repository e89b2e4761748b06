import express from 'express';
import { authorizePlan } from '../domain/plan/planPermissions.js';
import type { PlanServices } from '../plan/PlanServices.js';
import { NotFoundError } from './httpErrors.js';
import { loadPlanActor, planActor, planErrors } from './planErrors.js';
import { parseId } from './validate.js';

/** The in-app notices to the user's unit (the office's reminders); mounted at /api/notices behind requireUser. */
export function noticesRouter(plan: PlanServices): express.Router {
  const router = express.Router();
  router.use(loadPlanActor(plan));

  router.get('/', async (_req, res) => {
    const actor = planActor(res.locals);
    // Accounts of no unit have no notices; that is not an error (the console asks for every user).
    if (actor.organisationId === null) {
      res.json([]);
      return;
    }
    authorizePlan(actor, 'notices.read', { organisationId: actor.organisationId });
    const notices = await plan.notices.list(actor.organisationId);
    res.json(notices.map((notice) => ({ ...notice, createdAt: notice.createdAt.toISOString(), readAt: notice.readAt?.toISOString() ?? null })));
  });

  router.post('/:id/read', async (req, res) => {
    const actor = planActor(res.locals);
    const id = parseId(req.params.id, 'The notice');
    authorizePlan(actor, 'notices.read', { organisationId: actor.organisationId });
    if (actor.organisationId === null || !(await plan.notices.markRead(id, actor.organisationId))) throw new NotFoundError('The notice');
    res.status(204).end();
  });

  router.use(planErrors);
  return router;
}
