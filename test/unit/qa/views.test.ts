import { describe, expect, it } from 'vitest';
import type { QuestionStatus } from '../../../server/domain/qa/types.js';
import {
  deviceQuestionView,
  publicPostView,
  publicQuestionView,
  staffPostView,
  staffQuestionView,
} from '../../../server/domain/qa/views.js';
import { INTERVIEW_ID, created, now, post, question } from './fixtures.js';

const imageUrl = (path: string) => `https://media.example.cn/data/${path}`;
const image = {
  id: 'img1',
  path: `interviews/${INTERVIEW_ID}/images/img1.jpg`,
  mimeType: 'image/png',
  width: 800,
  height: 600,
  bytes: 5_000,
} as const;

/** A question with every private field filled, to prove the public views leave them out. */
const edited = question({
  status: 'answered',
  contact: 'qa@example.cn',
  originalBody: '原来的问题',
  flagged: true,
  selected: true,
  rejectReason: '重复提问',
  advance: true,
  updatedAt: now,
  answeredAt: now,
  programTimeMs: 60_000,
});

const PRIVATE = ['contact', 'originalBody', 'flagged', 'rejectReason', 'authorUserId', 'interviewId'];

describe('publicQuestionView', () => {
  it('shows an answered question without private fields, dates as ISO strings', () => {
    const view = publicQuestionView(edited);
    expect(view).toEqual({
      id: 'q1',
      nickname: '太和网友',
      body: '请问今年的农村公路建设计划是什么？',
      status: 'answered',
      answering: false,
      createdAt: created.toISOString(),
      answeredAt: now.toISOString(),
    });
    for (const key of PRIVATE) expect(view).not.toHaveProperty(key);
  });

  it.each<[QuestionStatus, boolean]>([
    ['pending', false],
    ['approved', true],
    ['answered', true],
    ['rejected', false],
    ['withdrawn', false],
    ['merged', false],
  ])('a %s question is public: %s', (status, shown) => {
    const view = publicQuestionView(question({ status }));
    expect(view === null).toBe(!shown);
  });

  it('shows which question is being answered', () => {
    expect(publicQuestionView(question({ status: 'approved', answering: true }))).toMatchObject({
      answering: true,
      answeredAt: null,
    });
  });
});

describe('deviceQuestionView', () => {
  it('shows the asker every status and the reason, nothing else private', () => {
    const view = deviceQuestionView(question({ status: 'rejected', rejectReason: '含不文明用语', flagged: true }));
    expect(view).toEqual({
      id: 'q1',
      nickname: '太和网友',
      body: '请问今年的农村公路建设计划是什么？',
      status: 'rejected',
      rejectReason: '含不文明用语',
      createdAt: created.toISOString(),
    });
  });
});

describe('staffQuestionView', () => {
  it('shows every field but the interview, dates as ISO strings', () => {
    expect(staffQuestionView(edited)).toEqual({
      id: 'q1',
      nickname: '太和网友',
      contact: 'qa@example.cn',
      body: '请问今年的农村公路建设计划是什么？',
      originalBody: '原来的问题',
      status: 'answered',
      selected: true,
      answering: false,
      rejectReason: '重复提问',
      mergedInto: null,
      flagged: true,
      advance: true,
      createdAt: created.toISOString(),
      updatedAt: now.toISOString(),
      answeredAt: now.toISOString(),
      programTimeMs: 60_000,
    });
  });

  it('keeps null dates null', () => {
    expect(staffQuestionView(question()).answeredAt).toBeNull();
  });
});

describe('publicPostView', () => {
  const published = post({
    status: 'approved',
    images: [image],
    questionId: 'q1',
    publishedAt: now,
    programTimeMs: 5_000,
  });

  it('shows a published post with image URLs, without private fields', () => {
    const view = publicPostView(published, imageUrl);
    expect(view).toEqual({
      id: 'p1',
      role: 'guest',
      authorName: '张三',
      authorPosition: '县交通运输局局长',
      body: '谢谢这位网友的提问。',
      images: [
        {
          id: 'img1',
          url: `https://media.example.cn/data/interviews/${INTERVIEW_ID}/images/img1.jpg`,
          width: 800,
          height: 600,
        },
      ],
      questionId: 'q1',
      publishedAt: now.toISOString(),
    });
    for (const key of PRIVATE) expect(view).not.toHaveProperty(key);
    expect(view!.images[0]).not.toHaveProperty('path');
  });

  it.each([['pending'], ['rejected']] as const)('hides a %s post', (status) => {
    expect(publicPostView(post({ status, rejectReason: status === 'rejected' ? '与主题无关' : null }), imageUrl)).toBeNull();
  });
});

describe('staffPostView', () => {
  it('shows every field, dates as ISO strings, images with their URLs', () => {
    const pending = post({ images: [image], rejectReason: null });
    expect(staffPostView(pending, imageUrl)).toEqual({
      id: 'p1',
      interviewId: INTERVIEW_ID,
      role: 'guest',
      authorName: '张三',
      authorPosition: '县交通运输局局长',
      authorUserId: 'u-guest',
      body: '谢谢这位网友的提问。',
      images: [{ ...image, url: `https://media.example.cn/data/interviews/${INTERVIEW_ID}/images/img1.jpg` }],
      questionId: null,
      status: 'pending',
      rejectReason: null,
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
      publishedAt: null,
      programTimeMs: null,
    });
  });
});
