import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse, ApiSession } from '../helpers/ApiSession.js';
import { createInterview, createStaffUser, Netizen, questionAction, setMember } from '../helpers/qaFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * Who may do what, by the roles interview_members gives each staff user (admins hold them all). Every allowed
 * action runs on a fresh item so it succeeds outright; every refused one must be 403 forbidden.
 */
type Role = 'moderator' | 'host' | 'guest' | 'reviewer' | 'outsider';
const ROLES: Role[] = ['moderator', 'host', 'guest', 'reviewer', 'outsider'];

let app: TestApp;
let admin: ApiSession;
let interviewId: string;
const sessions = {} as Record<Role, ApiSession>;
const userIds = {} as Record<Role, string>;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login();
  interviewId = await createInterview(admin, '权限');
  for (const role of ROLES) {
    const user = await createStaffUser(app, `perm-${role}`);
    sessions[role] = user.session;
    userIds[role] = user.id;
    if (role !== 'outsider') await setMember(admin, interviewId, user.id, [role], role === 'guest' ? 0 : undefined);
  }
});
afterAll(async () => {
  await app?.close();
});

async function pendingQuestion(): Promise<string> {
  const asked = await new Netizen(app.anonymous(), interviewId).ask('权限测试用的网友问题');
  expect(asked.status).toBe(201);
  return asked.body.id as string;
}

async function approvedQuestion(): Promise<string> {
  const id = await pendingQuestion();
  expect((await questionAction(admin, interviewId, id, { action: 'approve' })).status).toBe(200);
  return id;
}

async function pendingGuestPost(): Promise<string> {
  const written = await admin.post(`/api/interviews/${interviewId}/posts`, { role: 'guest', guestIndex: 0, body: '待审核的嘉宾发言' });
  expect(written.body.status).toBe('pending');
  return written.body.id as string;
}

/** Nothing to prepare: the action needs no item. */
const none = async () => '';

/**
 * Each action, the roles allowed, what it acts on (made fresh for every allowed try, so it succeeds; one shared item
 * for the refusals, which change nothing), and the request. Fresh items are few on purpose: questions count against
 * the per-IP limit (30 an hour), and every test request comes from 127.0.0.1.
 */
const MATRIX: [string, Role[], () => Promise<string>, (as: ApiSession, item: string) => Promise<ApiResponse>][] = [
  ['read the staff Q&A', ['moderator', 'host', 'guest', 'reviewer'], none, (as) => as.get(`/api/interviews/${interviewId}/qa`)],
  ['approve a question', ['moderator'], pendingQuestion, (as, item) => questionAction(as, interviewId, item, { action: 'approve' })],
  ['reject a question', ['moderator'], pendingQuestion, (as, item) => questionAction(as, interviewId, item, { action: 'reject', reason: '重复提问' })],
  ['select a question', ['moderator'], approvedQuestion, (as, item) => questionAction(as, interviewId, item, { action: 'select' })],
  ['mark a question being answered', ['host'], approvedQuestion, (as, item) => questionAction(as, interviewId, item, { action: 'answering' })],
  ['mark a question answered', ['moderator', 'host'], approvedQuestion, (as, item) => questionAction(as, interviewId, item, { action: 'answered' })],
  ['write a host post', ['host'], none, (as) => as.post(`/api/interviews/${interviewId}/posts`, { role: 'host', body: '主持人发言' })],
  ['write a guest post', ['guest'], none, (as) => as.post(`/api/interviews/${interviewId}/posts`, { role: 'guest', guestIndex: 0, body: '嘉宾发言' })],
  ['review a post', ['reviewer'], pendingGuestPost, (as, item) => as.post(`/api/interviews/${interviewId}/posts/${item}/actions`, { action: 'approve' })],
  ['read the review settings', ['moderator', 'host', 'guest', 'reviewer'], none, (as) => as.get(`/api/interviews/${interviewId}/review-settings`)],
  ['change the review settings', ['moderator', 'reviewer'], none, (as) => as.request('PUT', `/api/interviews/${interviewId}/review-settings`, { json: { sensitiveWordAction: 'hold' } })],
  ['read the audit log', ['moderator', 'reviewer'], none, (as) => as.get(`/api/interviews/${interviewId}/audit`)],
  ['list the members', [], none, (as) => as.get(`/api/interviews/${interviewId}/members`)],
  ['assign a member', [], none, (as) => as.request('PUT', `/api/interviews/${interviewId}/members/${userIds.outsider}`, { json: { roles: ['host'] } })],
];

describe('permissions by interview role', () => {
  it.each(MATRIX)('%s: allowed to %j only', async (_action, allowed, prepare, act) => {
    const shared = await prepare();
    for (const role of ROLES) {
      if (allowed.includes(role)) {
        const response = await act(sessions[role], await prepare());
        expect([200, 201], `${role}: ${JSON.stringify(response.body)}`).toContain(response.status);
      } else {
        const response = await act(sessions[role], shared);
        expect(response.status, role).toBe(403);
        expect(response.body.error.code).toBe('forbidden');
      }
    }
    // The admin may do everything.
    expect([200, 201]).toContain((await act(admin, await prepare())).status);
  });

  it('needs a login for the staff routes', async () => {
    const response = await app.anonymous().get(`/api/interviews/${interviewId}/qa`);
    expect(response.status).toBe(401);
  });
});

describe('members', () => {
  it('lists, changes and removes members; the audit log records it', async () => {
    const id = await createInterview(admin, '成员', [{ name: '赵主任', position: '主任' }]);
    const user = await createStaffUser(app, 'member-changes');
    expect((await admin.get(`/api/interviews/${id}/members`)).body).toEqual([]);

    const missingIndex = await admin.request('PUT', `/api/interviews/${id}/members/${user.id}`, { json: { roles: ['guest'] } });
    expect(missingIndex.status).toBe(400);
    expect(missingIndex.body.error.field).toBe('guestIndex');
    const noRoles = await admin.request('PUT', `/api/interviews/${id}/members/${user.id}`, { json: { roles: [] } });
    expect(noRoles.body.error.field).toBe('roles');
    const unknownUser = await admin.request('PUT', `/api/interviews/${id}/members/00000000-0000-4000-8000-000000000000`, { json: { roles: ['host'] } });
    expect(unknownUser.status).toBe(404);

    const set = await admin.request('PUT', `/api/interviews/${id}/members/${user.id}`, { json: { roles: ['guest', 'moderator'], guestIndex: 0 } });
    expect(set.body).toEqual([{ userId: user.id, username: 'member-changes', roles: ['guest', 'moderator'], guestIndex: 0 }]);
    const me = (await user.session.get(`/api/interviews/${id}/qa`)).body.me;
    expect(me).toEqual({ roles: ['guest', 'moderator'], guestIndex: 0, admin: false });

    const removed = await admin.request('DELETE', `/api/interviews/${id}/members/${user.id}`);
    expect(removed.body).toEqual([]);
    expect((await user.session.get(`/api/interviews/${id}/qa`)).status).toBe(403);

    const audit = (await admin.get(`/api/interviews/${id}/audit`)).body;
    expect(audit.map((entry: { action: string }) => entry.action)).toEqual(['member.delete', 'member.put']);
    expect(audit[1]).toMatchObject({
      actorUsername: 'admin',
      targetType: 'member',
      targetId: user.id,
      before: null,
      after: { roles: ['guest', 'moderator'], guestIndex: 0 },
    });
  });

  it('audits question moves with who made them, newest first, the asker only as a netizen', async () => {
    const id = await createInterview(admin, '审计');
    const asked = (await new Netizen(app.anonymous(), id).ask('审计日志会记录什么？')).body;
    await questionAction(admin, id, asked.id, { action: 'approve' });
    const audit = (await admin.get(`/api/interviews/${id}/audit`)).body;
    expect(audit).toEqual([
      expect.objectContaining({ action: 'question.approve', actorUsername: 'admin', targetId: asked.id, before: expect.objectContaining({ status: 'pending' }), after: expect.objectContaining({ status: 'approved' }) }),
      expect.objectContaining({ action: 'question.ask', actorUserId: null, actorUsername: null, before: null }),
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/device/i);
  });
});
