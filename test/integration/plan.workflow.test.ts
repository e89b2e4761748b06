import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { createAccount, createUnit, postFile, proposalForm, XLSX_TYPE } from '../helpers/planFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/plan/${name}`, import.meta.url));

/** The notice's annex 1, as the office would check it after an import. */
const ANNEX_2018: [number, string, string, string][] = [
  [1, '县扶贫办', '5月15日', '2018-05-15'],
  [2, '县教体局', '6月1日', '2018-06-01'],
  [3, '县市场监管局', '6月20日', '2018-06-20'],
  [4, '县旅发委（招商局）', '7月15日', '2018-07-15'],
  [5, '县住建局', '7月31日', '2018-07-31'],
  [6, '县交警大队', '8月15日', '2018-08-15'],
  [7, '残联', '8月31日', '2018-08-31'],
  [8, '县地税局', '9月17日', '2018-09-17'],
  [9, '县环保局', '10月12日', '2018-10-12'],
  [10, '县消防大队', '11月9日', '2018-11-09'],
];

let app: TestApp;
let admin: ApiSession;
let planner: ApiSession;
let proposer: ApiSession;
let unitId: string;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login();
  unitId = await createUnit(admin, '县教体局');
  await createUnit(admin, '县旅发委(招商局)');
  planner = (await createAccount(app, admin, 'planner', ['office_planner'])).session;
  proposer = (await createAccount(app, admin, 'jiaoti', ['proposer'], unitId)).session;
}, 120_000);
afterAll(async () => {
  await app?.close();
});

async function clearPlan(year: number): Promise<void> {
  for (const row of (await planner.get(`/api/plans/${year}`)).body.rows) expect((await planner.delete(`/api/plan-rows/${row.id}`)).status).toBe(204);
}

describe('importing the annex-1 table', () => {
  it('reads the notice\'s ten 2018 rows from XLSX, matching units by name', async () => {
    const imported = await postFile(planner, '/api/plans/2018/import', XLSX_TYPE, fixture('plan-2018.xlsx'));
    expect(imported.status).toBe(201);
    const plan = (await planner.get('/api/plans/2018')).body;
    expect(plan.rows.map((row: any) => [row.seq, row.unitName, row.timeText, row.plannedDate])).toEqual(ANNEX_2018);
    expect(plan.rows[0].topic).toBe('围绕中央和省市扶贫攻坚会议精神贯彻落实及我县2018年脱贫攻坚工作举措');
    expect(plan.rows[1].organisationId).toBe(unitId);
    // Brackets of either width name the same unit.
    expect(plan.rows[3].organisationId).not.toBeNull();
    expect(plan.rows[0].organisationId).toBeNull();
  });

  it('refuses the same rows again, naming each clashing 序号, and adds nothing', async () => {
    const again = await postFile(planner, '/api/plans/2018/import', 'text/csv', fixture('plan-2018.csv'));
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('plan_import_rejected');
    expect(again.body.problems).toHaveLength(10);
    expect(again.body.problems[0]).toEqual({ row: 4, column: '序号', reason: expect.stringContaining('already in the 2018 plan') });
    expect((await planner.get('/api/plans/2018')).body.rows).toHaveLength(10);
  });

  it('reads the same rows from CSV', async () => {
    await clearPlan(2018);
    expect((await postFile(planner, '/api/plans/2018/import', 'text/csv', fixture('plan-2018.csv'))).status).toBe(201);
    const rows = (await planner.get('/api/plans/2018')).body.rows;
    expect(rows.map((row: any) => [row.seq, row.unitName, row.timeText, row.plannedDate])).toEqual(ANNEX_2018);
  });

  it('reports every unreadable row of a broken file by row number and reason, and imports none', async () => {
    const broken = await postFile(planner, '/api/plans/2019/import', 'text/csv', fixture('plan-2018-broken.csv'));
    expect(broken.status).toBe(422);
    expect(broken.body.problems).toEqual([
      { row: 3, column: '访谈时间', reason: expect.stringContaining('6月31日 is not a day') },
      { row: 4, column: '序号', reason: expect.stringContaining('"三"') },
      { row: 5, column: '责任单位', reason: expect.any(String) },
      { row: 6, column: '访谈时间', reason: expect.stringContaining('国庆前后') },
      { row: 7, column: '访谈主题', reason: expect.any(String) },
    ]);
    expect((await planner.get('/api/plans/2019')).body.rows).toEqual([]);
  });

  it('refuses what is not a table: another type, or a file without the header', async () => {
    expect((await postFile(planner, '/api/plans/2019/import', 'application/pdf', Buffer.from('%PDF-1.4'))).status).toBe(415);
    const noHeader = await postFile(planner, '/api/plans/2019/import', 'text/csv', Buffer.from('单位,主题\n县扶贫办,扶贫\n'));
    expect(noHeader.status).toBe(422);
    expect(noHeader.body.problems[0]).toMatchObject({ row: 0, reason: expect.stringContaining('序号, 责任单位, 访谈时间, 访谈主题, 备注') });
    expect((await postFile(planner, '/api/plans/2019/import', XLSX_TYPE, Buffer.from('not a zip'))).body.error).toMatchObject({ code: 'invalid_request', field: 'file' });
  });

  it('exports the plan as XLSX in the annex\'s columns, which imports back', async () => {
    const exported = await fetch(`${app.url}/api/plans/2018/export.xlsx`, { headers: { Cookie: planner.cookie! } });
    expect(exported.status).toBe(200);
    const bytes = Buffer.from(await exported.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['序号', '责任单位', '访谈时间', '访谈主题', '备注']);
    expect((sheet.getRow(6).values as unknown[]).slice(1, 4)).toEqual([4, '县旅发委（招商局）', '7月15日']);
    expect(sheet.rowCount).toBe(12);
    expect((await postFile(planner, '/api/plans/2020/import', XLSX_TYPE, bytes)).status).toBe(201);
    expect((await planner.get('/api/plans/2020')).body.rows.map((row: any) => row.timeText)).toEqual(ANNEX_2018.map((row) => row[2]));
  });
});

describe('from proposal to announcement', () => {
  it('runs a proposal through changes to the plan, then schedules, announces and lists it in the calendar', async () => {
    const draft = await proposer.post('/api/proposals', { year: 2018, ...proposalForm('小升初招生政策'), suggestedTime: '5月20日' });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', organisationId: unitId });
    const id = draft.body.id as string;
    expect((await proposer.post(`/api/proposals/${id}/submit`)).body.status).toBe('submitted');
    expect((await planner.post(`/api/proposals/${id}/review`, { decision: 'decline', reason: ' ' })).body.error.field).toBe('reason');
    const sentBack = await planner.post(`/api/proposals/${id}/review`, { decision: 'request_changes', comment: '请写明嘉宾职务' });
    expect(sentBack.body).toMatchObject({ status: 'changes_requested', reviewComment: '请写明嘉宾职务' });
    const edited = await proposer.request('PUT', `/api/proposals/${id}`, { json: { ...proposalForm('小升初招生政策解读'), suggestedTime: '5月20日' } });
    expect(edited.body.topic).toBe('小升初招生政策解读');
    await proposer.post(`/api/proposals/${id}/submit`);
    const accepted = await planner.post(`/api/proposals/${id}/review`, { decision: 'accept' });
    expect(accepted.body.status).toBe('accepted');
    // Once with the office, the unit can no longer change it.
    expect((await proposer.request('PUT', `/api/proposals/${id}`, { json: proposalForm('改') })).body.error.code).toBe('proposal_not_editable');

    const row = (await planner.get('/api/plans/2018')).body.rows.find((candidate: any) => candidate.proposalId === id);
    expect(row).toMatchObject({ seq: 11, unitName: '县教体局', organisationId: unitId, timeText: '5月20日', plannedDate: '2018-05-20', topic: '小升初招生政策解读' });

    const scheduled = await planner.post(`/api/plan-rows/${row.id}/schedule`, {});
    expect(scheduled.status).toBe(201);
    const interviewId = scheduled.body.interviewId as string;
    const interview = (await planner.get(`/api/interviews/${interviewId}`)).body;
    expect(interview).toMatchObject({ status: 'draft', title: '小升初招生政策解读', department: '县教体局', startsAt: '2018-05-20T01:30:00.000Z' });
    expect(interview.guests.map((guest: any) => guest.name)).toEqual(['王明']);
    expect((await planner.post(`/api/plan-rows/${row.id}/schedule`, {})).body.error.code).toBe('plan_row_scheduled');
    expect((await app.anonymous().get(`/api/public/interviews/${interviewId}`)).status).toBe(404);
    expect((await app.anonymous().get('/api/public/schedule.ics')).body).not.toContain(interviewId);

    // The unit sees its show's checklist: announcement due 3 days before, guests 5.
    const checklist = (await proposer.get(`/api/interviews/${interviewId}/checklist`)).body;
    expect(checklist.entries.find((entry: any) => entry.item === 'announcement_published')).toMatchObject({ dueAt: '2018-05-17T01:30:00.000Z' });
    expect(checklist.entries.find((entry: any) => entry.item === 'guests_confirmed')).toMatchObject({ dueAt: '2018-05-15T01:30:00.000Z' });

    expect((await planner.post(`/api/interviews/${interviewId}/status`, { status: 'scheduled' })).status).toBe(200);
    const calendar = await app.anonymous().get('/api/public/schedule.ics');
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get('content-type')).toMatch(/^text\/calendar/);
    // Long lines are folded (RFC 5545 §3.1): unfold before looking.
    const event = (calendar.body as string).replace(/\r\n[ \t]/g, '').split('BEGIN:VEVENT').find((part: string) => part.includes(interviewId)) as string;
    expect(event).toContain('DTSTART:20180520T013000Z');
    expect(event).toContain('DTEND:20180520T020000Z');
    expect(event).toContain('SUMMARY:小升初招生政策解读');
    expect(event).toContain(`/watch/${interviewId}`);
    expect((await proposer.get(`/api/interviews/${interviewId}/checklist`)).body.entries.find((entry: any) => entry.item === 'announcement_published').state).toBe('done');
  });

  it('publishes the plan for everyone, and withdraws it', async () => {
    expect((await app.anonymous().get('/api/public/plans/2018')).status).toBe(404);
    expect((await planner.request('PUT', '/api/plans/2018/published', { json: { published: true } })).body.publishedAt).toEqual(expect.any(String));
    const published = await app.anonymous().get('/api/public/plans/2018');
    expect(published.status).toBe(200);
    expect(published.body.rows[0]).toEqual({ seq: 1, unitName: '县扶贫办', timeText: '5月15日', topic: expect.any(String), remarks: '' });
    await planner.request('PUT', '/api/plans/2018/published', { json: { published: false } });
    expect((await app.anonymous().get('/api/public/plans/2018')).status).toBe(404);
  });

  it('lists the units that have not proposed and reminds them in the console', async () => {
    const silent = await createUnit(admin, '城关镇', 'town');
    const townUser = (await createAccount(app, admin, 'chengguan', ['proposer'], silent)).session;
    const missing = (await planner.get('/api/proposals/missing?year=2018')).body.units.map((unit: any) => unit.name);
    expect(missing).toContain('城关镇');
    expect(missing).not.toContain('县教体局');
    expect((await planner.post('/api/proposals/reminders', { year: 2018, message: '请于6月前报送访谈主题' })).body.sent).toBe(missing.length);
    const notices = (await townUser.get('/api/notices')).body;
    expect(notices).toEqual([expect.objectContaining({ message: '请于6月前报送访谈主题', readAt: null })]);
    expect((await townUser.post(`/api/notices/${notices[0].id}/read`)).status).toBe(204);
    expect((await townUser.get('/api/notices')).body[0].readAt).toEqual(expect.any(String));
    expect((await proposer.get('/api/notices')).body).toEqual([]);
  });
});

describe('accounts', () => {
  it('creates an account with unit and roles, refuses unit roles without a unit, and resets a password', async () => {
    const refused = await admin.post('/api/users', { username: 'nounit', password: 'long-enough-pw', roles: ['proposer'] });
    expect(refused.body.error).toMatchObject({ code: 'invalid_request', field: 'organisationId' });
    const created = await createAccount(app, admin, 'reviewer1', ['dept_reviewer'], unitId);
    expect((await admin.get('/api/users')).body.find((user: any) => user.id === created.id)).toMatchObject({ roles: ['dept_reviewer'], organisationId: unitId });
    expect((await admin.post('/api/users', { username: 'reviewer1', password: 'long-enough-pw' })).body.error.code).toBe('username_taken');
    expect((await admin.post(`/api/users/${created.id}/password`, { password: 'a-new-password-1' })).status).toBe(204);
    // The old session ends with the old password.
    expect((await created.session.get('/api/plan/me')).status).toBe(401);
    const me = (await (await app.login('reviewer1', 'a-new-password-1')).get('/api/plan/me')).body;
    expect(me).toMatchObject({ roles: ['dept_reviewer'], organisation: { id: unitId, name: '县教体局', kind: 'department' } });
    expect(me.can['checklist.read']).toBe(true);
    expect(me.can['plan.edit']).toBe(false);
  });
});
