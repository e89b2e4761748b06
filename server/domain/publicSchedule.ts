import { isPublicStatus, type Interview } from './Interview.js';

/** The counties' civil time, China Standard Time (UTC+8, no daylight saving): a plan year runs 1 Jan–31 Dec there. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The plan year an instant falls in. */
export function planYearOf(instant: Date): number {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
}

/**
 * One year's public plan (the schedule portals show): drafts left out; an interview belongs to the year it starts
 * in, or, while its time is not fixed, the year it was created in. Ordered by start, undated ones last, then title.
 */
export function publicSchedule(interviews: readonly Interview[], year: number): Interview[] {
  return interviews
    .filter((interview) => isPublicStatus(interview.status) && planYearOf(interview.startsAt ?? interview.createdAt) === year)
    .sort((a, b) => {
      const byStart = (a.startsAt?.getTime() ?? Infinity) - (b.startsAt?.getTime() ?? Infinity);
      return Number.isNaN(byStart) || byStart === 0 ? a.title.localeCompare(b.title, 'zh-CN') || a.id.localeCompare(b.id) : byStart;
    });
}
