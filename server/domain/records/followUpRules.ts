import { chinaDate, daysBetween } from './calendarDates.js';
import type { FollowUp } from './FollowUp.js';
import { RecordsRuleError } from './RecordsRuleError.js';
import type { WorkCalendar } from './WorkCalendar.js';

/** The default answer period: "questions not answered live answered within 5 working days" (a peer city's rule). */
export const DEFAULT_FOLLOW_UP_WORKING_DAYS = 5;

/** The deadline of the follow-ups of a show that ended at `endedAt`: the n-th working day after its day. */
export function followUpDueDate(endedAt: Date, calendar: WorkCalendar, workingDays: number): string {
  return calendar.addWorkingDays(chinaDate(endedAt), workingDays);
}

/** A new follow-up for an approved question left unanswered when the show ended. */
export function newFollowUp(input: { questionId: string; interviewId: string; dueDate: string }, now: Date): FollowUp {
  return {
    ...input,
    status: 'open',
    answer: null,
    answeredBy: null,
    answeredAt: null,
    rejectReason: null,
    reviewedBy: null,
    reviewedAt: null,
    publishedAt: null,
    createdAt: now,
  };
}

/**
 * Overdue: not published and its due date is over (the whole due day counts, in China's time). A follow-up published
 * after its due date was late but is no longer overdue; see `publishedLate`.
 */
export function isOverdue(followUp: Pick<FollowUp, 'status' | 'dueDate'>, now: Date): boolean {
  return followUp.status !== 'published' && chinaDate(now) > followUp.dueDate;
}

/** Published, but after its due date. */
export function publishedLate(followUp: Pick<FollowUp, 'publishedAt' | 'dueDate'>): boolean {
  return followUp.publishedAt !== null && chinaDate(followUp.publishedAt) > followUp.dueDate;
}

/** Missed its deadline, now or when it was published: what the statistics count as overdue (逾期). */
export function missedDeadline(followUp: Pick<FollowUp, 'status' | 'dueDate' | 'publishedAt'>, now: Date): boolean {
  return isOverdue(followUp, now) || publishedLate(followUp);
}

/** Calendar days past the due date (0 when not overdue). */
export function daysOverdue(followUp: Pick<FollowUp, 'status' | 'dueDate'>, now: Date): number {
  return isOverdue(followUp, now) ? daysBetween(followUp.dueDate, chinaDate(now)) : 0;
}

export type FollowUpCommand = { type: 'answer'; answer: string } | { type: 'approve' } | { type: 'reject'; reason: string };

/**
 * - answer: the department writes (or rewrites) the answer; it waits for review. A published answer is final.
 * - approve: the reviewer publishes a waiting answer under the interview.
 * - reject: the reviewer sends a waiting answer back with a reason; it is open again.
 */
export function applyFollowUpCommand(followUp: FollowUp, command: FollowUpCommand, userId: string, now: Date): FollowUp {
  switch (command.type) {
    case 'answer':
      if (followUp.status === 'published') {
        throw new RecordsRuleError('follow_up_published', 'This answer is already published and can no longer be changed.');
      }
      return { ...followUp, status: 'answered', answer: command.answer, answeredBy: userId, answeredAt: now, rejectReason: null };
    case 'approve':
    case 'reject':
      if (followUp.status !== 'answered') {
        throw new RecordsRuleError(
          'follow_up_not_answered',
          followUp.status === 'published' ? 'This answer is already published.' : 'There is no answer waiting for review yet.',
        );
      }
      return command.type === 'approve'
        ? { ...followUp, status: 'published', reviewedBy: userId, reviewedAt: now, publishedAt: now }
        : { ...followUp, status: 'open', reviewedBy: userId, reviewedAt: now, rejectReason: command.reason };
  }
}
