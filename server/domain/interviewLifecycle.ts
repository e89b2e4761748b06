import type { Interview, InterviewStatus } from './Interview.js';
import { InvalidStatusTransitionError } from './InvalidStatusTransitionError.js';

export type StatusFields = Pick<Interview, 'status' | 'liveAt' | 'endedAt'>;

/**
 * Who moves the interview: staff in the console (or CLI), or the media node reporting that the program went on or
 * off air (a camera published or stopped).
 */
export type TransitionActor = 'staff' | 'media';

/**
 * The moves staff may make (草稿 → 已发布预告 → 直播中 → 已结束 → 回顾已发布):
 * - draft → scheduled: announce (发布预告).
 * - scheduled → draft: withdraw the announcement (撤回预告); the show disappears from the portal again.
 * - scheduled → live: go on air (开始直播).
 * - scheduled → ended: call the show off before it went on air (取消); the portal says it ended, nothing to replay.
 * - live → ended: end the show (结束直播).
 * - ended → live: resume after a break or a mistaken "end"; the show keeps its first on-air time.
 * - ended → replay: publish the replay (发布回顾), only for a show that went on air.
 * - replay → ended: withdraw the replay (撤回回顾) to fix it; publishing again is ended → replay once more.
 * Nothing goes back to draft once on air, nor to scheduled: viewers were told it happened.
 */
const STAFF_MOVES: Record<InterviewStatus, readonly InterviewStatus[]> = {
  draft: ['scheduled'],
  scheduled: ['draft', 'live', 'ended'],
  live: ['ended'],
  ended: ['live', 'replay'],
  replay: ['ended'],
};

/**
 * What the media node may do on its own: a camera publishing puts an announced show on air, or resumes an ended
 * one; the program stopping ends a live show. A camera publishing to a DRAFT changes nothing: that is a studio test
 * before the announcement, and the draft stays hidden (its playlist included). A published replay is not reopened by
 * a camera either: staff withdraw the replay first. Moves the media node may not make are ignored, not errors.
 */
const MEDIA_MOVES: Record<InterviewStatus, readonly InterviewStatus[]> = {
  draft: [],
  scheduled: ['live'],
  live: ['ended'],
  ended: ['live'],
  replay: [],
};

/** Whether `actor` may move an interview in `current` to `to` (false for "already there"). */
export function canTransition(current: StatusFields, to: InterviewStatus, actor: TransitionActor): boolean {
  const moves = actor === 'staff' ? STAFF_MOVES : MEDIA_MOVES;
  if (!moves[current.status].includes(to)) return false;
  // A show that never went on air has nothing to replay, and nothing to resume.
  if (current.status === 'ended' && current.liveAt === null) return false;
  return true;
}

/** The statuses staff may move the interview to next, for the console's buttons. */
export function staffTargets(current: StatusFields): InterviewStatus[] {
  return STAFF_MOVES[current.status].filter((to) => canTransition(current, to, 'staff'));
}

/**
 * The status fields after `actor` moves the interview to `to` at `now`, or null when it is already there (media
 * events and "end" clicks repeat; repeating them must change nothing). Throws InvalidStatusTransitionError for a move
 * the lifecycle does not allow (callers for the media node check canTransition first and ignore those).
 */
export function transitionInterview(current: StatusFields, to: InterviewStatus, now: Date, actor: TransitionActor = 'staff'): StatusFields | null {
  if (current.status === to) return null;
  if (!canTransition(current, to, actor)) throw new InvalidStatusTransitionError(current.status, to);
  switch (to) {
    case 'live':
      return { status: 'live', liveAt: current.liveAt ?? now, endedAt: null };
    case 'ended':
      // Withdrawing a replay keeps the time the show ended.
      return { status: 'ended', liveAt: current.liveAt, endedAt: current.status === 'replay' ? current.endedAt : now };
    case 'draft':
    case 'scheduled':
    case 'replay':
      return { status: to, liveAt: current.liveAt, endedAt: current.endedAt };
  }
}
