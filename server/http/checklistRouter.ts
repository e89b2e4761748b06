import express from 'express';
import type { PlanServices } from '../plan/PlanServices.js';
import { loadPlanActor, planActor, planErrors } from './planErrors.js';
import { planJson } from './planJson.js';
import { checklistItemParam, checklistMarkBody } from './planSchemas.js';
import { parseId, parseRequest } from './validate.js';

/** Each interview's preparation checklist; mounted at /api/interviews behind requireUser. */
export function checklistRouter(plan: PlanServices): express.Router {
  const router = express.Router();
  const actor = loadPlanActor(plan);

  router.get('/:id/checklist', actor, async (req, res) => {
    const id = parseId((req.params as { id: string }).id, 'The interview');
    res.json(planJson.checklist(await plan.checklists.get(planActor(res.locals), id)));
  });

  router.put('/:id/checklist/:item', actor, async (req, res) => {
    const params = req.params as { id: string; item: string };
    const id = parseId(params.id, 'The interview');
    const item = parseRequest(checklistItemParam, params.item);
    const { done } = parseRequest(checklistMarkBody, req.body);
    res.json(planJson.checklist(await plan.checklists.set(planActor(res.locals), id, item, done)));
  });

  router.use(planErrors);
  return router;
}

/** Every upcoming show's checklist at a glance (the office's overview); mounted at /api/checklists behind requireUser. */
export function checklistOverviewRouter(plan: PlanServices): express.Router {
  const router = express.Router();
  router.get('/', loadPlanActor(plan), async (_req, res) => {
    const overview = await plan.checklists.overview(planActor(res.locals));
    res.json({ announceDaysBefore: overview.announceDaysBefore, interviews: overview.interviews.map(planJson.checklistOverview) });
  });
  router.use(planErrors);
  return router;
}
