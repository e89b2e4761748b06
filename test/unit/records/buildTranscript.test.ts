import { describe, expect, it } from 'vitest';
import { buildTranscript } from '../../../server/domain/records/buildTranscript.js';
import { entryLabel } from '../../../server/domain/records/transcriptLabels.js';
import { post, question } from '../qa/fixtures.js';

const at = (minute: number) => new Date(Date.UTC(2026, 4, 20, 1, minute));
const image = (id: string) => ({ id, path: `interviews/x/images/${id}.jpg`, mimeType: 'image/jpeg' as const, width: 800, height: 600, bytes: 1000 });

describe('buildTranscript', () => {
  it('puts approved posts in the order they were written and each answered question before its first answer', () => {
    const entries = buildTranscript({
      questions: [
        question({ id: 'q-road', nickname: '小李', body: '农村公路什么时候修？', status: 'answered', answeredAt: at(30) }),
        question({ id: 'q-open', body: '还没回答的问题', status: 'approved' }),
        question({ id: 'q-rejected', body: '被拒绝的问题', status: 'rejected' }),
      ],
      posts: [
        post({ id: 'p-welcome', role: 'host', authorName: '主持人', body: '各位网友好。', status: 'approved', createdAt: at(1) }),
        post({ id: 'p-answer-2', body: '第二段回答。', status: 'approved', createdAt: at(12), questionId: 'q-road' }),
        post({ id: 'p-answer-1', body: '今年开工。', status: 'approved', createdAt: at(10), questionId: 'q-road', images: [image('i1'), image('i2')] }),
        post({ id: 'p-pending', body: '待审核', status: 'pending', createdAt: at(5) }),
        post({ id: 'p-rejected', body: '未通过', status: 'rejected', createdAt: at(6) }),
        post({ id: 'p-bye', role: 'host', authorName: '主持人', body: '再见。', status: 'approved', createdAt: at(40), publishedAt: at(41) }),
      ],
    });
    expect(entries).toEqual([
      { role: 'host', speaker: '主持人', text: '各位网友好。', imageIds: [] },
      { role: 'netizen', speaker: '小李', text: '农村公路什么时候修？', imageIds: [] },
      { role: 'guest', speaker: '张三', text: '今年开工。', imageIds: ['i1', 'i2'] },
      { role: 'guest', speaker: '张三', text: '第二段回答。', imageIds: [] },
      { role: 'host', speaker: '主持人', text: '再见。', imageIds: [] },
    ]);
  });

  it('places an answered question without an answering post at the time it was marked answered', () => {
    const entries = buildTranscript({
      questions: [question({ id: 'q', body: '口头回答的问题', status: 'answered', answeredAt: at(20) })],
      posts: [
        post({ id: 'a', body: '之前', status: 'approved', createdAt: at(10) }),
        post({ id: 'b', body: '之后', status: 'approved', createdAt: at(25) }),
      ],
    });
    expect(entries.map((e) => e.text)).toEqual(['之前', '口头回答的问题', '之后']);
  });

  it('is empty for a show with nothing approved', () => {
    expect(buildTranscript({ questions: [question()], posts: [post()] })).toEqual([]);
  });

  it('keeps the same order however the input is listed', () => {
    const questions = [question({ id: 'q', status: 'answered', answeredAt: at(3) })];
    const posts = [1, 2, 3, 4].map((minute) => post({ id: `p${minute}`, body: String(minute), status: 'approved', createdAt: at(minute) }));
    expect(buildTranscript({ questions, posts: [...posts].reverse() })).toEqual(buildTranscript({ questions, posts }));
  });
});

describe('entryLabel', () => {
  it('names the role, then the speaker unless it is the role itself', () => {
    expect(entryLabel({ role: 'host', speaker: '主持人' })).toBe('主持人');
    expect(entryLabel({ role: 'host', speaker: '李华' })).toBe('主持人 李华');
    expect(entryLabel({ role: 'guest', speaker: '张三' })).toBe('嘉宾 张三');
    expect(entryLabel({ role: 'netizen', speaker: '小李' })).toBe('网友 小李');
    expect(entryLabel({ role: 'staff', speaker: ' ' })).toBe('工作人员');
  });
});
