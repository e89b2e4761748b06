import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

const PORTAL = 'https://www.example.gov.cn';
let server: TestApp;
let staff: ApiSession;

beforeAll(async () => {
  server = await startTestApp({ corsOrigins: [PORTAL] });
  staff = await server.login();
});
afterAll(async () => {
  await server?.close();
});

async function create(title: string, startsAt: string | null, status: 'draft' | 'scheduled' = 'scheduled'): Promise<string> {
  const response = await staff.post('/api/interviews', { title, startsAt, status });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

describe('GET /api/public/interviews (the schedule)', () => {
  it("lists one year's non-draft interviews in programme order, with CORS for the listed portal", async () => {
    const may = await create('五月访谈', '2031-05-15T09:30:00+08:00');
    const march = await create('三月访谈', '2031-03-10T09:30:00+08:00');
    await create('草稿访谈', '2031-04-01T09:30:00+08:00', 'draft');
    // 1 January 2032, 00:30 in the county: still 2031 in UTC, but the 2032 plan.
    const newYear = await create('元旦访谈', '2032-01-01T00:30:00+08:00');
    await staff.post(`/api/interviews/${march}/status`, { status: 'live' });

    const response = await server.anonymous().get('/api/public/interviews?year=2031', { headers: { Origin: PORTAL } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(response.body.year).toBe(2031);
    expect(response.body.interviews.map((i: { id: string }) => i.id)).toEqual([march, may]);
    expect(response.body.interviews[0]).toMatchObject({ title: '三月访谈', status: 'live', host: null, guests: [] });
    expect(response.body.interviews[0].pageUrl).toMatch(new RegExp(`/watch/${march}$`));

    const next = await server.anonymous().get('/api/public/interviews?year=2032');
    expect(next.body.interviews.map((i: { id: string }) => i.id)).toEqual([newYear]);
  });

  it('defaults to the current year', async () => {
    const response = await server.anonymous().get('/api/public/interviews');
    expect(response.status).toBe(200);
    expect(response.body.year).toBe(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear());
  });

  it('answers invalid_request naming the field for a bad year', async () => {
    for (const year of ['abc', '1999', '2101', '2031.5', '']) {
      const response = await server.anonymous().get(`/api/public/interviews?year=${year}`);
      expect(response.status, year).toBe(400);
      expect(response.body.error, year).toMatchObject({ code: 'invalid_request', field: 'year' });
    }
  });
});
