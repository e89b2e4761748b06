import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { createInterview, createStaffUser, Netizen, questionAction, setMember } from '../helpers/qaFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * Netizens' questions through the public API, screened by staff (the admin, who holds every role): who sees what
 * at each step, and the moves the rules refuse.
 */
let app: TestApp;
let admin: ApiSession;
let anonymous: ApiSession;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login();
  anonymous = app.anonymous();
});
afterAll(async () => {
  await app?.close();
});

const publicQa = async (interviewId: string) => (await anonymous.get(`/api/public/interviews/${interviewId}/qa`)).body;

describe('asking', () => {
  it('keeps a new question pending: only its device sees it, not viewers, not another device', async () => {
    const id = await createInterview(admin, '预约提问');
    const asker = new Netizen(anonymous, id);
    const other = new Netizen(anonymous, id);

    const asked = await asker.ask('  学区划分  什么时候公布？ ', '城东网友', '13800000000');
    expect(asked.status).toBe(201);
    expect(asked.body).toEqual({
      id: expect.any(String),
      nickname: '城东网友',
      body: '学区划分 什么时候公布？',
      status: 'pending',
      rejectReason: null,
      createdAt: expect.any(String),
    });
    expect(asked.headers.get('access-control-allow-origin')).toBe('*');

    expect((await asker.myQuestions()).body).toEqual([asked.body]);
    expect((await other.myQuestions()).body).toEqual([]);
    expect(await publicQa(id)).toEqual({ seq: expect.any(Number), questions: [], posts: [], answeringQuestionId: null, questionsOpen: true });

    // Staff see everything, contact included; the question was asked before the show (预约提问).
    const staff = (await admin.get(`/api/interviews/${id}/qa`)).body;
    expect(staff.questions).toEqual([
      expect.objectContaining({ id: asked.body.id, contact: '13800000000', status: 'pending', advance: true, flagged: false }),
    ]);
    expect(staff.me).toEqual({ roles: [], guestIndex: null, admin: true });
    expect(staff.settings).toMatchObject({ reviewQuestions: true, questionsOpen: true });
  });

  it('answers preflights for the netizen headers and methods', async () => {
    const id = await createInterview(admin, 'CORS');
    const response = await anonymous.request('OPTIONS', `/api/public/interviews/${id}/questions`, {
      headers: { Origin: 'https://www.example.gov.cn', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-device-token' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type,x-device-token');
  });

  it('refuses bad input with the field at fault, before counting it against the rate limits', async () => {
    const id = await createInterview(admin, '校验');
    const netizen = new Netizen(anonymous, id);
    const short = await netizen.ask('太短');
    expect(short.status).toBe(400);
    expect(short.body.error).toMatchObject({ code: 'invalid_request', field: 'body' });
    const noNickname = await netizen.ask('这个问题足够长了', '   ');
    expect(noNickname.body.error).toMatchObject({ code: 'invalid_request', field: 'nickname' });
    const noToken = await anonymous.post(`/api/public/interviews/${id}/questions`, { nickname: 'a', body: '没有设备令牌的问题' });
    expect(noToken.status).toBe(400);
    expect(noToken.body.error).toMatchObject({ code: 'invalid_request', field: 'X-Device-Token' });
    // None of those counted: the same device may ask at once.
    expect((await netizen.ask('这次的问题是合格的')).status).toBe(201);
  });

  it('answers 404 for an interview that does not exist', async () => {
    const netizen = new Netizen(anonymous, '00000000-0000-4000-8000-000000000000');
    expect((await netizen.ask('不存在的访谈能提问吗')).status).toBe(404);
    expect((await anonymous.get('/api/public/interviews/00000000-0000-4000-8000-000000000000/qa')).status).toBe(404);
  });

  it('limits a device to one question per 30 s, with Retry-After', async () => {
    const id = await createInterview(admin, '限流');
    const netizen = new Netizen(anonymous, id);
    expect((await netizen.ask('第一个问题来了')).status).toBe(201);
    const second = await netizen.ask('马上又问一个问题');
    expect(second.status).toBe(429);
    expect(second.body.error.code).toBe('rate_limited');
    const retryAfter = Number(second.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(25);
    expect(retryAfter).toBeLessThanOrEqual(30);
    // Another device is not affected.
    expect((await new Netizen(anonymous, id).ask('另一台设备的问题')).status).toBe(201);
  });

  it('answers 409 questions_closed once the question window is closed', async () => {
    const id = await createInterview(admin, '关闭提问');
    const closed = await admin.request('PUT', `/api/interviews/${id}/review-settings`, { json: { questionsOpen: false } });
    expect(closed.body).toMatchObject({ questionsOpen: false, reviewQuestions: true });
    const refused = await new Netizen(anonymous, id).ask('窗口关了还能问吗');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('questions_closed');
    expect((await publicQa(id)).questionsOpen).toBe(false);
  });

  it('publishes at once when the interview does not review questions', async () => {
    const id = await createInterview(admin, '免审');
    await admin.request('PUT', `/api/interviews/${id}/review-settings`, { json: { reviewQuestions: false } });
    const asked = await new Netizen(anonymous, id).ask('不用审核的问题');
    expect(asked.body.status).toBe('approved');
    expect((await publicQa(id)).questions).toEqual([expect.objectContaining({ id: asked.body.id, status: 'approved' })]);
  });
});

describe('screening', () => {
  it('approve makes a question public; reject shows its reason to the asker only', async () => {
    const id = await createInterview(admin, '审核');
    const first = new Netizen(anonymous, id);
    const second = new Netizen(anonymous, id);
    const good = (await first.ask('义务教育阶段的课后服务怎么收费？', '家长A')).body;
    const bad = (await second.ask('这个问题与主题无关的内容', '路人')).body;

    const approved = await questionAction(admin, id, good.id, { action: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: good.id, status: 'approved' });
    const rejected = await questionAction(admin, id, bad.id, { action: 'reject', reason: '与主题无关' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '与主题无关' });

    const qa = await publicQa(id);
    expect(qa.questions).toEqual([
      { id: good.id, nickname: '家长A', body: '义务教育阶段的课后服务怎么收费？', status: 'approved', answering: false, createdAt: good.createdAt, answeredAt: null },
    ]);
    expect((await second.myQuestions()).body).toEqual([expect.objectContaining({ id: bad.id, status: 'rejected', rejectReason: '与主题无关' })]);

    // A question can be approved only once, and a rejected one is final.
    const again = await questionAction(admin, id, good.id, { action: 'approve' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('question_not_pending');
    expect((await questionAction(admin, id, bad.id, { action: 'approve' })).body.error.code).toBe('question_final');
  });

  it('edit shows the corrected text and keeps the original for staff', async () => {
    const id = await createInterview(admin, '修改');
    const asker = new Netizen(anonymous, id);
    const asked = (await asker.ask('县医院的挂号费是多少钱啊啊啊')).body;
    const edited = await questionAction(admin, id, asked.id, { action: 'edit', body: '县医院的挂号费是多少？' });
    expect(edited.body).toMatchObject({ body: '县医院的挂号费是多少？', originalBody: '县医院的挂号费是多少钱啊啊啊' });
    await questionAction(admin, id, asked.id, { action: 'approve' });
    expect((await publicQa(id)).questions[0].body).toBe('县医院的挂号费是多少？');
    expect((await asker.myQuestions()).body[0].body).toBe('县医院的挂号费是多少？');
  });

  it('merge folds a duplicate into another question and takes it off the public list', async () => {
    const id = await createInterview(admin, '合并');
    const original = (await new Netizen(anonymous, id).ask('公交线路会延长到新区吗？')).body;
    const duplicate = (await new Netizen(anonymous, id).ask('新区什么时候通公交？')).body;
    await questionAction(admin, id, original.id, { action: 'approve' });
    await questionAction(admin, id, duplicate.id, { action: 'approve' });
    const merged = await questionAction(admin, id, duplicate.id, { action: 'merge', into: original.id });
    expect(merged.body).toMatchObject({ status: 'merged', mergedInto: original.id });
    expect((await publicQa(id)).questions.map((q: { id: string }) => q.id)).toEqual([original.id]);
    const self = await questionAction(admin, id, original.id, { action: 'merge', into: original.id });
    expect(self.body.error.code).toBe('merge_into_self');
    const unknown = await questionAction(admin, id, original.id, { action: 'merge', into: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('into');
  });

  it('select marks approved questions for the host; pending ones cannot be selected', async () => {
    const id = await createInterview(admin, '推荐');
    const asked = (await new Netizen(anonymous, id).ask('农村医保报销比例是多少？')).body;
    const early = await questionAction(admin, id, asked.id, { action: 'select' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('question_not_approved');
    await questionAction(admin, id, asked.id, { action: 'approve' });
    expect((await questionAction(admin, id, asked.id, { action: 'select' })).body.selected).toBe(true);
    expect((await questionAction(admin, id, asked.id, { action: 'unselect' })).body.selected).toBe(false);
  });

  it('answering marks one question at a time; answered clears it and records when', async () => {
    const id = await createInterview(admin, '回答');
    const first = (await new Netizen(anonymous, id).ask('第一个要回答的问题')).body;
    const second = (await new Netizen(anonymous, id).ask('第二个要回答的问题')).body;
    await questionAction(admin, id, first.id, { action: 'approve' });
    await questionAction(admin, id, second.id, { action: 'approve' });

    expect((await questionAction(admin, id, first.id, { action: 'answering' })).body.answering).toBe(true);
    expect((await publicQa(id)).answeringQuestionId).toBe(first.id);
    expect((await questionAction(admin, id, second.id, { action: 'answering' })).body.answering).toBe(true);
    let qa = await publicQa(id);
    expect(qa.answeringQuestionId).toBe(second.id);
    expect(qa.questions.filter((q: { answering: boolean }) => q.answering)).toHaveLength(1);

    const answered = await questionAction(admin, id, second.id, { action: 'answered' });
    expect(answered.body).toMatchObject({ status: 'answered', answering: false, answeredAt: expect.any(String), programTimeMs: null });
    qa = await publicQa(id);
    expect(qa.answeringQuestionId).toBeNull();
    expect(qa.questions.find((q: { id: string }) => q.id === second.id)).toMatchObject({ status: 'answered', answeredAt: answered.body.answeredAt });
  });

  it('clears 正在回答 on its own: the question stays approved, viewers and the log are told, only a host may', async () => {
    const id = await createInterview(admin, '清除正在回答');
    const asked = (await new Netizen(anonymous, id).ask('先标记正在回答再清除')).body;
    await questionAction(admin, id, asked.id, { action: 'approve' });
    await questionAction(admin, id, asked.id, { action: 'answering' });
    const before = (await publicQa(id)).seq as number;

    const moderator = await createStaffUser(app, 'answering-moderator');
    await setMember(admin, id, moderator.id, ['moderator']);
    const refused = await moderator.session.delete(`/api/interviews/${id}/answering`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');

    const cleared = await admin.delete(`/api/interviews/${id}/answering`);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual({ answeringQuestionId: null });
    const qa = await publicQa(id);
    expect(qa.answeringQuestionId).toBeNull();
    expect(qa.questions).toEqual([expect.objectContaining({ id: asked.id, status: 'approved', answering: false })]);
    // The question's public view and the answering event: two public seqs past the one before.
    expect(qa.seq).toBeGreaterThan(before);
    const audit = (await admin.get(`/api/interviews/${id}/audit`)).body as { action: string; targetId: string }[];
    expect(audit[0]).toMatchObject({ action: 'question.answering-cleared', targetId: asked.id });

    // Nothing being answered: the same answer, and nothing written.
    expect((await admin.delete(`/api/interviews/${id}/answering`)).body).toEqual({ answeringQuestionId: null });
    expect((await publicQa(id)).seq).toBe(qa.seq);
    expect((await admin.get(`/api/interviews/${id}/audit`)).body).toHaveLength(audit.length);
    // It can be marked again.
    expect((await questionAction(admin, id, asked.id, { action: 'answering' })).body.answering).toBe(true);
  });

  it('lets the asker withdraw; another device cannot, and does not learn the question exists', async () => {
    const id = await createInterview(admin, '撤回');
    const asker = new Netizen(anonymous, id);
    const asked = (await asker.ask('我想撤回这个问题')).body;
    const stranger = await new Netizen(anonymous, id).withdraw(asked.id);
    expect(stranger.status).toBe(404);
    const withdrawn = await asker.withdraw(asked.id);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ id: asked.id, status: 'withdrawn' });
    expect((await asker.withdraw(asked.id)).body.error.code).toBe('question_final');
  });

  it('validates actions at the edge', async () => {
    const id = await createInterview(admin, '动作');
    const asked = (await new Netizen(anonymous, id).ask('动作校验用的问题')).body;
    const unknown = await questionAction(admin, id, asked.id, { action: 'delete' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'invalid_request', field: 'action' });
    const noReason = await questionAction(admin, id, asked.id, { action: 'reject' });
    expect(noReason.body.error).toMatchObject({ code: 'invalid_request', field: 'reason' });
    const missing = await questionAction(admin, id, '00000000-0000-4000-8000-000000000000', { action: 'approve' });
    expect(missing.status).toBe(404);
  });
});
