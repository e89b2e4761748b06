import express from 'express';
import { z } from 'zod';
import { chinaYear } from '../domain/records/calendarDates.js';
import type { RecordsServices } from '../records/RecordsServices.js';
import { currentUser, requireUser } from './sessionMiddleware.js';
import { parseRequest } from './validate.js';

export const statisticsQuery = z.object({
  year: z.coerce.number({ error: 'must be a year' }).int({ error: 'must be a year' }).min(2000, { error: 'must be from 2000' }).max(2100, { error: 'must be at most 2100' }).optional(),
});

/**
 * The county office's views across interviews (mounted at /api): the overdue follow-ups, and the year's statistics
 * as JSON and XLSX (?year=, this year in China by default). For administrators and the office's and the information
 * centre's roles (OFFICE_RECORDS_ROLES).
 */
export function recordsOfficeRouter(deps: { records: RecordsServices }): express.Router {
  const router = express.Router();
  const yearOf = (req: express.Request) => parseRequest(statisticsQuery, req.query).year ?? chinaYear(new Date());
  const officeUser = (res: express.Response) => deps.records.officeUser(currentUser(res.locals));

  router.get('/follow-ups/overdue', requireUser, async (_req, res) => {
    res.json({ followUps: await deps.records.followUps.overdue(await officeUser(res)) });
  });

  router.get('/statistics', requireUser, async (req, res) => {
    res.json(await deps.records.statistics.year(await officeUser(res), yearOf(req)));
  });

  router.get('/statistics/export.xlsx', requireUser, async (req, res) => {
    const year = yearOf(req);
    const file = await deps.records.statistics.xlsx(await officeUser(res), year);
    res.attachment(`在线访谈统计-${year}.xlsx`).set('Cache-Control', 'no-store').send(file);
  });

  return router;
}
