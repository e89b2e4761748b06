import { describe, expect, it } from 'vitest';
import type { FollowUp } from '../../../server/domain/records/FollowUp.js';
import {
  applyFollowUpCommand,
  daysOverdue,
  followUpDueDate,
  isOverdue,
  missedDeadline,
  newFollowUp,
  publishedLate,
} from '../../../server/domain/records/followUpRules.js';
import { RecordsRuleError } from '../../../server/domain/records/RecordsRuleError.js';
import { WorkCalendar } from '../../../server/domain/records/WorkCalendar.js';
import { summariseYear } from '../../../server/domain/records/yearStatistics.js';
import { thrown } from '../qa/fixtures.js';

const calendar = WorkCalendar.fromData({ holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-10-10'] });
const base = newFollowUp({ questionId: 'q', interviewId: 'i', dueDate: '2026-12-04' }, new Date('2026-11-27T03:00:00Z'));

describe('follow-up deadlines', () => {
  it('is the fifth working day after the show day in China, even when the show ended after 16:00 UTC', () => {
    // Friday 2026-11-27 10:00 in China.
    expect(followUpDueDate(new Date('2026-11-27T02:00:00Z'), calendar, 5)).toBe('2026-12-04');
    // 2026-11-27T17:00Z is already Saturday 28 Nov in China: due Friday 4 Dec as well (Sat and Sun do not count).
    expect(followUpDueDate(new Date('2026-11-27T17:00:00Z'), calendar, 5)).toBe('2026-12-04');
    expect(followUpDueDate(new Date('2026-09-30T02:00:00Z'), calendar, 5)).toBe('2026-10-13');
  });

  it('is overdue only once its whole due day (China time) is over, until published', () => {
    expect(isOverdue(base, new Date('2026-12-04T15:59:59Z'))).toBe(false);
    expect(isOverdue(base, new Date('2026-12-04T16:00:00Z'))).toBe(true);
    expect(daysOverdue(base, new Date('2026-12-07T01:00:00Z'))).toBe(3);
    expect(daysOverdue(base, new Date('2026-12-01T01:00:00Z'))).toBe(0);
    const published = { ...base, status: 'published' as const, publishedAt: new Date('2026-12-08T01:00:00Z') };
    expect(isOverdue(published, new Date('2026-12-09T01:00:00Z'))).toBe(false);
    expect(publishedLate(published)).toBe(true);
    expect(missedDeadline(published, new Date('2026-12-09T01:00:00Z'))).toBe(true);
    expect(missedDeadline({ ...published, publishedAt: new Date('2026-12-04T15:00:00Z') }, new Date('2027-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('applyFollowUpCommand', () => {
  const t = new Date('2026-11-30T02:00:00Z');
  const code = (fn: () => unknown) => (thrown(fn) as RecordsRuleError).code;

  it('answer → review → published; a rejection reopens it with the reason, the next answer clears it', () => {
    const answered = applyFollowUpCommand(base, { type: 'answer', answer: '已于本周修复。' }, 'guest', t);
    expect(answered).toMatchObject({ status: 'answered', answer: '已于本周修复。', answeredBy: 'guest', answeredAt: t });
    const rejected = applyFollowUpCommand(answered, { type: 'reject', reason: '请补充时间' }, 'reviewer', t);
    expect(rejected).toMatchObject({ status: 'open', rejectReason: '请补充时间', reviewedBy: 'reviewer' });
    const again = applyFollowUpCommand(rejected, { type: 'answer', answer: '已于11月30日修复。' }, 'guest', t);
    expect(again.rejectReason).toBeNull();
    const published: FollowUp = applyFollowUpCommand(again, { type: 'approve' }, 'reviewer', t);
    expect(published).toMatchObject({ status: 'published', publishedAt: t });
  });

  it('refuses to review an open one and to change a published one', () => {
    expect(code(() => applyFollowUpCommand(base, { type: 'approve' }, 'r', t))).toBe('follow_up_not_answered');
    const published = applyFollowUpCommand(applyFollowUpCommand(base, { type: 'answer', answer: 'a' }, 'g', t), { type: 'approve' }, 'r', t);
    expect(code(() => applyFollowUpCommand(published, { type: 'answer', answer: 'b' }, 'g', t))).toBe('follow_up_published');
    expect(thrown(() => applyFollowUpCommand(published, { type: 'reject', reason: 'x' }, 'r', t))).toBeInstanceOf(RecordsRuleError);
  });
});

describe('summariseYear', () => {
  it('adds up per department, keeps the highest peak, and counts late and overdue follow-ups', () => {
    const now = new Date('2026-12-10T00:00:00Z');
    const stats = summariseYear(
      2026,
      [
        {
          department: '县交通运输局',
          held: true,
          viewersPeak: 120,
          viewersTotal: 900,
          questionsReceived: 10,
          questionsApproved: 6,
          answeredLive: 4,
          followUps: [
            { status: 'published', dueDate: '2026-12-04', publishedAt: new Date('2026-12-03T00:00:00Z') },
            { status: 'open', dueDate: '2026-12-04', publishedAt: null },
          ],
        },
        { department: '县交通运输局', held: false, viewersPeak: 0, viewersTotal: 0, questionsReceived: 2, questionsApproved: 0, answeredLive: 0, followUps: [] },
        {
          department: '县教育局',
          held: true,
          viewersPeak: 300,
          viewersTotal: 1500,
          questionsReceived: 5,
          questionsApproved: 5,
          answeredLive: 3,
          followUps: [{ status: 'published', dueDate: '2026-12-04', publishedAt: new Date('2026-12-08T00:00:00Z') }],
        },
        { department: null, held: true, viewersPeak: 5, viewersTotal: 5, questionsReceived: 0, questionsApproved: 0, answeredLive: 0, followUps: [] },
      ],
      now,
    );
    expect(stats.departments.map((row) => row.department)).toEqual(['县交通运输局', '县教育局', null]);
    expect(stats.departments[0]).toEqual({
      department: '县交通运输局',
      interviews: 2,
      showsHeld: 1,
      viewersPeak: 120,
      viewersTotal: 900,
      questionsReceived: 12,
      questionsApproved: 6,
      answeredLive: 4,
      answeredLater: 1,
      overdue: 1,
    });
    expect(stats.total).toMatchObject({ interviews: 4, showsHeld: 3, viewersPeak: 300, viewersTotal: 2405, answeredLater: 2, overdue: 2 });
  });
});
