import express from 'express';
import type { PlanServices } from '../plan/PlanServices.js';
import { loadPlanActor, planActor, planErrors } from './planErrors.js';
import { planJson } from './planJson.js';
import { requireUser } from './sessionMiddleware.js';
import { planRowBody, publishBody, scheduleBody, yearParam } from './planSchemas.js';
import { parseId, parseRequest } from './validate.js';

/** The yearly plans (访谈计划表) and their rows; mounted at /api (each route asks for the login itself). */
export function plansRouter(plan: PlanServices): express.Router {
  const router = express.Router();
  const actor: express.RequestHandler[] = [requireUser, loadPlanActor(plan)];
  const year = (value: string) => parseRequest(yearParam, value);

  router.get('/plans/:year', ...actor, async (req: express.Request, res: express.Response) => {
    res.json(planJson.plan(await plan.plans.get(planActor(res.locals), year((req.params as { year: string }).year))));
  });

  router.get('/plans/:year/export.xlsx', ...actor, async (req: express.Request, res: express.Response) => {
    const planYear = year((req.params as { year: string }).year);
    const file = await plan.plans.exportXlsx(planActor(res.locals), planYear);
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .set('Content-Disposition', `attachment; filename="plan-${planYear}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${planYear}年访谈计划表.xlsx`)}`)
      .send(file);
  });

  router.post('/plans/:year/rows', ...actor, async (req: express.Request, res: express.Response) => {
    const input = parseRequest(planRowBody, req.body);
    res.status(201).json(planJson.row(await plan.plans.addRow(planActor(res.locals), year((req.params as { year: string }).year), input)));
  });

  router.put('/plans/:year/published', ...actor, async (req: express.Request, res: express.Response) => {
    const { published } = parseRequest(publishBody, req.body);
    res.json(planJson.plan(await plan.plans.setPublished(planActor(res.locals), year((req.params as { year: string }).year), published)));
  });

  router.put('/plan-rows/:id', ...actor, async (req: express.Request, res: express.Response) => {
    const id = parseId((req.params as { id: string }).id, 'The plan row');
    const input = parseRequest(planRowBody, req.body);
    res.json(planJson.row(await plan.plans.updateRow(planActor(res.locals), id, input)));
  });

  router.delete('/plan-rows/:id', ...actor, async (req: express.Request, res: express.Response) => {
    await plan.plans.deleteRow(planActor(res.locals), parseId((req.params as { id: string }).id, 'The plan row'));
    res.status(204).end();
  });

  router.post('/plan-rows/:id/schedule', ...actor, async (req: express.Request, res: express.Response) => {
    const id = parseId((req.params as { id: string }).id, 'The plan row');
    const { startsAt } = parseRequest(scheduleBody, req.body ?? {});
    const { row, interview } = await plan.plans.schedule(planActor(res.locals), id, startsAt);
    res.status(201).json({ row: planJson.row(row), interviewId: interview.id });
  });

  router.use(planErrors);
  return router;
}
