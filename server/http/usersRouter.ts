import express from 'express';
import { hashPassword } from '../auth/passwords.js';
import { UNIT_ROLES } from '../domain/plan/orgRoles.js';
import { authorizePlan } from '../domain/plan/planPermissions.js';
import type { PlanServices } from '../plan/PlanServices.js';
import { HttpError, InvalidRequestError, NotFoundError } from './httpErrors.js';
import { loadPlanActor, planActor, planErrors } from './planErrors.js';
import { planJson } from './planJson.js';
import { assignmentBody, newUserBody, passwordBody } from './planSchemas.js';
import { parseId, parseRequest } from './validate.js';

/**
 * Console accounts: the office's administrator creates them, gives each its unit and roles and resets passwords
 * (mounted at /api/users behind requireUser).
 */
export function usersRouter(plan: PlanServices): express.Router {
  const router = express.Router();
  router.use(loadPlanActor(plan));
  router.use((_req, res, next) => {
    authorizePlan(planActor(res.locals), 'users.manage');
    next();
  });

  /** Unit roles need a unit; the unit must exist. */
  const checkAssignment = async (organisationId: string | null, roles: readonly string[]) => {
    if (organisationId === null && roles.some((role) => (UNIT_ROLES as readonly string[]).includes(role))) {
      throw new InvalidRequestError('organisationId', 'proposer and dept_reviewer act for a unit: pick the unit (organisationId).');
    }
    if (organisationId !== null && !(await plan.organisations.get(organisationId))) {
      throw new InvalidRequestError('organisationId', 'No such unit; pick one from the list.');
    }
  };

  router.get('/', async (_req, res) => {
    res.json((await plan.directory.list()).map(planJson.account));
  });

  router.post('/', async (req, res) => {
    const input = parseRequest(newUserBody, req.body);
    const roles = [...new Set(input.roles)];
    await checkAssignment(input.organisationId, roles);
    const account = await plan.directory.create({
      username: input.username,
      passwordHash: await hashPassword(input.password),
      role: input.admin ? 'admin' : 'staff',
      organisationId: input.organisationId,
      roles,
      email: input.email ?? null,
    });
    if (!account) throw new HttpError(409, 'username_taken', `The username ${input.username} is taken; choose another.`);
    res.status(201).json(planJson.account(account));
  });

  router.put('/:id/assignment', async (req, res) => {
    const userId = parseId(req.params.id, 'The user');
    const input = parseRequest(assignmentBody, req.body);
    const roles = [...new Set(input.roles)];
    await checkAssignment(input.organisationId, roles);
    if (!(await plan.directory.assign(userId, input.organisationId, roles))) throw new NotFoundError('The user');
    if (input.email !== undefined) await plan.directory.setEmail(userId, input.email);
    res.json(planJson.account((await plan.directory.get(userId))!));
  });

  router.post('/:id/password', async (req, res) => {
    const userId = parseId(req.params.id, 'The user');
    const { password } = parseRequest(passwordBody, req.body);
    if (!(await plan.directory.resetPassword(userId, await hashPassword(password)))) throw new NotFoundError('The user');
    res.status(204).end();
  });

  router.use(planErrors);
  return router;
}
