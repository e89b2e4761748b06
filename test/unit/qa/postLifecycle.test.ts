import { describe, expect, it } from 'vitest';
import {
  applyPostCommand,
  newPost,
  type NewPostInput,
  type PostCommand,
} from '../../../server/domain/qa/postLifecycle.js';
import { QaInvalidInputError, QaRuleError } from '../../../server/domain/qa/QaRuleError.js';
import {
  DEFAULT_REVIEW_SETTINGS,
  type Post,
  type PostRole,
  type PostStatus,
  type ReviewSettings,
} from '../../../server/domain/qa/types.js';
import { INTERVIEW_ID, now, post, thrown } from './fixtures.js';

const image = {
  id: 'img1',
  path: `interviews/${INTERVIEW_ID}/images/img1.jpg`,
  mimeType: 'image/jpeg',
  width: 1280,
  height: 720,
  bytes: 123_456,
} as const;

function input(fields: Partial<NewPostInput> = {}): NewPostInput {
  return {
    id: 'p-new',
    interviewId: INTERVIEW_ID,
    role: 'guest',
    authorName: '张三',
    authorPosition: '县交通运输局局长',
    authorUserId: 'u-assistant',
    body: '  谢谢这位网友的提问。\n\n  今年计划新改建农村公路 120 公里。 ',
    images: [image],
    questionId: 'q1',
    programTimeMs: 90_000,
    ...fields,
  };
}

function settings(fields: Partial<ReviewSettings> = {}): ReviewSettings {
  return { ...DEFAULT_REVIEW_SETTINGS, ...fields };
}

describe('newPost', () => {
  it('builds a guest post, normalised with paragraphs, pending under the default settings', () => {
    expect(newPost(input(), settings(), now)).toEqual({
      id: 'p-new',
      interviewId: INTERVIEW_ID,
      role: 'guest',
      authorName: '张三',
      authorPosition: '县交通运输局局长',
      authorUserId: 'u-assistant',
      body: '谢谢这位网友的提问。\n\n今年计划新改建农村公路 120 公里。',
      images: [image],
      questionId: 'q1',
      status: 'pending',
      rejectReason: null,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
      programTimeMs: 90_000,
    } satisfies Post);
  });

  it.each<[PostRole, Partial<ReviewSettings>, PostStatus]>([
    ['host', { reviewHostPosts: false, reviewGuestPosts: true }, 'approved'],
    ['host', { reviewHostPosts: true, reviewGuestPosts: false }, 'pending'],
    ['guest', { reviewHostPosts: true, reviewGuestPosts: false }, 'approved'],
    ['guest', { reviewHostPosts: false, reviewGuestPosts: true }, 'pending'],
  ])('a %s post under %j is %s', (role, review, status) => {
    const p = newPost(input({ role }), settings(review), now);
    expect(p.status).toBe(status);
    expect(p.publishedAt).toBe(status === 'approved' ? now : null);
  });

  it('gives the host no position', () => {
    const host = input({ role: 'host', authorName: '李主持', authorPosition: '主持人' });
    expect(newPost(host, settings(), now).authorPosition).toBeNull();
  });

  it.each([[''], ['  \n '], ['答'.repeat(5001)], [undefined]])('refuses body %j', (body) => {
    const error = thrown(() => newPost(input({ body }), settings(), now));
    expect(error).toBeInstanceOf(QaInvalidInputError);
    expect((error as QaInvalidInputError).field).toBe('body');
  });
});

describe('applyPostCommand', () => {
  const commands: Record<PostCommand['type'], PostCommand> = {
    approve: { type: 'approve' },
    reject: { type: 'reject', reason: '与主题无关' },
  };

  /** Each status × each command: the status after it, or the error code. */
  const TRANSITIONS: Record<PostStatus, Record<PostCommand['type'], PostStatus | `error:${string}`>> = {
    pending: { approve: 'approved', reject: 'rejected' },
    approved: { approve: 'error:post_not_pending', reject: 'error:post_not_pending' },
    rejected: { approve: 'error:post_not_pending', reject: 'error:post_not_pending' },
  };

  const table = Object.entries(TRANSITIONS).flatMap(([status, moves]) =>
    Object.entries(moves).map(
      ([type, outcome]) => [status as PostStatus, type as PostCommand['type'], outcome] as const,
    ),
  );

  it.each(table)('%s + %s → %s', (status, type, outcome) => {
    const before = post({ status, publishedAt: status === 'approved' ? new Date(0) : null });
    if (outcome.startsWith('error:')) {
      const error = thrown(() => applyPostCommand(before, commands[type], now));
      expect(error).toBeInstanceOf(QaRuleError);
      expect((error as QaRuleError).code).toBe(outcome.slice('error:'.length));
      return;
    }
    const after = applyPostCommand(before, commands[type], now);
    expect(after.status).toBe(outcome);
    expect(after.updatedAt).toBe(now);
  });

  it('approve publishes the post now', () => {
    expect(applyPostCommand(post(), { type: 'approve' }, now)).toMatchObject({ status: 'approved', publishedAt: now });
  });

  it('reject stores the normalised reason and publishes nothing', () => {
    expect(applyPostCommand(post(), { type: 'reject', reason: ' 表述 需核实 ' }, now)).toMatchObject({
      status: 'rejected',
      rejectReason: '表述 需核实',
      publishedAt: null,
    });
  });

  it.each([[''], ['因'.repeat(201)]])('reject requires a reason of at most 200 characters: %j', (reason) => {
    const error = thrown(() => applyPostCommand(post(), { type: 'reject', reason }, now));
    expect(error).toBeInstanceOf(QaInvalidInputError);
    expect((error as QaInvalidInputError).field).toBe('reason');
  });
});
