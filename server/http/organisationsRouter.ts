import express from 'express';
import { authorizePlan } from '../domain/plan/planPermissions.js';
import type { PlanServices } from '../plan/PlanServices.js';
import { HttpError } from './httpErrors.js';
import { loadPlanActor, planActor, planErrors } from './planErrors.js';
import { newOrganisationBody } from './planSchemas.js';
import { parseRequest } from './validate.js';

/** The interviewed units (镇, 部门, 直属机构), mounted at /api/organisations behind requireUser. */
export function organisationsRouter(plan: PlanServices): express.Router {
  const router = express.Router();
  router.use(loadPlanActor(plan));

  router.get('/', async (_req, res) => {
    authorizePlan(planActor(res.locals), 'organisations.read');
    res.json(await plan.organisations.list());
  });

  router.post('/', async (req, res) => {
    authorizePlan(planActor(res.locals), 'organisations.manage');
    const input = parseRequest(newOrganisationBody, req.body);
    const created = await plan.organisations.create(input);
    if (!created) throw new HttpError(409, 'organisation_exists', `A unit named ${input.name} exists already; use it.`);
    res.status(201).json(created);
  });

  router.use(planErrors);
  return router;
}
