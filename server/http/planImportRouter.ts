import express from 'express';
import type { SessionService } from '../auth/SessionService.js';
import type { PlanServices } from '../plan/PlanServices.js';
import { PLAN_FILE_TYPES, type PlanFileType } from '../plan/readPlanFile.js';
import { HttpError } from './httpErrors.js';
import { loadPlanActor, planActor, planErrors } from './planErrors.js';
import { planJson } from './planJson.js';
import { yearParam } from './planSchemas.js';
import { sameOriginWrites } from './sameOriginWrites.js';
import { loadSession, requireUser } from './sessionMiddleware.js';
import { parseRequest } from './validate.js';

/** A county's plan is a page of rows; 2 MB is far more than any such workbook. */
const MAX_BYTES = 2 * 1024 * 1024;

const tooLarge = () => new HttpError(413, 'payload_too_large', 'The file is larger than 2 MB; a plan table is much smaller: send only the plan.');

/**
 * POST /api/plans/:year/import: an annex-1 table as the raw body (XLSX or CSV). Mounted before the /api JSON chain,
 * so it brings that chain's same-origin check and session itself. 201 with the rows added, or 422
 * plan_import_rejected with every problem by row number (and nothing added).
 */
export function planImportRouter(deps: { publicUrl: string; sessions: SessionService; plan: PlanServices }): express.Router {
  const router = express.Router();
  router.post(
    '/:year/import',
    sameOriginWrites(deps.publicUrl),
    loadSession(deps.sessions),
    requireUser,
    loadPlanActor(deps.plan),
    (req, res, next) => {
      if (Number(req.get('Content-Length') ?? 0) > MAX_BYTES) throw tooLarge();
      express.raw({ type: () => true, limit: MAX_BYTES })(req, res, (error?: unknown) => {
        if ((error as { type?: string } | undefined)?.type === 'entity.too.large') next(tooLarge());
        else next(error);
      });
    },
    async (req, res) => {
      const year = parseRequest(yearParam, (req.params as { year: string }).year);
      const type = (Object.keys(PLAN_FILE_TYPES) as PlanFileType[]).find((name) => req.is(PLAN_FILE_TYPES[name]));
      if (!type) {
        throw new HttpError(415, 'unsupported_media_type', `Send the table as the raw body with Content-Type ${Object.values(PLAN_FILE_TYPES).join(' or ')}.`);
      }
      const result = await deps.plan.plans.import(planActor(res.locals), year, type, req.body as Buffer);
      if (result.problems.length > 0) {
        res.status(422).json({
          error: {
            code: 'plan_import_rejected',
            message: `Nothing was imported: ${result.problems.length} problem(s) in the file. Fix the rows listed and import the file again.`,
            field: 'file',
          },
          problems: result.problems,
        });
        return;
      }
      res.status(201).json({ imported: result.imported.map(planJson.row) });
    },
  );
  router.use(planErrors);
  return router;
}
