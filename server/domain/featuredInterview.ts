import type { Interview } from './Interview.js';

export type FeaturedCandidate = Pick<Interview, 'id' | 'status' | 'startsAt' | 'createdAt' | 'liveAt'>;

/** A show that has not gone live this long after its planned start is still "next": studios start late. */
const LATE_START_GRACE_MS = 60 * 60 * 1000;

/**
 * The interview a page without an explicit id should show: the one on air (the most recently started if several),
 * else the next scheduled one, else the latest by planned start (creation time when unplanned).
 */
export function pickFeaturedInterview<T extends FeaturedCandidate>(candidates: readonly T[], now: Date): T | null {
  const live = candidates
    .filter((i) => i.status === 'live')
    .sort((a, b) => time(b.liveAt ?? b.createdAt) - time(a.liveAt ?? a.createdAt));
  if (live[0]) return live[0];

  const upcoming = candidates
    .filter((i) => i.status === 'scheduled' && i.startsAt !== null && time(i.startsAt) >= now.getTime() - LATE_START_GRACE_MS)
    .sort((a, b) => time(a.startsAt!) - time(b.startsAt!));
  if (upcoming[0]) return upcoming[0];

  const latest = [...candidates].sort((a, b) => time(b.startsAt ?? b.createdAt) - time(a.startsAt ?? a.createdAt));
  return latest[0] ?? null;
}

function time(date: Date): number {
  return date.getTime();
}
