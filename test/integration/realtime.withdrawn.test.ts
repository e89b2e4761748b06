import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ApiSession } from '../helpers/ApiSession.js';
import { createTestDatabase } from '../helpers/createTestDatabase.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * Withdrawing an announcement (scheduled → draft) reaches the pages that have it open: their sockets are closed with
 * 4404 "not found", as a new socket for a draft is, on this server process and on another one sharing the database,
 * so `<online-interview>` shows its not-found state instead of the withdrawn details.
 */
let first: TestApp;
let second: TestApp;
let office: ApiSession;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  first = await startTestApp({ databaseUrl, rtcMinPort: 43200, rtcMaxPort: 43250 });
  second = await startTestApp({ databaseUrl, rtcMinPort: 43300, rtcMaxPort: 43350 });
  office = await first.login();
});

afterAll(async () => {
  await second?.close();
  await first?.close();
});

function open(baseUrl: string, interviewId: string): { first: Promise<any>; closed: Promise<{ code: number; reason: string }> } {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/public/interviews/${interviewId}/events`);
  return {
    first: new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data))))),
    closed: new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) }))),
  };
}

describe('a withdrawn announcement', () => {
  it('closes the open pages\' sockets with 4404 on every server process', async () => {
    const created = await office.post('/api/interviews', { title: '撤回的预告', status: 'draft' });
    const id = created.body.id as string;
    expect((await office.post(`/api/interviews/${id}/status`, { status: 'scheduled' })).status).toBe(200);

    const here = open(first.url, id);
    const there = open(second.url, id);
    expect((await here.first).interview).toMatchObject({ id, status: 'scheduled', title: '撤回的预告' });
    expect((await there.first).interview).toMatchObject({ id, status: 'scheduled' });

    const withdrawn = await office.post(`/api/interviews/${id}/status`, { status: 'draft' });
    expect(withdrawn.status).toBe(200);
    expect(await here.closed).toEqual({ code: 4404, reason: 'interview not found' });
    expect(await there.closed).toEqual({ code: 4404, reason: 'interview not found' });
    expect((await first.anonymous().get(`/api/public/interviews/${id}`)).status).toBe(404);
  });

  it('leaves the sockets of an announcement that changes but stays public open', async () => {
    const created = await office.post('/api/interviews', { title: '改时间的预告', status: 'draft' });
    const id = created.body.id as string;
    await office.post(`/api/interviews/${id}/status`, { status: 'scheduled' });
    const socket = new WebSocket(`${first.url.replace(/^http/, 'ws')}/api/public/interviews/${id}/events`);
    const messages: any[] = [];
    const second = new Promise<any>((resolve) =>
      socket.on('message', (data) => {
        messages.push(JSON.parse(String(data)));
        if (messages.length === 2) resolve(messages[1]);
      }),
    );
    await new Promise((resolve) => socket.once('message', resolve));
    await office.request('PUT', `/api/interviews/${id}`, { json: { title: '改过时间的预告' } });
    expect((await second).interview).toMatchObject({ id, title: '改过时间的预告', status: 'scheduled' });
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });
});
