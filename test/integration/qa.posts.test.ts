import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InterviewRepository } from '../../server/db/InterviewRepository.js';
import type { ApiSession } from '../helpers/ApiSession.js';
import { createInterview, createStaffUser, Netizen, questionAction, setMember } from '../helpers/qaFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/** The 图文直播: host posts go out at once, guest posts wait for the department's reviewer (审核把关). */
let app: TestApp;
let admin: ApiSession;
let host: ApiSession;
let guest: ApiSession;
let reviewer: ApiSession;
let interviewId: string;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login();
  interviewId = await createInterview(admin, '图文直播', [
    { name: '张局长', position: '县教育局局长' },
    { name: '李科长', position: '' },
  ]);
  const users = await Promise.all(['host', 'guest', 'reviewer'].map((name) => createStaffUser(app, `posts-${name}`)));
  await setMember(admin, interviewId, users[0]!.id, ['host']);
  await setMember(admin, interviewId, users[1]!.id, ['guest'], 0);
  await setMember(admin, interviewId, users[2]!.id, ['reviewer']);
  [host, guest, reviewer] = users.map((user) => user.session) as [ApiSession, ApiSession, ApiSession];
});
afterAll(async () => {
  await app?.close();
});

const publicPosts = async () => (await app.anonymous().get(`/api/public/interviews/${interviewId}/qa`)).body.posts;

describe('posts', () => {
  it('publishes a host post at once, as 主持人', async () => {
    const written = await host.post(`/api/interviews/${interviewId}/posts`, { role: 'host', body: '各位网友，欢迎收看本期在线访谈。' });
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({ role: 'host', authorName: '主持人', authorPosition: null, status: 'approved', publishedAt: expect.any(String) });
    expect(await publicPosts()).toContainEqual({
      id: written.body.id,
      role: 'host',
      authorName: '主持人',
      authorPosition: null,
      body: '各位网友，欢迎收看本期在线访谈。',
      images: [],
      questionId: null,
      publishedAt: written.body.publishedAt,
    });
  });

  it('holds a guest post until the reviewer approves it; a rejected one never shows', async () => {
    const written = await guest.post(`/api/interviews/${interviewId}/posts`, { role: 'guest', body: '今年将新建两所小学。\n\n明年秋季招生。' });
    expect(written.body).toMatchObject({ authorName: '张局长', authorPosition: '县教育局局长', status: 'pending', publishedAt: null });
    expect((await publicPosts()).map((post: { id: string }) => post.id)).not.toContain(written.body.id);

    const approved = await reviewer.post(`/api/interviews/${interviewId}/posts/${written.body.id}/actions`, { action: 'approve' });
    expect(approved.body).toMatchObject({ status: 'approved', publishedAt: expect.any(String) });
    expect(await publicPosts()).toContainEqual(expect.objectContaining({ id: written.body.id, body: '今年将新建两所小学。\n\n明年秋季招生。' }));
    const twice = await reviewer.post(`/api/interviews/${interviewId}/posts/${written.body.id}/actions`, { action: 'approve' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('post_not_pending');

    const other = (await guest.post(`/api/interviews/${interviewId}/posts`, { role: 'guest', body: '这条不该发出。' })).body;
    const rejected = await reviewer.post(`/api/interviews/${interviewId}/posts/${other.id}/actions`, { action: 'reject', reason: '信息不完整' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '信息不完整' });
    expect((await publicPosts()).map((post: { id: string }) => post.id)).not.toContain(other.id);
  });

  it('answers a netizen question with a guest post, then marks it answered with its program time while live', async () => {
    const asked = (await new Netizen(app.anonymous(), interviewId).ask('新建小学在哪个片区？')).body;
    const early = await guest.post(`/api/interviews/${interviewId}/posts`, { role: 'guest', body: '在城东片区。', questionId: asked.id });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('question_not_approved');

    await questionAction(admin, interviewId, asked.id, { action: 'approve' });
    // The show goes on air (as the media node would record it) a moment before the answer.
    await new InterviewRepository(app.app.database.dataSource).setStatus(interviewId, 'live', new Date(Date.now() - 60_000));
    const answer = await guest.post(`/api/interviews/${interviewId}/posts`, { role: 'guest', body: '在城东片区。', questionId: asked.id });
    expect(answer.body).toMatchObject({ questionId: asked.id, status: 'pending', programTimeMs: expect.any(Number) });
    const approved = await reviewer.post(`/api/interviews/${interviewId}/posts/${answer.body.id}/actions`, { action: 'approve' });
    expect(approved.body.programTimeMs).toBeGreaterThanOrEqual(60_000);
    expect(approved.body.programTimeMs).toBeLessThan(120_000);

    const answered = await host.post(`/api/interviews/${interviewId}/questions/${asked.id}/actions`, { action: 'answered' });
    expect(answered.body).toMatchObject({ status: 'answered', programTimeMs: expect.any(Number) });
    expect(answered.body.programTimeMs).toBeGreaterThanOrEqual(60_000);
    const qa = (await app.anonymous().get(`/api/public/interviews/${interviewId}/qa`)).body;
    expect(qa.questions).toContainEqual(expect.objectContaining({ id: asked.id, status: 'answered' }));
    expect(qa.posts).toContainEqual(expect.objectContaining({ id: answer.body.id, questionId: asked.id, role: 'guest', authorName: '张局长' }));
  });

  it('lets a guest write only as their own guest; an admin names the guest', async () => {
    const asOther = await guest.post(`/api/interviews/${interviewId}/posts`, { role: 'guest', guestIndex: 1, body: '冒名发言' });
    expect(asOther.status).toBe(403);
    expect(asOther.body.error.code).toBe('forbidden');
    const unnamed = await admin.post(`/api/interviews/${interviewId}/posts`, { role: 'guest', body: '没有说是哪位嘉宾' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.field).toBe('guestIndex');
    const outOfRange = await admin.post(`/api/interviews/${interviewId}/posts`, { role: 'guest', guestIndex: 5, body: '不存在的嘉宾' });
    expect(outOfRange.body.error.field).toBe('guestIndex');
    const second = await admin.post(`/api/interviews/${interviewId}/posts`, { role: 'guest', guestIndex: 1, body: '我补充一点。' });
    expect(second.body).toMatchObject({ authorName: '李科长', authorPosition: null });
  });

  it('follows the review settings: host posts reviewed when asked, guest posts published when not', async () => {
    const id = await createInterview(admin, '设置', [{ name: '王主任', position: '主任' }]);
    await admin.request('PUT', `/api/interviews/${id}/review-settings`, { json: { reviewHostPosts: true, reviewGuestPosts: false } });
    expect((await admin.post(`/api/interviews/${id}/posts`, { role: 'host', body: '主持人开场' })).body.status).toBe('pending');
    expect((await admin.post(`/api/interviews/${id}/posts`, { role: 'guest', guestIndex: 0, body: '嘉宾发言' })).body.status).toBe('approved');
    const bad = await admin.request('PUT', `/api/interviews/${id}/review-settings`, { json: { reviewPosts: true } });
    expect(bad.status).toBe(400);
    expect((await admin.get(`/api/interviews/${id}/review-settings`)).body).toEqual({
      reviewQuestions: true,
      reviewHostPosts: true,
      reviewGuestPosts: false,
      sensitiveWordAction: 'hold',
      questionsOpen: true,
    });
  });
});
