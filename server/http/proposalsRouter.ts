import express from 'express';
import { planYearOf } from '../domain/publicSchedule.js';
import type { PlanServices } from '../plan/PlanServices.js';
import { loadPlanActor, planActor, planErrors } from './planErrors.js';
import { planJson } from './planJson.js';
import { newProposalBody, proposalFormBody, reminderBody, reviewBody, yearQuery } from './planSchemas.js';
import { parseId, parseRequest } from './validate.js';

/** The units' proposals (意见建议征集表) and the office's review and reminders; mounted at /api/proposals behind requireUser. */
export function proposalsRouter(plan: PlanServices): express.Router {
  const router = express.Router();
  router.use(loadPlanActor(plan));
  const yearOf = (query: unknown) => parseRequest(yearQuery, query).year ?? planYearOf(new Date());

  router.get('/', async (req, res) => {
    res.json((await plan.proposals.list(planActor(res.locals), yearOf(req.query))).map(planJson.proposal));
  });

  router.post('/', async (req, res) => {
    const { year, organisationId, ...form } = parseRequest(newProposalBody, req.body);
    res.status(201).json(planJson.proposal(await plan.proposals.create(planActor(res.locals), { year, organisationId, form })));
  });

  router.get('/missing', async (req, res) => {
    const year = yearOf(req.query);
    const units = await plan.proposals.missing(planActor(res.locals), year);
    res.json({ year, units: units.map((unit) => ({ ...unit, lastRemindedAt: unit.lastRemindedAt?.toISOString() ?? null })) });
  });

  router.post('/reminders', async (req, res) => {
    const { year, organisationIds, message } = parseRequest(reminderBody, req.body);
    res.json(await plan.proposals.remind(planActor(res.locals), year, organisationIds, message));
  });

  router.get('/:id', async (req, res) => {
    res.json(planJson.proposal(await plan.proposals.get(planActor(res.locals), parseId(req.params.id, 'The proposal'))));
  });

  router.put('/:id', async (req, res) => {
    const id = parseId(req.params.id, 'The proposal');
    const form = parseRequest(proposalFormBody, req.body);
    res.json(planJson.proposal(await plan.proposals.update(planActor(res.locals), id, form)));
  });

  router.post('/:id/submit', async (req, res) => {
    res.json(planJson.proposal(await plan.proposals.submit(planActor(res.locals), parseId(req.params.id, 'The proposal'))));
  });

  router.post('/:id/review', async (req, res) => {
    const id = parseId(req.params.id, 'The proposal');
    const review = parseRequest(reviewBody, req.body);
    res.json(planJson.proposal(await plan.proposals.review(planActor(res.locals), id, review)));
  });

  router.use(planErrors);
  return router;
}
