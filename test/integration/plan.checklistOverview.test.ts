import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { createAccount, createUnit } from '../helpers/planFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/** The office's overview of every upcoming show's checklist: due dates, overdue items, and a unit sees only its own. */
let app: TestApp;
let office: ApiSession;

beforeAll(async () => {
  app = await startTestApp();
  office = await app.login();
});

afterAll(async () => {
  await app?.close();
});

const DAY = 86_400_000;

describe('GET /api/checklists', () => {
  it('lists upcoming shows in start order with their items, overdue ones flagged, each unit seeing its own', async () => {
    const unitA = await createUnit(office, '县文旅局');
    await createUnit(office, '县农业农村局');
    const proposerB = await createAccount(app, office, 'nync-proposer', ['proposer'], (await office.get('/api/organisations')).body.find((u: any) => u.name === '县农业农村局').id);
    const proposerA = await createAccount(app, office, 'wlj-proposer', ['proposer'], unitA);

    // Two days away with the announcement due 3 days before: guests, materials and the announcement are overdue.
    const soon = new Date(Date.now() + 2 * DAY).toISOString();
    const later = new Date(Date.now() + 30 * DAY).toISOString();
    const mk = async (title: string, department: string, startsAt?: string) =>
      (await office.post('/api/interviews', { title, department, status: 'draft', ...(startsAt && { startsAt }) })).body.id as string;
    const laterId = await mk('乡村旅游季', '县文旅局', later);
    const soonId = await mk('文旅消费券', '县文旅局', soon);
    const noTimeId = await mk('非遗保护', '县文旅局');
    const otherUnitId = await mk('春耕备耕', '县农业农村局', later);
    const ended = await mk('已结束的访谈', '县文旅局', soon);
    await office.post(`/api/interviews/${ended}/status`, { status: 'scheduled' });
    await office.post(`/api/interviews/${ended}/end`);
    await office.request('PUT', `/api/interviews/${soonId}/checklist/guests_confirmed`, { json: { done: true } });

    const all = await office.get('/api/checklists');
    expect(all.status).toBe(200);
    expect(all.body.announceDaysBefore).toBe(3);
    const ids = all.body.interviews.map((i: any) => i.interviewId);
    expect(ids).not.toContain(ended);
    // Start order, shows without a time last.
    expect(ids.indexOf(soonId)).toBeLessThan(ids.indexOf(laterId));
    expect(ids.indexOf(laterId)).toBeLessThan(ids.indexOf(noTimeId));
    const soonShow = all.body.interviews.find((i: any) => i.interviewId === soonId);
    expect(soonShow).toMatchObject({ title: '文旅消费券', department: '县文旅局', status: 'draft', startsAt: soon });
    const states = Object.fromEntries(soonShow.entries.map((e: any) => [e.item, e.state]));
    expect(states).toEqual({ guests_confirmed: 'done', materials_uploaded: 'overdue', announcement_published: 'overdue', questions_screened: 'open', studio_test: 'open' });
    expect(soonShow.entries.find((e: any) => e.item === 'studio_test').dueAt).toBe(new Date(Date.parse(soon) - DAY).toISOString());
    expect(all.body.interviews.find((i: any) => i.interviewId === noTimeId).entries.every((e: any) => e.state === 'unscheduled')).toBe(true);

    const seenByA = (await proposerA.session.get('/api/checklists')).body.interviews.map((i: any) => i.interviewId);
    expect(seenByA).toEqual(expect.arrayContaining([soonId, laterId, noTimeId]));
    expect(seenByA).not.toContain(otherUnitId);
    expect((await proposerB.session.get('/api/checklists')).body.interviews.map((i: any) => i.interviewId)).toEqual([otherUnitId]);
  });
});
