import type { StaffInterview, User } from '../api/types.js';

/** How far ahead the home page looks for upcoming shows. */
export const UPCOMING_DAYS = 14;

/** Something on the home page that waits for the signed-in user, with the interview it concerns. */
export interface HomeTask {
  kind: HomeTaskKind;
  interview: StaffInterview;
}

export type HomeTaskKind = 'announce' | 'setTime' | 'addGuests' | 'publishReplay';

/** One rule of "what waits for me": who it is for and when an interview needs it. */
interface TaskRule {
  kind: HomeTaskKind;
  /** Whether this user does this kind of work (roles grow with organisations, issue 6: add the check here). */
  for(user: User): boolean;
  applies(interview: StaffInterview, now: Date): boolean;
}

/** Every staff account prepares and runs shows today (admin and staff); per-interview roles work at the Q&A desks. */
const prepares = (user: User) => user.role === 'admin' || user.role === 'staff';

const TASK_RULES: readonly TaskRule[] = [
  // A draft due soon must be announced (发布预告) or viewers will not know of it.
  { kind: 'announce', for: prepares, applies: (i, now) => i.status === 'draft' && i.startsAt !== null && within(i.startsAt, now, UPCOMING_DAYS) },
  { kind: 'setTime', for: prepares, applies: (i) => (i.status === 'draft' || i.status === 'scheduled') && i.startsAt === null },
  { kind: 'addGuests', for: prepares, applies: (i) => (i.status === 'draft' || i.status === 'scheduled') && i.guests.length === 0 },
  // Ended shows that went on air wait for their replay (回顾) to be published.
  { kind: 'publishReplay', for: prepares, applies: (i) => i.status === 'ended' && i.nextStatuses.includes('replay') },
];

export interface HomeSections {
  /** On air now. */
  live: StaffInterview[];
  /** Planned to start today (local day), not yet on air, in start order. */
  today: StaffInterview[];
  /** Planned after today within UPCOMING_DAYS, in start order. */
  upcoming: StaffInterview[];
  tasks: HomeTask[];
}

/** What the home page shows `user` at `now`: the one place that decides it, so new roles change only this file. */
export function homeSections(interviews: readonly StaffInterview[], user: User, now: Date): HomeSections {
  const byStart = (a: StaffInterview, b: StaffInterview) => Date.parse(a.startsAt!) - Date.parse(b.startsAt!);
  const planned = interviews.filter((i) => (i.status === 'draft' || i.status === 'scheduled') && i.startsAt !== null);
  const endOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return {
    live: interviews.filter((i) => i.status === 'live'),
    today: planned.filter((i) => Date.parse(i.startsAt!) >= startOfToday.getTime() && Date.parse(i.startsAt!) < endOfToday.getTime()).sort(byStart),
    upcoming: planned
      .filter((i) => Date.parse(i.startsAt!) >= endOfToday.getTime() && within(i.startsAt!, now, UPCOMING_DAYS))
      .sort(byStart),
    tasks: TASK_RULES.filter((rule) => rule.for(user)).flatMap((rule) =>
      interviews.filter((interview) => rule.applies(interview, now)).map((interview) => ({ kind: rule.kind, interview })),
    ),
  };
}

function within(iso: string, now: Date, days: number): boolean {
  return Date.parse(iso) <= now.getTime() + days * 86_400_000;
}
