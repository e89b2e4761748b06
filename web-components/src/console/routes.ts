import { parsePlanRoute, type PlanRoute } from './plan/planRoutes.js';

/** The Q&A desks of an interview: 审核员, 主持人, 嘉宾/助理, 受访单位审核. */
export type QaPage = 'moderate' | 'host' | 'guest' | 'review';

export const QA_PAGES: readonly QaPage[] = ['moderate', 'host', 'guest', 'review'];

/** An interview's after-show pages: 文字实录 and 会后答复. */
export type RecordsPageName = 'transcript' | 'follow-ups';

export const RECORDS_PAGES: readonly RecordsPageName[] = ['transcript', 'follow-ups'];

export type Route =
  | { name: 'login' }
  | { name: 'home' }
  | { name: 'interviews' }
  | { name: 'new-interview' }
  | { name: 'edit-interview'; id: string }
  | { name: 'interview'; id: string }
  | { name: 'qa'; id: string; page: QaPage }
  | { name: 'records'; id: string; page: RecordsPageName }
  | { name: 'statistics' }
  | { name: 'overdue' }
  | { name: 'studio'; cameraId: string }
  | { name: 'director'; id: string }
  | { name: 'clips'; id: string }
  | PlanRoute
  | { name: 'not-found' };

/** Maps a location hash (#/interviews/abc) to a console route. An empty hash is the home page (what is on today). */
export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((part) => part !== '')
    .map((part) => decodeURIComponent(part));
  const [first, second, third, ...rest] = parts;
  const planRoute = rest.length > 0 ? null : parsePlanRoute(parts);
  if (planRoute) return planRoute;
  if (rest.length > 0) return { name: 'not-found' };
  if (first === 'interviews' && second !== undefined && third === 'edit') return { name: 'edit-interview', id: second };
  if (first === 'interviews' && second !== undefined && third === 'director') return { name: 'director', id: second };
  if (first === 'interviews' && second !== undefined && third === 'clips') return { name: 'clips', id: second };
  if (first === 'interviews' && second !== undefined && third !== undefined && (RECORDS_PAGES as readonly string[]).includes(third)) {
    return { name: 'records', id: second, page: third as RecordsPageName };
  }
  if (first === 'interviews' && second !== undefined && third !== undefined) {
    return (QA_PAGES as readonly string[]).includes(third) ? { name: 'qa', id: second, page: third as QaPage } : { name: 'not-found' };
  }
  if (third !== undefined) return { name: 'not-found' };
  if (first === undefined || (first === 'home' && second === undefined)) return { name: 'home' };
  if (first === 'login' && second === undefined) return { name: 'login' };
  if (first === 'statistics' && second === undefined) return { name: 'statistics' };
  if (first === 'follow-ups' && second === 'overdue') return { name: 'overdue' };
  if (first === 'interviews' && second === 'new') return { name: 'new-interview' };
  if (first === 'interviews') return second === undefined ? { name: 'interviews' } : { name: 'interview', id: second };
  if (first === 'studio' && second !== undefined) return { name: 'studio', cameraId: second };
  return { name: 'not-found' };
}

/** Reads a datetime-local value ("2018-05-15T09:30") as local time, without relying on Date's string parsing. */
export function localInputToIso(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(year, month - 1, day, hour, minute).toISOString();
}

/** An ISO instant as a datetime-local value in local time ("2018-05-15T09:30"), for editing; '' for null. */
export function isoToLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
