import type { Interview, InterviewStatus } from './Interview.js';
import { InvalidStatusTransitionError } from './InvalidStatusTransitionError.js';

export type StatusFields = Pick<Interview, 'status' | 'liveAt' | 'endedAt'>;

/**
 * The status fields after moving an interview to `to` at `now`, or null when it is already there (media events and
 * "end" clicks repeat; repeating them must change nothing).
 *
 * scheduled → live → ended is the normal path. ended → live is allowed because the studio may publish again after a
 * break or a mistaken "end"; the show resumes and keeps its first on-air time. scheduled → ended calls off a show
 * that never went on air. Nothing goes back to scheduled: viewers were told it happened.
 */
export function transitionInterview(current: StatusFields, to: InterviewStatus, now: Date): StatusFields | null {
  if (current.status === to) return null;
  switch (to) {
    case 'live':
      return { status: 'live', liveAt: current.liveAt ?? now, endedAt: null };
    case 'ended':
      return { status: 'ended', liveAt: current.liveAt, endedAt: now };
    case 'scheduled':
      throw new InvalidStatusTransitionError(current.status, to);
  }
}
