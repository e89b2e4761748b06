import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * A scheduled plan row's 访谈时间 follows its interview: the office moves the show in the interview editor and the plan
 * (console, XLSX export source and the public plan) shows the new day, while a row whose show stays on its day keeps
 * the text as written.
 */
const YEAR = 2032;
let app: TestApp;
let office: ApiSession;

beforeAll(async () => {
  app = await startTestApp();
  office = await app.login();
});

afterAll(async () => {
  await app?.close();
});

async function scheduledRow(timeText: string, topic: string): Promise<{ rowId: string; interviewId: string }> {
  const row = await office.post(`/api/plans/${YEAR}/rows`, { unitName: '城关镇', timeText, topic });
  expect(row.status).toBe(201);
  const scheduled = await office.post(`/api/plan-rows/${row.body.id}/schedule`, {});
  expect(scheduled.status).toBe(201);
  return { rowId: row.body.id, interviewId: scheduled.body.interviewId };
}

const rowOf = async (rowId: string) => (await office.get(`/api/plans/${YEAR}`)).body.rows.find((row: any) => row.id === rowId);

describe('a plan row scheduled as an interview', () => {
  it('shows the day the interview editor moved the show to', async () => {
    const { rowId, interviewId } = await scheduledRow('5月15日', '城镇老旧小区改造');
    expect(await rowOf(rowId)).toMatchObject({ timeText: '5月15日', plannedDate: `${YEAR}-05-15`, interviewId });

    // 23:30 in Beijing on the 20th is still the 20th there (15:30 UTC).
    const moved = await office.request('PUT', `/api/interviews/${interviewId}`, {
      json: { title: '城镇老旧小区改造', startsAt: `${YEAR}-05-20T23:30:00+08:00`, endsAt: `${YEAR}-05-21T00:00:00+08:00` },
    });
    expect(moved.status).toBe(200);
    expect(await rowOf(rowId)).toMatchObject({ timeText: '5月20日', plannedDate: `${YEAR}-05-20`, interviewId });

    await office.request('PUT', `/api/plans/${YEAR}/published`, { json: { published: true } });
    const publicRow = (await app.anonymous().get(`/api/public/plans/${YEAR}`)).body.rows.find((row: any) => row.topic === '城镇老旧小区改造');
    expect(publicRow.timeText).toBe('5月20日');
  });

  it('keeps the text as written while the show stays on the row’s day', async () => {
    const { rowId, interviewId } = await scheduledRow('2032年6月3日', '夏季防汛');
    const written = (await rowOf(rowId)).timeText;
    const moved = await office.request('PUT', `/api/interviews/${interviewId}`, {
      json: { title: '夏季防汛', startsAt: `${YEAR}-06-03T10:00:00+08:00`, endsAt: `${YEAR}-06-03T10:30:00+08:00` },
    });
    expect(moved.status).toBe(200);
    expect(await rowOf(rowId)).toMatchObject({ timeText: written, plannedDate: `${YEAR}-06-03` });
  });

  it('shows a month row the day its show was given', async () => {
    const { rowId, interviewId } = await scheduledRow('7月', '暑期安全');
    // Scheduled without a day, the interview has no time yet: the row reads as written.
    expect(await rowOf(rowId)).toMatchObject({ timeText: '7月', plannedDate: null });
    await office.request('PUT', `/api/interviews/${interviewId}`, {
      json: { title: '暑期安全', startsAt: `${YEAR}-07-09T09:30:00+08:00`, endsAt: `${YEAR}-07-09T10:00:00+08:00` },
    });
    expect(await rowOf(rowId)).toMatchObject({ timeText: '7月9日', plannedDate: `${YEAR}-07-09` });
  });
});
