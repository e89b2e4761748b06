import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ApiSession } from '../helpers/ApiSession.js';
import { createTestDatabase } from '../helpers/createTestDatabase.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * Viewers' sockets get the interview at once and every committed change after it, also when the
 * change is made through another server process on the same database (PostgreSQL LISTEN/NOTIFY).
 */
let first: TestApp;
let second: TestApp;
let staff: ApiSession;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  first = await startTestApp({ databaseUrl, rtcMinPort: 43000, rtcMaxPort: 43050 });
  second = await startTestApp({ databaseUrl, rtcMinPort: 43100, rtcMaxPort: 43150 });
  staff = await first.login();
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

interface Viewer {
  messages: { type: string; interview: { id: string; status: string; title: string } }[];
  next(): Promise<Viewer['messages'][number]>;
  closed: Promise<{ code: number }>;
  socket: WebSocket;
}

function watch(baseUrl: string, interviewId: string): Viewer {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/public/interviews/${interviewId}/events`);
  const messages: Viewer['messages'] = [];
  const waiting: ((m: Viewer['messages'][number]) => void)[] = [];
  let read = 0;
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    messages.push(message);
    waiting.shift()?.(message);
  });
  const closed = new Promise<{ code: number }>((resolve) => socket.on('close', (code) => resolve({ code })));
  return {
    messages,
    socket,
    closed,
    next: () =>
      read < messages.length
        ? Promise.resolve(messages[read++]!)
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('no message within 5 s')), 5000);
            waiting.push((m) => {
              clearTimeout(timer);
              read++;
              resolve(m);
            });
          }),
  };
}

describe('realtime interview events', () => {
  it('sends the interview on connect and each change after, across server processes', async () => {
    const created = await staff.post('/api/interviews', { title: '实时推送', guests: [{ name: '张三', position: '局长' }] });
    const id = created.body.id as string;
    const onFirst = watch(first.url, id);
    const onSecond = watch(second.url, id);
    expect((await onFirst.next()).interview).toMatchObject({ id, status: 'scheduled', title: '实时推送' });
    expect((await onSecond.next()).interview).toMatchObject({ id, status: 'scheduled' });

    expect((await staff.post(`/api/interviews/${id}/end`)).status).toBe(200);
    expect((await onFirst.next()).interview.status).toBe('ended');
    expect((await onSecond.next()).interview.status).toBe('ended');
    onFirst.socket.close();
    onSecond.socket.close();
  });

  it('closes with 4404 for an interview that does not exist', async () => {
    const viewer = watch(first.url, '00000000-0000-4000-8000-000000000000');
    expect((await viewer.closed).code).toBe(4404);
  });

  it('refuses sockets on other paths', async () => {
    const socket = new WebSocket(`${first.url.replace(/^http/, 'ws')}/api/public/interviews/not-an-id/events`);
    const error = await new Promise<Error>((resolve) => socket.on('error', resolve));
    expect(error.message).toMatch(/404/);
  });

  it('tells viewers to reconnect (1001) when the server shuts down', async () => {
    const id = (await staff.post('/api/interviews', { title: '关停' })).body.id as string;
    const viewer = watch(second.url, id);
    await viewer.next();
    await second.close();
    expect((await viewer.closed).code).toBe(1001);
  });
});
