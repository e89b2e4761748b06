import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { createTestDatabase } from '../helpers/createTestDatabase.js';
import { createInterview, createStaffUser, Netizen, questionAction } from '../helpers/qaFixtures.js';
import { QaSocket } from '../helpers/QaSocket.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * The Q&A over the viewer and staff sockets: replay from a seq, live events, each audience seeing only its own,
 * resuming without loss or duplicates, and two server processes on one database.
 */
let databaseUrl: string;
let first: TestApp;
let second: TestApp;
let admin: ApiSession;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  first = await startTestApp({ databaseUrl, rtcMinPort: 43200, rtcMaxPort: 43250 });
  second = await startTestApp({ databaseUrl, rtcMinPort: 43300, rtcMaxPort: 43350 });
  admin = await first.login();
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

const viewerPath = (interviewId: string) => `/api/public/interviews/${interviewId}/events`;
const staffPath = (interviewId: string) => `/api/interviews/${interviewId}/staff-events`;
const publicSeq = async (interviewId: string) => (await first.anonymous().get(`/api/public/interviews/${interviewId}/qa`)).body.seq as number;

async function askAndApprove(interviewId: string, body: string): Promise<string> {
  const id = (await new Netizen(first.anonymous(), interviewId).ask(body)).body.id as string;
  expect((await questionAction(admin, interviewId, id, { action: 'approve' })).status).toBe(200);
  return id;
}

describe('viewer socket', () => {
  it('replays everything public in seq order from since=0, then says synced at the public seq', async () => {
    const id = await createInterview(admin, '回放');
    const asker = new Netizen(first.anonymous(), id);
    const shown = (await asker.ask('会被采纳的问题一')).body.id as string;
    const hidden = (await new Netizen(first.anonymous(), id).ask('不会被采纳的问题')).body.id as string;
    const later = (await new Netizen(first.anonymous(), id).ask('会被采纳的问题二')).body.id as string;
    await questionAction(admin, id, shown, { action: 'approve' });
    await questionAction(admin, id, hidden, { action: 'reject', reason: '与主题无关' });
    await questionAction(admin, id, later, { action: 'approve' });
    const post = (await admin.post(`/api/interviews/${id}/posts`, { role: 'host', body: '欢迎各位网友' })).body.id as string;

    const viewer = await QaSocket.open(first.url, viewerPath(id), { since: 0 });
    const synced = await viewer.synced();
    expect(synced).toBe(await publicSeq(id));
    const events = viewer.qa;
    expect(events.map((e) => [e.event, e.audience, e.item.id, e.item.status ?? null])).toEqual([
      ['question', 'public', shown, 'approved'],
      ['question', 'public', later, 'approved'],
      ['post', 'public', post, null],
    ]);
    const seqs = events.map((e) => e.seq as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(Math.max(...seqs)).toBeLessThanOrEqual(synced);
    // The interview itself still comes first, as before the Q&A existed.
    expect(viewer.messages[0]).toMatchObject({ type: 'interview', interview: { id } });

    // The asker's device also gets its own question's events, pending ones included; a stranger's device does not.
    const own = await QaSocket.open(first.url, viewerPath(id), { since: 0, deviceToken: asker.deviceToken });
    await own.synced();
    expect(own.qa.filter((e) => e.audience === 'device').map((e) => [e.item.id, e.item.status])).toEqual([
      [shown, 'pending'],
      [shown, 'approved'],
    ]);
    expect(own.qa.filter((e) => e.audience === 'device').every((e) => e.item.id === shown)).toBe(true);
    await Promise.all([viewer.close(), own.close()]);
  });

  it('streams new events live, and tells viewers to drop a question that stops being public', async () => {
    const id = await createInterview(admin, '直播');
    const viewer = await QaSocket.open(first.url, viewerPath(id), { since: 0 });
    const from = await viewer.synced();
    const question = await askAndApprove(id, '直播中提出的问题');
    const approved = await viewer.waitFor((m) => m.type === 'qa' && m.item.id === question);
    expect(approved).toMatchObject({ event: 'question', audience: 'public', item: { status: 'approved', answering: false } });
    expect(approved.seq).toBeGreaterThan(from);

    await questionAction(admin, id, question, { action: 'answering' });
    const answering = await viewer.waitFor((m) => m.type === 'qa' && m.event === 'answering');
    expect(answering.item).toEqual({ answeringQuestionId: question });

    await questionAction(admin, id, question, { action: 'reject', reason: '涉及个人隐私' });
    await viewer.waitFor((m) => m.type === 'qa' && m.item.removed === true);
    const last = viewer.qa.filter((m) => m.item.id === question).at(-1)!;
    expect(last.item).toEqual({ id: question, removed: true });
    expect(viewer.qa.filter((m) => m.event === 'answering').at(-1)!.item).toEqual({ answeringQuestionId: null });

    await admin.request('PUT', `/api/interviews/${id}/review-settings`, { json: { questionsOpen: false } });
    expect((await viewer.waitFor((m) => m.type === 'qa' && m.event === 'settings')).item).toEqual({ questionsOpen: false });
    // Viewers never see staff-only fields nor the audience's other events.
    expect(viewer.qa.every((m) => m.audience === 'public')).toBe(true);
    expect(JSON.stringify(viewer.qa)).not.toMatch(/contact|originalBody|flagged|rejectReason/);
    await viewer.close();
  });

  it('resumes from the last seq it saw: exactly the three changes made while away, once each', async () => {
    const id = await createInterview(admin, '断线续传');
    const pending: string[] = [];
    for (const body of ['离线期间的问题一', '离线期间的问题二', '离线期间的问题三']) {
      pending.push((await new Netizen(first.anonymous(), id).ask(body)).body.id as string);
    }
    await askAndApprove(id, '离线前已公开的问题');

    const before = await QaSocket.open(first.url, viewerPath(id), { since: 0 });
    const lastSeen = await before.synced();
    await before.close();
    for (const question of pending) await questionAction(admin, id, question, { action: 'approve' });

    const after = await QaSocket.open(first.url, viewerPath(id), { since: lastSeen });
    await after.synced();
    expect(after.qa.map((m) => m.item.id)).toEqual(pending);
    expect(after.qa.every((m) => m.seq > lastSeen && m.audience === 'public')).toBe(true);
    await after.close();
  });

  it('gets a burst of changes made while it joins exactly once each, in order', async () => {
    const id = await createInterview(admin, '并发');
    const pending: string[] = [];
    for (let i = 0; i < 6; i++) pending.push((await new Netizen(first.anonymous(), id).ask(`并发批准的问题${i}`)).body.id as string);
    const viewers = await Promise.all([first.url, second.url].map((url) => QaSocket.open(url, viewerPath(id), { since: 0 })));
    // Approvals race the two sockets' replays and joins, and each other.
    await Promise.all(pending.map((question) => questionAction(admin, id, question, { action: 'approve' })));
    for (const viewer of viewers) {
      await viewer.waitFor(() => pending.every((question) => viewer.qa.some((m) => m.item.id === question)), 'all six approvals');
      await viewer.synced();
    }
    // Anything late or doubled would arrive within this pause.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const viewer of viewers) {
      const seqs = viewer.qa.map((m) => m.seq as number);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(viewer.qa.map((m) => m.item.id).sort()).toEqual([...pending].sort());
    }
    await Promise.all(viewers.map((viewer) => viewer.close()));
  });

  it('delivers an approval made through one server process to a viewer on another', async () => {
    const id = await createInterview(admin, '跨进程');
    const onSecond = await QaSocket.open(second.url, viewerPath(id), { since: 0 });
    await onSecond.synced();
    const question = await askAndApprove(id, '跨进程推送的问题');
    expect(await onSecond.waitFor((m) => m.type === 'qa' && m.item.id === question)).toMatchObject({ audience: 'public', item: { status: 'approved' } });
    await onSecond.close();
  });

  it('loses nothing while the LISTEN connection is down: it pulls from where it was on reconnecting', async () => {
    const id = await createInterview(admin, '监听重连');
    const viewer = await QaSocket.open(first.url, viewerPath(id), { since: 0 });
    await viewer.synced();
    const question = (await new Netizen(first.anonymous(), id).ask('监听断开时批准的问题')).body.id as string;

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const killed = await client.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`,
      );
      expect(killed.rowCount).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
    // Committed while nobody listens: its NOTIFY is lost, the event is not.
    await questionAction(admin, id, question, { action: 'approve' });
    expect(await viewer.waitFor((m) => m.type === 'qa' && m.item.id === question)).toMatchObject({ item: { status: 'approved' } });
    await viewer.close();
  });

  it('closes a socket whose hello is malformed', async () => {
    const id = await createInterview(admin, '协议');
    const socket = await QaSocket.open(first.url, viewerPath(id), { since: -1 });
    expect((await socket.closed).code).toBe(4400);
  });

  it('counts viewers every 5 s', async () => {
    const id = await createInterview(admin, '人数');
    const sockets = await Promise.all([0, 1].map(() => QaSocket.open(first.url, viewerPath(id), { since: 0 })));
    const count = await sockets[0]!.waitFor((m) => m.type === 'viewers', 'viewers', 6000);
    expect(count.count).toBe(2);
    await Promise.all(sockets.map((socket) => socket.close()));
  }, 10_000);
});

describe('staff socket', () => {
  it('needs a session, a role in the interview and our own origin', async () => {
    const id = await createInterview(admin, '后台推送');
    await expect(QaSocket.open(first.url, staffPath(id), { since: 0 })).rejects.toThrow(/401/);
    const outsider = await createStaffUser(first, 'socket-outsider');
    await expect(QaSocket.open(first.url, staffPath(id), { since: 0, headers: { Cookie: outsider.session.cookie! } })).rejects.toThrow(/403/);
    await expect(
      QaSocket.open(first.url, staffPath(id), { since: 0, headers: { Cookie: admin.cookie!, Origin: 'https://elsewhere.example' } }),
    ).rejects.toThrow(/403/);
    await expect(
      QaSocket.open(first.url, staffPath('00000000-0000-4000-8000-000000000000'), { since: 0, headers: { Cookie: admin.cookie! } }),
    ).rejects.toThrow(/404/);
  });

  it('carries every audience: staff views, the public ones and the devices\' own', async () => {
    const id = await createInterview(admin, '后台全量');
    const staff = await QaSocket.open(first.url, staffPath(id), { since: 0, headers: { Cookie: admin.cookie!, Origin: first.url } });
    await staff.synced();
    const asked = (await new Netizen(first.anonymous(), id).ask('后台能看到联系方式吗', '网友', '13900000000')).body.id as string;
    const staffView = await staff.waitFor((m) => m.type === 'qa' && m.audience === 'staff' && m.item.id === asked);
    expect(staffView.item).toMatchObject({ contact: '13900000000', status: 'pending', flagged: false });
    await staff.waitFor((m) => m.type === 'qa' && m.audience === 'device' && m.item.id === asked);
    await questionAction(admin, id, asked, { action: 'approve' });
    await staff.waitFor((m) => m.type === 'qa' && m.audience === 'public' && m.item.id === asked);
    await staff.close();
  });
});
