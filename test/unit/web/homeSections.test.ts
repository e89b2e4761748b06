import { describe, expect, it } from 'vitest';
import type { StaffInterview, User } from '../../../web-components/src/api/types.js';
import { homeSections, TASK_PAGES, type HomeViewer } from '../../../web-components/src/console/homeSections.js';
import type { DeskRole } from '../../../web-components/src/console/plan/planTypes.js';

const now = new Date(2026, 5, 1, 10, 0);
const at = (days: number, hour: number) => new Date(2026, 5, 1 + days, hour, 0).toISOString();
let n = 0;
function interview(patch: Partial<StaffInterview>): StaffInterview {
  n += 1;
  return {
    id: `id-${n}`,
    title: `访谈 ${n}`,
    topic: null,
    department: null,
    background: null,
    startsAt: null,
    endsAt: null,
    status: 'scheduled',
    host: null,
    guests: [{ name: '王', position: '局长', bio: null, photoUrl: null, photo: null }],
    hlsUrl: null,
    pageUrl: '',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    liveAt: null,
    endedAt: null,
    nextStatuses: [],
    ...patch,
  };
}
const admin: User = { id: 'u', username: 'admin', role: 'admin' };

describe('homeSections', () => {
  it("sorts today's, upcoming and live shows for the day", () => {
    const live = interview({ status: 'live', startsAt: at(0, 9) });
    const laterToday = interview({ startsAt: at(0, 15) });
    const earlierToday = interview({ status: 'draft', startsAt: at(0, 8) });
    const tomorrow = interview({ startsAt: at(1, 9) });
    const farAway = interview({ startsAt: at(30, 9) });
    const yesterday = interview({ startsAt: at(-1, 9) });
    const sections = homeSections([laterToday, live, farAway, earlierToday, tomorrow, yesterday], admin, now);
    expect(sections.live).toEqual([live]);
    expect(sections.today).toEqual([earlierToday, laterToday]);
    expect(sections.upcoming).toEqual([tomorrow]);
  });

  it('lists what waits for staff: drafts due soon, missing times and guests, replays to publish', () => {
    const dueDraft = interview({ status: 'draft', startsAt: at(3, 9) });
    const noTime = interview({ status: 'draft' });
    const noGuests = interview({ startsAt: at(5, 9), guests: [] });
    const ended = interview({ status: 'ended', nextStatuses: ['live', 'replay'] });
    const calledOff = interview({ status: 'ended', nextStatuses: [] });
    const tasks = homeSections([dueDraft, noTime, noGuests, ended, calledOff], admin, now).tasks;
    expect(tasks.map((task) => [task.kind, task.interview.id])).toEqual([
      ['announce', dueDraft.id],
      ['setTime', noTime.id],
      ['addGuests', noGuests.id],
      ['publishReplay', ended.id],
    ]);
  });

  it('gives no preparation tasks to roles that do not prepare shows', () => {
    const guestUser: User = { id: 'g', username: 'guest', role: 'guest-only' };
    expect(homeSections([interview({ status: 'draft' })], guestUser, now).tasks).toEqual([]);
  });

  describe('the desk roles (per interview)', () => {
    const staff: User = { id: 's', username: 'li', role: 'staff' };
    // A unit's account with a desk: not office, so no preparation tasks of its own.
    const viewer = (desks: [string, DeskRole[]][], orgRoles: string[] = ['proposer']): HomeViewer => ({ orgRoles, desks: new Map(desks) });
    const kinds = (tasks: { kind: string; interview: { id: string } }[]) => tasks.map((task) => [task.kind, task.interview.id]);

    it('host and guest: their desk while on air and on the day before, nothing for far-off or other shows', () => {
      const tomorrow = interview({ startsAt: at(0, 20) });
      const live = interview({ status: 'live', startsAt: at(0, 9) });
      const nextMonth = interview({ startsAt: at(30, 9) });
      const notMine = interview({ status: 'live' });
      const desks = viewer([
        [tomorrow.id, ['host']],
        [live.id, ['guest']],
        [nextMonth.id, ['host']],
      ]);
      expect(kinds(homeSections([tomorrow, live, nextMonth, notMine], staff, now, desks).tasks)).toEqual([
        ['host', tomorrow.id],
        ['guest', live.id],
      ]);
    });

    it('moderator: from the announcement (advance questions) until the show ends, not for a draft', () => {
      const announced = interview({ startsAt: at(20, 9) });
      const live = interview({ status: 'live' });
      const draft = interview({ status: 'draft', startsAt: at(1, 9) });
      const ended = interview({ status: 'ended' });
      const desks = viewer([announced, live, draft, ended].map((i) => [i.id, ['moderator']] as [string, DeskRole[]]));
      expect(kinds(homeSections([announced, live, draft, ended], staff, now, desks).tasks)).toEqual([
        ['moderate', announced.id],
        ['moderate', live.id],
      ]);
    });

    it('reviewer: the review desk on air, then the transcript and the follow-ups; a guest answers follow-ups too', () => {
      const live = interview({ status: 'live' });
      const ended = interview({ status: 'ended', nextStatuses: ['replay'] });
      const replay = interview({ status: 'replay' });
      const desks = viewer([
        [live.id, ['reviewer']],
        [ended.id, ['reviewer']],
        [replay.id, ['guest']],
      ]);
      expect(kinds(homeSections([live, ended, replay], staff, now, desks).tasks)).toEqual([
        ['review', live.id],
        ['transcript', ended.id],
        ['followUps', ended.id],
        ['followUps', replay.id],
      ]);
    });

    it('the centre announces and publishes replays but does not edit; a unit account with no desk has nothing to do', () => {
      const dueDraft = interview({ status: 'draft', startsAt: at(3, 9), guests: [] });
      const ended = interview({ status: 'ended', nextStatuses: ['replay'] });
      expect(kinds(homeSections([dueDraft, ended], staff, now, viewer([], ['publisher'])).tasks)).toEqual([
        ['announce', dueDraft.id],
        ['publishReplay', ended.id],
      ]);
      expect(homeSections([dueDraft, ended], staff, now, viewer([], ['proposer'])).tasks).toEqual([]);
      // Staff from before roles still prepares everything.
      expect(kinds(homeSections([dueDraft], staff, now, viewer([], [])).tasks)).toEqual([
        ['announce', dueDraft.id],
        ['addGuests', dueDraft.id],
      ]);
    });

    it('links each task to the page where it is done', () => {
      expect(TASK_PAGES).toMatchObject({ moderate: '/moderate', host: '/host', guest: '/guest', review: '/review', transcript: '/transcript', followUps: '/follow-ups' });
    });
  });
});
