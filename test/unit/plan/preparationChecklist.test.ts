import { describe, expect, it } from 'vitest';
import { buildChecklist, type ChecklistItem } from '../../../server/domain/plan/preparationChecklist.js';

const startsAt = new Date('2018-05-15T01:30:00Z'); // 09:30 in Beijing
const due = (entries: ReturnType<typeof buildChecklist>, item: ChecklistItem) => entries.find((entry) => entry.item === item)!;

describe('buildChecklist', () => {
  it('dates each item from the show\'s time, the announcement N days before', () => {
    const list = buildChecklist({ startsAt, announced: false, done: new Map(), announceDaysBefore: 3, now: new Date('2018-05-01T00:00:00Z') });
    expect(list.map((entry) => [entry.item, entry.dueAt?.toISOString(), entry.state])).toEqual([
      ['guests_confirmed', '2018-05-10T01:30:00.000Z', 'open'],
      ['materials_uploaded', '2018-05-11T01:30:00.000Z', 'open'],
      ['announcement_published', '2018-05-12T01:30:00.000Z', 'open'],
      ['questions_screened', '2018-05-14T01:30:00.000Z', 'open'],
      ['studio_test', '2018-05-14T01:30:00.000Z', 'open'],
    ]);
  });

  it('follows the configured lead time', () => {
    const list = buildChecklist({ startsAt, announced: false, done: new Map(), announceDaysBefore: 7, now: startsAt });
    expect(due(list, 'announcement_published').dueAt!.toISOString()).toBe('2018-05-08T01:30:00.000Z');
    expect(due(list, 'guests_confirmed').dueAt!.toISOString()).toBe('2018-05-06T01:30:00.000Z');
  });

  it('marks items done, overdue, or unscheduled while the show has no time', () => {
    const done = new Map<ChecklistItem, Date>([['guests_confirmed', new Date('2018-05-09T00:00:00Z')]]);
    const now = new Date('2018-05-13T00:00:00Z');
    const list = buildChecklist({ startsAt, announced: false, done, announceDaysBefore: 3, now });
    expect(list.map((entry) => entry.state)).toEqual(['done', 'overdue', 'overdue', 'open', 'open']);
    expect(buildChecklist({ startsAt: null, announced: false, done, announceDaysBefore: 3, now }).map((entry) => entry.state)).toEqual([
      'done',
      'unscheduled',
      'unscheduled',
      'unscheduled',
      'unscheduled',
    ]);
  });

  it('counts an announced show\'s announcement as done', () => {
    const list = buildChecklist({ startsAt, announced: true, done: new Map(), announceDaysBefore: 3, now: startsAt });
    expect(due(list, 'announcement_published')).toMatchObject({ state: 'done', doneAt: null });
  });
});
