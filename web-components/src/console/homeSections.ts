import type { StaffInterview, User } from '../api/types.js';
import type { DeskRole } from './plan/planTypes.js';

/** How far ahead the home page looks for upcoming shows. */
export const UPCOMING_DAYS = 14;

/** Something on the home page that waits for the signed-in user, with the interview it concerns. */
export interface HomeTask {
  kind: HomeTaskKind;
  interview: StaffInterview;
}

export type HomeTaskKind =
  | 'announce'
  | 'setTime'
  | 'addGuests'
  | 'publishReplay'
  | 'moderate'
  | 'host'
  | 'guest'
  | 'review'
  | 'transcript'
  | 'followUps';

/** Where each task is done, after #/interviews/<id>. */
export const TASK_PAGES: Record<HomeTaskKind, string> = {
  announce: '',
  setTime: '/edit',
  addGuests: '/edit',
  publishReplay: '',
  moderate: '/moderate',
  host: '/host',
  guest: '/guest',
  review: '/review',
  transcript: '/transcript',
  followUps: '/follow-ups',
};

/** Who the user is beyond users.role: the yearly workflow's roles and the interviews where they sit at a desk. */
export interface HomeViewer {
  /** office_planner, publisher, proposer, … (GET /api/plan/me); none: an account from before roles. */
  orgRoles: readonly string[];
  /** Per interview id, the desks the user has there. */
  desks: ReadonlyMap<string, readonly DeskRole[]>;
}

/** What a rule knows of the user for one interview. */
interface Who {
  /** Creates and edits interviews (setTime, addGuests). */
  edits: boolean;
  /** Moves statuses (announce, publish the replay). */
  moves: boolean;
  desks: readonly DeskRole[];
}

/** One rule of "what waits for me": when an interview needs it from this user. */
interface TaskRule {
  kind: HomeTaskKind;
  applies(interview: StaffInterview, now: Date, who: Who): boolean;
}

const OFFICE = ['office_planner', 'office_admin'];
const CENTRE_AND_STATION = ['publisher', 'studio_operator'];
const preparing = (i: StaffInterview) => i.status === 'draft' || i.status === 'scheduled';
/** On air, or announced to start today or within the day ahead: the desks' people get ready. */
const onAirOrSoon = (i: StaffInterview, now: Date) => i.status === 'live' || (i.status === 'scheduled' && i.startsAt !== null && within(i.startsAt, now, 1));

/**
 * The rules, for the office (edit and announce), the centre and the station (announce, publish the replay) and the
 * per-interview desks: the moderator screens questions from the announcement on (advance questions arrive before the
 * show) until it ends; host and guest open their desks on the day and while on air; the unit's reviewer screens
 * during the show, then turns it into a transcript and answers the follow-ups.
 */
const TASK_RULES: readonly TaskRule[] = [
  // A draft due soon must be announced (发布预告) or viewers will not know of it.
  { kind: 'announce', applies: (i, now, who) => who.moves && i.status === 'draft' && i.startsAt !== null && within(i.startsAt, now, UPCOMING_DAYS) },
  { kind: 'setTime', applies: (i, _now, who) => who.edits && preparing(i) && i.startsAt === null },
  { kind: 'addGuests', applies: (i, _now, who) => who.edits && preparing(i) && i.guests.length === 0 },
  // Ended shows that went on air wait for their replay (回顾) to be published.
  { kind: 'publishReplay', applies: (i, _now, who) => who.moves && i.status === 'ended' && i.nextStatuses.includes('replay') },
  { kind: 'moderate', applies: (i, _now, who) => who.desks.includes('moderator') && (i.status === 'scheduled' || i.status === 'live') },
  { kind: 'host', applies: (i, now, who) => who.desks.includes('host') && onAirOrSoon(i, now) },
  { kind: 'guest', applies: (i, now, who) => who.desks.includes('guest') && onAirOrSoon(i, now) },
  { kind: 'review', applies: (i, now, who) => who.desks.includes('reviewer') && onAirOrSoon(i, now) },
  { kind: 'transcript', applies: (i, _now, who) => who.desks.includes('reviewer') && (i.status === 'ended' || i.status === 'replay') },
  { kind: 'followUps', applies: (i, _now, who) => (who.desks.includes('reviewer') || who.desks.includes('guest')) && (i.status === 'ended' || i.status === 'replay') },
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

/**
 * What the home page shows `user` at `now`: the one place that decides it, so new roles change only this file.
 * Without `viewer` (roles not loaded) the user is taken as an account from before roles: it prepares every show.
 */
export function homeSections(interviews: readonly StaffInterview[], user: User, now: Date, viewer?: HomeViewer): HomeSections {
  const byStart = (a: StaffInterview, b: StaffInterview) => Date.parse(a.startsAt!) - Date.parse(b.startsAt!);
  const planned = interviews.filter((i) => (i.status === 'draft' || i.status === 'scheduled') && i.startsAt !== null);
  const endOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const orgRoles = viewer?.orgRoles ?? [];
  // An administrator, or staff from before roles (none assigned), prepares every show as before.
  const everything = user.role === 'admin' || (user.role === 'staff' && orgRoles.length === 0);
  const edits = everything || orgRoles.some((role) => OFFICE.includes(role));
  const moves = edits || orgRoles.some((role) => CENTRE_AND_STATION.includes(role));
  return {
    live: interviews.filter((i) => i.status === 'live'),
    today: planned.filter((i) => Date.parse(i.startsAt!) >= startOfToday.getTime() && Date.parse(i.startsAt!) < endOfToday.getTime()).sort(byStart),
    upcoming: planned
      .filter((i) => Date.parse(i.startsAt!) >= endOfToday.getTime() && within(i.startsAt!, now, UPCOMING_DAYS))
      .sort(byStart),
    tasks: TASK_RULES.flatMap((rule) =>
      interviews
        .filter((interview) => rule.applies(interview, now, { edits, moves, desks: viewer?.desks.get(interview.id) ?? [] }))
        .map((interview) => ({ kind: rule.kind, interview })),
    ),
  };
}

function within(iso: string, now: Date, days: number): boolean {
  return Date.parse(iso) <= now.getTime() + days * 86_400_000;
}
