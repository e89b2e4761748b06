import type { Actor, InterviewRole, Post, Question } from '../../../server/domain/qa/types.js';

export const INTERVIEW_ID = '8b0e6a3c-3f51-4c7e-9d7a-1f2e3d4c5b6a';
export const created = new Date('2026-05-20T01:00:00Z');
export const now = new Date('2026-05-20T02:00:00Z');

export function question(fields: Partial<Question> = {}): Question {
  return {
    id: 'q1',
    interviewId: INTERVIEW_ID,
    nickname: '太和网友',
    contact: '13800000000',
    body: '请问今年的农村公路建设计划是什么？',
    originalBody: null,
    status: 'pending',
    selected: false,
    answering: false,
    rejectReason: null,
    mergedInto: null,
    flagged: false,
    advance: false,
    createdAt: created,
    updatedAt: created,
    answeredAt: null,
    programTimeMs: null,
    ...fields,
  };
}

export function post(fields: Partial<Post> = {}): Post {
  return {
    id: 'p1',
    interviewId: INTERVIEW_ID,
    role: 'guest',
    authorName: '张三',
    authorPosition: '县交通运输局局长',
    authorUserId: 'u-guest',
    body: '谢谢这位网友的提问。',
    images: [],
    questionId: null,
    status: 'pending',
    rejectReason: null,
    createdAt: created,
    updatedAt: created,
    publishedAt: null,
    programTimeMs: null,
    ...fields,
  };
}

export function actor(roles: InterviewRole[], fields: Partial<Actor> = {}): Actor {
  return { userId: 'u1', admin: false, roles, guestIndex: roles.includes('guest') ? 0 : null, ...fields };
}

/** The error thrown by `fn`, for asserting its class and code; fails when nothing is thrown. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}
