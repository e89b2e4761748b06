import type { RequestHandler } from 'express';
import { authorizePlan, type PlanAction } from '../domain/plan/planPermissions.js';
import type { PlanServices } from '../plan/PlanServices.js';
import { toPlanHttpError } from './planErrors.js';
import { currentUser } from './sessionMiddleware.js';

/**
 * The office's roles on the interview routes of the console (mounted at /api/interviews before their router,
 * behind requireUser): creating and editing interviews is the office's, moving the status (announce, go live, end,
 * publish the replay) also the centre's and the station's; running the studio (cameras, program, overlays, clips)
 * the station's. Other interview routes have their own checks.
 */
export function interviewPermissionGuard(plan: PlanServices): RequestHandler {
  return async (req, res, next) => {
    const action = guardedAction(req.method, req.path);
    if (action !== null) await authorizeUser(plan, res.locals, action);
    next();
  };
}

/**
 * One action for every request of a router: the studio's camera routes (/api/cameras) need studio.operate.
 * Mounted behind requireUser.
 */
export function requirePlanAction(plan: PlanServices, action: PlanAction): RequestHandler {
  return async (_req, res, next) => {
    await authorizeUser(plan, res.locals, action);
    next();
  };
}

async function authorizeUser(plan: PlanServices, locals: Parameters<typeof currentUser>[0], action: PlanAction): Promise<void> {
  try {
    authorizePlan(await plan.actors.actorFor(currentUser(locals)), action);
  } catch (error) {
    throw toPlanHttpError(error);
  }
}

const ID = '[0-9a-fA-F-]{36}';
const TRANSITION = new RegExp(`^/${ID}/(end|status|transition|announce|publish)/?$`);
const ONE = new RegExp(`^/${ID}/?$`);
/** The studio's changes: adding a camera, cutting the program, overlays, clips and their exports. */
const STUDIO = new RegExp(`^/${ID}/(cameras|program|overlays|clips(/[^/]+(/exports)?)?|exports/[^/]+/cancel)/?$`);

/** The action a request on /api/interviews needs, or null when this guard does not check it. */
export function guardedAction(method: string, path: string): PlanAction | null {
  if (method === 'POST' && (path === '/' || path === '')) return 'interview.create';
  if ((method === 'PUT' || method === 'PATCH' || method === 'DELETE') && ONE.test(path)) return 'interview.edit';
  if ((method === 'POST' || method === 'PUT') && TRANSITION.test(path)) return 'interview.transition';
  if (method !== 'GET' && method !== 'HEAD' && STUDIO.test(path)) return 'studio.operate';
  return null;
}
