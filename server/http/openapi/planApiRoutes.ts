import {
  assignmentBody,
  checklistMarkBody,
  newOrganisationBody,
  newProposalBody,
  newUserBody,
  passwordBody,
  planRowBody,
  planSettingsBody,
  proposalFormBody,
  publishBody,
  reminderBody,
  reviewBody,
  scheduleBody,
} from '../planSchemas.js';
import type { ApiRoute, ErrorCode } from './apiRoutes.js';

// As in apiRoutes.ts: the /api chain's checks, and what every yearly-workflow route may refuse.
const jsonBody: ErrorCode[] = ['forbidden_origin', 'unsupported_media_type', 'invalid_json', 'payload_too_large', 'invalid_request'];
const read: ErrorCode[] = ['unauthenticated', 'forbidden'];
const write: ErrorCode[] = [...read, ...jsonBody];
const one: ErrorCode[] = [...read, 'not_found'];

/**
 * The yearly workflow's routes (issue 6). Every route with auth 'session' appears in the permission matrix of
 * test/integration/plan.permissions.test.ts, which fails when one is missing.
 */
export const PLAN_API_ROUTES: ApiRoute[] = [
  // organisations and accounts
  {
    method: 'get', path: '/api/organisations', tag: 'organisations', auth: 'session', summary: 'The interviewed units (镇, 部门, 直属机构)',
    success: { status: 200, description: '`[{ id, name, kind }]`' },
    errors: read,
  },
  {
    method: 'post', path: '/api/organisations', tag: 'organisations', auth: 'session', summary: 'Add a unit', body: newOrganisationBody,
    success: { status: 201, description: '`{ id, name, kind }`' },
    errors: [...write, 'organisation_exists'],
  },
  {
    method: 'get', path: '/api/users', tag: 'organisations', auth: 'session', summary: 'The console accounts with their unit and roles',
    success: { status: 200, description: '`[{ id, username, role, organisationId, roles, createdAt }]`' },
    errors: read,
  },
  {
    method: 'post', path: '/api/users', tag: 'organisations', auth: 'session', summary: 'Create an account', body: newUserBody,
    success: { status: 201, description: 'The account' },
    errors: [...write, 'username_taken'],
  },
  {
    method: 'put', path: '/api/users/{id}/assignment', tag: 'organisations', auth: 'session', summary: "Set an account's unit and roles",
    body: assignmentBody,
    success: { status: 200, description: 'The account' },
    errors: [...write, 'not_found'],
  },
  {
    method: 'post', path: '/api/users/{id}/password', tag: 'organisations', auth: 'session',
    summary: "Reset an account's password (its sessions end)", body: passwordBody,
    success: { status: 204, description: 'Reset' },
    errors: [...write, 'not_found'],
  },
  {
    method: 'get', path: '/api/plan/me', tag: 'organisations', auth: 'session', summary: "The user's unit, roles and what they may do",
    success: { status: 200, description: '`{ userId, username, admin, roles, organisation, can: { action: boolean }, desks: [{ interviewId, roles }] }` (desks: where the user is host, guest, moderator or reviewer)' },
    errors: ['unauthenticated'],
  },
  {
    method: 'get', path: '/api/plan/settings', tag: 'plan', auth: 'session', summary: 'The workflow settings',
    success: { status: 200, description: '`{ announceDaysBefore }`' },
    errors: ['unauthenticated'],
  },
  {
    method: 'put', path: '/api/plan/settings', tag: 'plan', auth: 'session', summary: 'Change the workflow settings', body: planSettingsBody,
    success: { status: 200, description: '`{ announceDaysBefore }`' },
    errors: write,
  },
  {
    method: 'get', path: '/api/notices', tag: 'proposals', auth: 'session', summary: "The notices to the user's unit (the office's reminders)",
    success: { status: 200, description: '`[{ id, organisationId, year, message, createdAt, readAt }]`' },
    errors: read,
  },
  {
    method: 'post', path: '/api/notices/{id}/read', tag: 'proposals', auth: 'session', summary: 'Mark a notice read',
    success: { status: 204, description: 'Marked' },
    errors: [...one, 'forbidden_origin'],
  },

  // proposals
  {
    method: 'get', path: '/api/proposals', tag: 'proposals', auth: 'session', summary: "The year's proposals (`?year`): the office all, a unit its own",
    success: { status: 200, description: 'The proposals' },
    errors: [...read, 'invalid_request'],
  },
  {
    method: 'post', path: '/api/proposals', tag: 'proposals', auth: 'session', summary: 'Draft a proposal (意见建议征集表)', body: newProposalBody,
    success: { status: 201, description: 'The draft' },
    errors: write,
  },
  {
    method: 'get', path: '/api/proposals/missing', tag: 'proposals', auth: 'session', summary: 'Units that have not proposed this year (`?year`)',
    success: { status: 200, description: '`{ year, units: [{ id, name, kind, lastRemindedAt }] }`' },
    errors: [...read, 'invalid_request'],
  },
  {
    method: 'post', path: '/api/proposals/reminders', tag: 'proposals', auth: 'session',
    summary: "Remind units that have not proposed (in-app notice; e-mail to the unit's proposers when SMTP is configured)",
    body: reminderBody,
    success: { status: 200, description: '`{ sent, emailed }`: units reminded, e-mails queued' },
    errors: write,
  },
  {
    method: 'get', path: '/api/checklists', tag: 'plan', auth: 'session',
    summary: "Every upcoming show's preparation checklist (drafts and announced shows; a unit sees its own)",
    success: { status: 200, description: '`{ announceDaysBefore, interviews: [{ interviewId, title, department, status, startsAt, announceDaysBefore, entries }] }`' },
    errors: read,
  },
  {
    method: 'get', path: '/api/mail/outbox', tag: 'proposals', auth: 'session', summary: 'The e-mail outbox: the newest 100 mails and how many are in each state',
    success: { status: 200, description: '`{ enabled, counts: { queued, sent, failed }, mails: [{ id, kind, to, subject, status, attempts, lastError, nextAttemptAt, createdAt, sentAt }] }`' },
    errors: read,
  },
  {
    method: 'post', path: '/api/mail/outbox/{id}/retry', tag: 'proposals', auth: 'session', summary: 'Queue a failed e-mail again for a new round of tries',
    success: { status: 204, description: 'Queued' },
    errors: [...write, 'not_found', 'mail_not_failed', 'mail_not_configured'],
  },
  {
    method: 'get', path: '/api/proposals/{id}', tag: 'proposals', auth: 'session', summary: 'One proposal',
    success: { status: 200, description: 'The proposal' },
    errors: one,
  },
  {
    method: 'put', path: '/api/proposals/{id}', tag: 'proposals', auth: 'session', summary: 'Edit a draft or a proposal sent back', body: proposalFormBody,
    success: { status: 200, description: 'The proposal' },
    errors: [...write, 'not_found', 'proposal_not_editable'],
  },
  {
    method: 'post', path: '/api/proposals/{id}/submit', tag: 'proposals', auth: 'session', summary: 'Submit (or resubmit) to the office',
    success: { status: 200, description: 'The proposal' },
    errors: [...one, 'forbidden_origin', 'invalid_request', 'proposal_not_editable'],
  },
  {
    method: 'post', path: '/api/proposals/{id}/review', tag: 'proposals', auth: 'session',
    summary: "The office's decision: accept into the plan, ask for changes, or decline", body: reviewBody,
    success: { status: 200, description: 'The proposal' },
    errors: [...write, 'not_found', 'proposal_not_submitted'],
  },

  // plans
  {
    method: 'get', path: '/api/plans/{year}', tag: 'plan', auth: 'session', summary: "The year's plan (访谈计划表)",
    success: { status: 200, description: '`{ year, publishedAt, rows }`' },
    errors: [...read, 'invalid_request'],
  },
  {
    method: 'get', path: '/api/plans/{year}/export.xlsx', tag: 'plan', auth: 'session', summary: 'The plan as XLSX in the annex-1 columns',
    success: { status: 200, description: 'The workbook', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    errors: [...read, 'invalid_request'],
  },
  {
    method: 'post', path: '/api/plans/{year}/import', tag: 'plan', auth: 'session',
    summary: 'Import an annex-1 table (序号 责任单位 访谈时间 访谈主题 备注): all rows or none',
    rawBody: { contentTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'], description: 'The XLSX or CSV file (UTF-8 or GB18030), at most 2 MB' },
    success: { status: 201, description: '`{ imported: rows }`; 422 `plan_import_rejected` with `problems: [{ row, column, reason }]`' },
    errors: [...read, 'forbidden_origin', 'invalid_request', 'payload_too_large', 'unsupported_media_type', 'plan_import_rejected'],
  },
  {
    method: 'post', path: '/api/plans/{year}/rows', tag: 'plan', auth: 'session', summary: 'Add a row', body: planRowBody,
    success: { status: 201, description: 'The row' },
    errors: write,
  },
  {
    method: 'put', path: '/api/plans/{year}/published', tag: 'plan', auth: 'session', summary: 'Publish or withdraw the plan', body: publishBody,
    success: { status: 200, description: 'The plan' },
    errors: write,
  },
  {
    method: 'put', path: '/api/plan-rows/{id}', tag: 'plan', auth: 'session', summary: 'Edit a row', body: planRowBody,
    success: { status: 200, description: 'The row' },
    errors: [...write, 'not_found'],
  },
  {
    method: 'delete', path: '/api/plan-rows/{id}', tag: 'plan', auth: 'session', summary: 'Delete a row not yet scheduled',
    success: { status: 204, description: 'Deleted' },
    errors: [...one, 'forbidden_origin', 'plan_row_scheduled'],
  },
  {
    method: 'post', path: '/api/plan-rows/{id}/schedule', tag: 'plan', auth: 'session', summary: 'Make the row a draft interview', body: scheduleBody,
    success: { status: 201, description: '`{ row, interviewId }`' },
    errors: [...write, 'not_found', 'plan_row_scheduled'],
  },

  // checklists
  {
    method: 'get', path: '/api/interviews/{id}/checklist', tag: 'plan', auth: 'session', summary: "The interview's preparation checklist with due dates",
    success: { status: 200, description: '`{ interviewId, startsAt, announceDaysBefore, entries: [{ item, state, dueAt, doneAt }] }`' },
    errors: one,
  },
  {
    method: 'put', path: '/api/interviews/{id}/checklist/{item}', tag: 'plan', auth: 'session', summary: 'Tick or untick a checklist item',
    body: checklistMarkBody,
    success: { status: 200, description: 'The checklist' },
    errors: [...write, 'not_found'],
  },

  // public
  {
    method: 'get', path: '/api/public/schedule.ics', tag: 'public', auth: 'none', summary: 'The announced interviews as an iCalendar feed',
    success: { status: 200, description: 'text/calendar', contentType: 'text/calendar' },
    errors: [],
  },
  {
    method: 'get', path: '/api/public/plans/{year}', tag: 'public', auth: 'none', summary: "A published year's plan (annex-1 columns)",
    success: { status: 200, description: '`{ year, publishedAt, rows: [{ seq, unitName, timeText, topic, remarks }] }`' },
    errors: ['invalid_request', 'not_found'],
  },
];
