import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnitNoticeRepository } from '../../server/db/UnitNoticeRepository.js';
import { PLAN_API_ROUTES } from '../../server/http/openapi/planApiRoutes.js';
import type { ApiResponse, ApiSession } from '../helpers/ApiSession.js';
import { createAccount, createUnit, postFile, proposalForm } from '../helpers/planFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * The yearly workflow's permission matrix on real PostgreSQL: every route × every kind of account. Each cell says
 * what the account gets: ok (2xx), forbidden (403), or hidden (404: another unit's item, answered as unknown).
 * Allowed calls act on fresh items so they succeed outright. The table must name every session route the OpenAPI
 * list has for the workflow (which the OpenAPI test holds to the express app), so no route can be added without it.
 */
type Who = 'admin' | 'planner' | 'officeAdmin' | 'publisher' | 'studio' | 'proposerA' | 'reviewerA' | 'proposerB' | 'legacy';
const WHO: Who[] = ['admin', 'planner', 'officeAdmin', 'publisher', 'studio', 'proposerA', 'reviewerA', 'proposerB', 'legacy'];
type Verdict = 'ok' | 'forbidden' | 'hidden';

const YEAR = 2018;
const CSV = fs.readFileSync(new URL('../fixtures/plan/plan-2018.csv', import.meta.url));

let app: TestApp;
const as = {} as Record<Who, ApiSession>;
let unitA: string;
let unitB: string;
let unitAName: string;
let spareUserId: string;
let sharedRowId: string;
let unitAInterviewId: string;
let unitADraftId: string;
let counter = 0;
/** Each import goes to its own year, so its 序号 are free (the table's days name no year). */
let imports = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;

beforeAll(async () => {
  app = await startTestApp();
  as.admin = await app.login();
  unitAName = '县教体局';
  unitA = await createUnit(as.admin, unitAName, 'department');
  unitB = await createUnit(as.admin, '城关镇', 'town');
  const accounts: [Who, string[], string | null][] = [
    ['planner', ['office_planner'], null],
    ['officeAdmin', ['office_admin'], null],
    ['publisher', ['publisher'], null],
    ['studio', ['studio_operator'], null],
    ['proposerA', ['proposer'], unitA],
    ['reviewerA', ['dept_reviewer'], unitA],
    ['proposerB', ['proposer'], unitB],
    ['legacy', [], null],
  ];
  for (const [who, roles, unit] of accounts) as[who] = (await createAccount(app, as.admin, `perm-${who}`, roles, unit)).session;
  spareUserId = (await createAccount(app, as.admin, 'perm-spare', [], null)).id;
  sharedRowId = await newRow();
  unitAInterviewId = (await ok(as.admin.post(`/api/plan-rows/${await newRow()}/schedule`, {}))).body.interviewId;
  unitADraftId = await newProposal(false);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

async function ok(request: Promise<ApiResponse>): Promise<ApiResponse> {
  const response = await request;
  if (response.status >= 300) throw new Error(`fixture request failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

async function newRow(): Promise<string> {
  return (await ok(as.admin.post(`/api/plans/${YEAR}/rows`, { unitName: unitAName, timeText: '6月1日', topic: unique('招生政策') }))).body.id;
}

async function newProposal(submitted: boolean): Promise<string> {
  const id = (await ok(as.proposerA.post('/api/proposals', { year: YEAR, ...proposalForm(unique('主题')) }))).body.id as string;
  if (submitted) await ok(as.proposerA.post(`/api/proposals/${id}/submit`));
  return id;
}

async function newDraftInterview(): Promise<string> {
  return (await ok(as.admin.post('/api/interviews', { title: unique('访谈'), status: 'draft' }))).body.id;
}

async function newNotice(): Promise<string> {
  await new UnitNoticeRepository(app.app.database.dataSource).create({ organisationIds: [unitA], year: YEAR, message: '请报送访谈主题', createdBy: (await ok(as.admin.get('/api/plan/me'))).body.userId });
  return (await ok(as.reviewerA.get('/api/notices'))).body[0].id;
}

const ALL: Who[] = WHO;
const OFFICE: Who[] = ['admin', 'planner', 'officeAdmin'];
const ADMINS: Who[] = ['admin', 'officeAdmin'];
const NOT_LEGACY: Who[] = WHO.filter((who) => who !== 'legacy');

/** Each route: who may (the rest are forbidden unless listed as hidden), and the call on a fresh item. */
const MATRIX: Record<string, { ok: Who[]; hidden?: Who[]; call: (session: ApiSession, who: Who) => Promise<ApiResponse> }> = {
  'GET /api/organisations': { ok: NOT_LEGACY, call: (s) => s.get('/api/organisations') },
  'POST /api/organisations': { ok: ADMINS, call: (s) => s.post('/api/organisations', { name: unique('单位'), kind: 'agency' }) },
  'GET /api/users': { ok: ADMINS, call: (s) => s.get('/api/users') },
  'POST /api/users': { ok: ADMINS, call: (s) => s.post('/api/users', { username: unique('user'), password: 'a-long-password', roles: [] }) },
  'PUT /api/users/{id}/assignment': {
    ok: ADMINS,
    call: (s) => s.request('PUT', `/api/users/${spareUserId}/assignment`, { json: { organisationId: null, roles: ['publisher'] } }),
  },
  'POST /api/users/{id}/password': { ok: ADMINS, call: (s) => s.post(`/api/users/${spareUserId}/password`, { password: 'another-long-password' }) },
  'GET /api/plan/me': { ok: ALL, call: (s) => s.get('/api/plan/me') },
  'GET /api/plan/settings': { ok: ALL, call: (s) => s.get('/api/plan/settings') },
  'PUT /api/plan/settings': { ok: ADMINS, call: (s) => s.request('PUT', '/api/plan/settings', { json: { announceDaysBefore: 3 } }) },
  'GET /api/notices': { ok: ALL, call: (s) => s.get('/api/notices') },
  'POST /api/notices/{id}/read': {
    ok: ['proposerA', 'reviewerA'],
    hidden: ['admin', 'proposerB'],
    call: async (s) => s.post(`/api/notices/${await newNotice()}/read`),
  },
  'GET /api/proposals': { ok: [...OFFICE, 'proposerA', 'reviewerA', 'proposerB'], call: (s) => s.get(`/api/proposals?year=${YEAR}`) },
  'POST /api/proposals': {
    ok: ['admin', 'proposerA', 'proposerB'],
    call: (s, who) => s.post('/api/proposals', { year: YEAR, organisationId: who === 'proposerB' ? unitB : unitA, ...proposalForm(unique('主题')) }),
  },
  'GET /api/proposals/missing': { ok: OFFICE, call: (s) => s.get(`/api/proposals/missing?year=${YEAR}`) },
  'POST /api/proposals/reminders': { ok: OFFICE, call: (s) => s.post('/api/proposals/reminders', { year: YEAR, organisationIds: [], message: '请报送' }) },
  'GET /api/mail/outbox': { ok: OFFICE, call: (s) => s.get('/api/mail/outbox') },
  'GET /api/checklists': { ok: ALL, call: (s) => s.get('/api/checklists') },
  // An unknown mail: the office is told it is not there, the others that they may not ask (test/integration/mail.reminders.test.ts sends).
  'POST /api/mail/outbox/{id}/retry': { ok: [], hidden: OFFICE, call: (s) => s.post(`/api/mail/outbox/${crypto.randomUUID()}/retry`) },
  'GET /api/proposals/{id}': { ok: [...OFFICE, 'proposerA', 'reviewerA'], hidden: ['proposerB'], call: (s) => s.get(`/api/proposals/${unitADraftId}`) },
  'PUT /api/proposals/{id}': {
    ok: ['admin', 'proposerA'],
    hidden: ['proposerB'],
    call: async (s) => s.request('PUT', `/api/proposals/${await newProposal(false)}`, { json: proposalForm(unique('改过的主题')) }),
  },
  'POST /api/proposals/{id}/submit': { ok: ['admin', 'proposerA'], hidden: ['proposerB'], call: async (s) => s.post(`/api/proposals/${await newProposal(false)}/submit`) },
  'POST /api/proposals/{id}/review': {
    ok: OFFICE,
    call: async (s) => s.post(`/api/proposals/${await newProposal(true)}/review`, { decision: 'request_changes', comment: '请补充嘉宾职务' }),
  },
  'GET /api/plans/{year}': { ok: NOT_LEGACY, call: (s) => s.get(`/api/plans/${YEAR}`) },
  'GET /api/plans/{year}/export.xlsx': { ok: NOT_LEGACY, call: (s) => s.get(`/api/plans/${YEAR}/export.xlsx`) },
  'POST /api/plans/{year}/import': { ok: OFFICE, call: (s) => postFile(s, `/api/plans/${2040 + ++imports}/import`, 'text/csv', CSV) as Promise<ApiResponse> },
  'POST /api/plans/{year}/rows': { ok: OFFICE, call: (s) => s.post(`/api/plans/${YEAR}/rows`, { unitName: '城关镇', timeText: '7月', topic: unique('主题') }) },
  'PUT /api/plans/{year}/published': { ok: OFFICE, call: (s) => s.request('PUT', `/api/plans/${YEAR}/published`, { json: { published: true } }) },
  'PUT /api/plan-rows/{id}': {
    ok: OFFICE,
    call: (s) => s.request('PUT', `/api/plan-rows/${sharedRowId}`, { json: { unitName: unitAName, timeText: '6月2日', topic: '招生政策解读' } }),
  },
  'DELETE /api/plan-rows/{id}': { ok: OFFICE, call: async (s) => s.delete(`/api/plan-rows/${await newRow()}`) },
  'POST /api/plan-rows/{id}/schedule': { ok: OFFICE, call: async (s) => s.post(`/api/plan-rows/${await newRow()}/schedule`, {}) },
  'GET /api/interviews/{id}/checklist': {
    ok: [...OFFICE, 'publisher', 'studio', 'proposerA', 'reviewerA', 'legacy'],
    hidden: ['proposerB'],
    call: (s) => s.get(`/api/interviews/${unitAInterviewId}/checklist`),
  },
  'PUT /api/interviews/{id}/checklist/{item}': {
    ok: [...OFFICE, 'proposerA', 'reviewerA', 'legacy'],
    hidden: ['proposerB'],
    call: (s) => s.request('PUT', `/api/interviews/${unitAInterviewId}/checklist/guests_confirmed`, { json: { done: true } }),
  },
};

/** The interview routes the workflow's roles guard (issue 4 owns the routes; the check is ours). */
const INTERVIEW_MATRIX: typeof MATRIX = {
  'POST /api/interviews': { ok: [...OFFICE, 'legacy'], call: (s) => s.post('/api/interviews', { title: unique('访谈'), status: 'draft' }) },
  'PUT /api/interviews/{id}': {
    ok: [...OFFICE, 'legacy'],
    call: async (s) => s.request('PUT', `/api/interviews/${await newDraftInterview()}`, { json: { title: unique('改过的访谈') } }),
  },
  'POST /api/interviews/{id}/status': {
    ok: [...OFFICE, 'publisher', 'studio', 'legacy'],
    call: async (s) => s.post(`/api/interviews/${await newDraftInterview()}/status`, { status: 'scheduled' }),
  },
};

describe('the yearly workflow permission matrix', () => {
  it('names every session route of the workflow', () => {
    const documented = PLAN_API_ROUTES.filter((route) => route.auth === 'session').map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(Object.keys(MATRIX).sort()).toEqual(documented.sort());
  });

  for (const [route, cell] of Object.entries({ ...MATRIX, ...INTERVIEW_MATRIX })) {
    it(route, async () => {
      const got: Record<string, string> = {};
      const want: Record<string, Verdict> = {};
      for (const who of WHO) {
        want[who] = cell.ok.includes(who) ? 'ok' : cell.hidden?.includes(who) ? 'hidden' : 'forbidden';
        const response = await cell.call(as[who], who);
        const verdict: Verdict | null =
          response.status >= 200 && response.status < 300 ? 'ok' : response.status === 403 ? 'forbidden' : response.status === 404 ? 'hidden' : null;
        got[who] = verdict ?? `${response.status} ${JSON.stringify(response.body)}`;
        if (verdict === 'forbidden') expect(response.body.error.code).toBe('forbidden');
      }
      expect(got).toEqual(want);
    });
  }
});
