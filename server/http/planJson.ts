import type { StaffAccount } from '../db/StaffDirectory.js';
import type { Proposal } from '../domain/plan/Proposal.js';
import type { Plan, PlanRow } from '../domain/plan/PlanRow.js';
import type { Checklist, ChecklistOverviewEntry } from '../plan/ChecklistService.js';

/** The yearly workflow's JSON: dates as ISO strings (mirrored in web-components/src/console/planTypes.ts). */
export const planJson = {
  account: (account: StaffAccount) => ({
    id: account.id,
    username: account.username,
    role: account.role,
    organisationId: account.organisationId,
    roles: account.roles,
    email: account.email,
    createdAt: account.createdAt.toISOString(),
  }),
  proposal: (proposal: Proposal) => ({
    ...proposal,
    createdAt: proposal.createdAt.toISOString(),
    updatedAt: proposal.updatedAt.toISOString(),
    submittedAt: proposal.submittedAt?.toISOString() ?? null,
    reviewedAt: proposal.reviewedAt?.toISOString() ?? null,
  }),
  row: (row: PlanRow) => row,
  plan: (plan: Plan) => ({ year: plan.year, publishedAt: plan.publishedAt?.toISOString() ?? null, rows: plan.rows }),
  /** The public plan: the annex's columns only. */
  publicPlan: (plan: Plan) => ({
    year: plan.year,
    publishedAt: plan.publishedAt!.toISOString(),
    rows: plan.rows.map((row) => ({ seq: row.seq, unitName: row.unitName, timeText: row.timeText, topic: row.topic, remarks: row.remarks })),
  }),
  checklistOverview: (entry: ChecklistOverviewEntry) => ({
    ...planJson.checklist(entry),
    title: entry.title,
    department: entry.department,
    status: entry.status,
  }),
  checklist: (checklist: Checklist) => ({
    interviewId: checklist.interviewId,
    startsAt: checklist.startsAt?.toISOString() ?? null,
    announceDaysBefore: checklist.announceDaysBefore,
    entries: checklist.entries.map((entry) => ({
      item: entry.item,
      state: entry.state,
      dueAt: entry.dueAt?.toISOString() ?? null,
      doneAt: entry.doneAt?.toISOString() ?? null,
    })),
  }),
};
