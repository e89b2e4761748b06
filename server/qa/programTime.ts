import type { LockedInterview } from '../db/QaTransaction.js';

/**
 * Where in the show `now` is, in ms from when it first went on air, or null when it is not on air.
 *
 * An approximation of HLS program time: it counts from the moment the interview was recorded live (the first
 * segment listed), so it ignores the encoder's start-up and any gap while a camera reconnected. Off by a second
 * or two, which is good enough for replay chapters that jump to a question's answer.
 */
export function programTimeMs(interview: Pick<LockedInterview, 'status' | 'liveAt'>, now: Date): number | null {
  if (interview.status !== 'live' || interview.liveAt === null) return null;
  return Math.max(0, now.getTime() - interview.liveAt.getTime());
}
