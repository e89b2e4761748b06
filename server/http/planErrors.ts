import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { PlanActor } from '../domain/plan/planPermissions.js';
import { PlanForbiddenError, PlanInvalidInputError, PlanNotFoundError, PlanRuleError } from '../domain/plan/PlanRuleError.js';
import type { PlanActors } from '../plan/PlanActors.js';
import { HttpError, InvalidRequestError } from './httpErrors.js';
import { currentUser } from './sessionMiddleware.js';

declare global {
  namespace Express {
    interface Locals {
      /** The logged-in user's unit and roles, set by loadPlanActor. */
      planActor?: PlanActor;
    }
  }
}

/** The yearly-workflow rules' refusals as HTTP answers (mounted at the end of each of its routers). */
export const planErrors: ErrorRequestHandler = (error: unknown, _req, _res, next) => {
  next(toPlanHttpError(error));
};

/** A PlanRuleError as its HTTP answer; anything else unchanged. */
export function toPlanHttpError(error: unknown): unknown {
  if (error instanceof PlanInvalidInputError) return new InvalidRequestError(error.field, error.message);
  if (error instanceof PlanForbiddenError) return new HttpError(403, error.code, error.message);
  if (error instanceof PlanNotFoundError) return new HttpError(404, error.code, error.message);
  if (error instanceof PlanRuleError) return new HttpError(409, error.code, error.message);
  return error;
}

/** Reads the logged-in user's unit and roles (behind requireUser). Takes the services lazily: routers are built before use. */
export function loadPlanActor(services: { actors: PlanActors }): RequestHandler {
  return async (_req, res, next) => {
    res.locals.planActor = await services.actors.actorFor(currentUser(res.locals));
    next();
  };
}

export function planActor(locals: { planActor?: PlanActor }): PlanActor {
  if (!locals.planActor) throw new Error('loadPlanActor did not run before this route');
  return locals.planActor;
}
