/**
 * Calendar dates as 'YYYY-MM-DD' strings, counted in China's time (UTC+8 all year, no daylight saving): a
 * follow-up's deadline is a day on the county office's calendar, not an instant.
 */

/** China Standard Time: the column is a Chinese government service. */
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether `value` is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The calendar date of an instant in China. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** The year of an instant in China. */
export function chinaYear(instant: Date): number {
  return Number(chinaDate(instant).slice(0, 4));
}

/** The first instant after the date ends in China: a deadline "on 2026-12-04" passes at this moment. */
export function endOfChinaDate(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - CHINA_UTC_OFFSET_MINUTES * 60_000);
}

/** The date `days` later (earlier when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
