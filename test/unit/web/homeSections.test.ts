import { describe, expect, it } from 'vitest';
import type { StaffInterview, User } from '../../../web-components/src/api/types.js';
import { homeSections } from '../../../web-components/src/console/homeSections.js';

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
});
