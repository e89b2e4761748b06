import express from 'express';
import { isPlanAllowed, PLAN_ACTION_ROLES, type PlanAction } from '../domain/plan/planPermissions.js';
import type { PlanServices } from '../plan/PlanServices.js';
import { loadPlanActor, planActor, planErrors } from './planErrors.js';
import { planSettingsBody } from './planSchemas.js';
import { currentUser } from './sessionMiddleware.js';
import { parseRequest } from './validate.js';

/** Who the user is in the column's year, and the workflow's settings; mounted at /api/plan behind requireUser. */
export function planMetaRouter(plan: PlanServices): express.Router {
  const router = express.Router();
  router.use(loadPlanActor(plan));

  /** The console shows only what the user may do: their unit, roles and every action's verdict. */
  router.get('/me', async (_req, res) => {
    const actor = planActor(res.locals);
    const organisation = actor.organisationId === null ? null : await plan.organisations.get(actor.organisationId);
    const can = Object.fromEntries(
      (Object.keys(PLAN_ACTION_ROLES) as PlanAction[]).map((action) => [action, isPlanAllowed(actor, action, { organisationId: actor.organisationId })]),
    );
    // The per-interview desks (host, guest, moderator, reviewer) decide what waits for the user on the home page.
    const desks = await plan.directory.desks(actor.userId);
    res.json({ userId: actor.userId, username: currentUser(res.locals).username, admin: actor.admin, roles: actor.roles, organisation, can, desks });
  });

  router.get('/settings', async (_req, res) => {
    res.json({ announceDaysBefore: await plan.checklists.announceDaysBefore() });
  });

  router.put('/settings', async (req, res) => {
    const { announceDaysBefore } = parseRequest(planSettingsBody, req.body);
    res.json({ announceDaysBefore: await plan.checklists.setAnnounceDaysBefore(planActor(res.locals), announceDaysBefore) });
  });

  router.use(planErrors);
  return router;
}
