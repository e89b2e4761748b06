import type { OrgRole } from './orgRoles.js';

/**
 * What must be ready before a show, after the notice's division of labour: the unit confirms guests and assistants
 * and prepares materials, screens the advance questions; the broadcast station tests the studio and, with the
 * information centre, publishes the announcement (访谈预告) N days before.
 */
export type ChecklistItem = 'guests_confirmed' | 'materials_uploaded' | 'questions_screened' | 'studio_test' | 'announcement_published';

export const CHECKLIST_ITEMS: readonly ChecklistItem[] = [
  'guests_confirmed',
  'materials_uploaded',
  'announcement_published',
  'questions_screened',
  'studio_test',
];

export const DEFAULT_ANNOUNCE_DAYS_BEFORE = 3;

/**
 * Who ticks each item besides the office (which may tick any): the unit its own preparations, its reviewer the
 * screening, the station the studio test, the centre or the station the announcement.
 */
export const CHECKLIST_ITEM_ROLES: Record<ChecklistItem, readonly OrgRole[]> = {
  guests_confirmed: ['proposer', 'dept_reviewer'],
  materials_uploaded: ['proposer', 'dept_reviewer'],
  questions_screened: ['dept_reviewer'],
  studio_test: ['studio_operator'],
  announcement_published: ['publisher', 'studio_operator'],
};

/**
 * Days before the show each item is due. Guests and materials come before the announcement (it names the guests and
 * the topic): two and one days ahead of it; the studio test and the screening of advance questions the day before.
 */
export function daysBefore(item: ChecklistItem, announceDaysBefore: number): number {
  switch (item) {
    case 'guests_confirmed':
      return announceDaysBefore + 2;
    case 'materials_uploaded':
      return announceDaysBefore + 1;
    case 'announcement_published':
      return announceDaysBefore;
    case 'questions_screened':
    case 'studio_test':
      return 1;
  }
}

export type ChecklistState = 'done' | 'overdue' | 'open' | 'unscheduled';

export interface ChecklistEntry {
  item: ChecklistItem;
  /** null while the show has no time. */
  dueAt: Date | null;
  doneAt: Date | null;
  state: ChecklistState;
}

/**
 * The checklist of a show starting at `startsAt`: each item's due time (the show's clock time, N whole days earlier)
 * and its state at `now`. An announced show (status past draft) has its announcement done even if nobody ticked it.
 */
export function buildChecklist(show: {
  startsAt: Date | null;
  announced: boolean;
  done: ReadonlyMap<ChecklistItem, Date>;
  announceDaysBefore: number;
  now: Date;
}): ChecklistEntry[] {
  return CHECKLIST_ITEMS.map((item) => {
    const doneAt = show.done.get(item) ?? null;
    const isDone = doneAt !== null || (item === 'announcement_published' && show.announced);
    const dueAt = show.startsAt === null ? null : new Date(show.startsAt.getTime() - daysBefore(item, show.announceDaysBefore) * 86_400_000);
    const state: ChecklistState = isDone ? 'done' : dueAt === null ? 'unscheduled' : dueAt.getTime() < show.now.getTime() ? 'overdue' : 'open';
    return { item, dueAt, doneAt, state };
  });
}
