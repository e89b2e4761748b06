import { describe, expect, it } from 'vitest';
import type { Interview } from '../../../server/domain/Interview.js';
import { planYearOf, publicSchedule } from '../../../server/domain/publicSchedule.js';

function interview(id: string, fields: Partial<Interview>): Interview {
  const created = new Date('2026-01-10T00:00:00Z');
  return {
    id,
    title: id,
    topic: null,
    department: null,
    background: null,
    startsAt: null,
    endsAt: null,
    status: 'scheduled',
    createdAt: created,
    updatedAt: created,
    liveAt: null,
    endedAt: null,
    host: null,
    guests: [],
    ...fields,
  };
}

describe('planYearOf', () => {
  it('counts the year in China Standard Time', () => {
    // 31 Dec 2025 20:00 UTC is already 1 Jan 2026 04:00 in the county.
    expect(planYearOf(new Date('2025-12-31T20:00:00Z'))).toBe(2026);
    expect(planYearOf(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
  });
});

describe('publicSchedule', () => {
  const list = [
    interview('draft', { status: 'draft', startsAt: new Date('2026-03-01T01:00:00Z') }),
    interview('may', { status: 'scheduled', startsAt: new Date('2026-05-15T01:30:00Z') }),
    interview('march', { status: 'replay', startsAt: new Date('2026-03-10T01:30:00Z') }),
    interview('undated', { status: 'scheduled', startsAt: null }),
    interview('last-year', { status: 'ended', startsAt: new Date('2025-11-10T01:30:00Z') }),
    interview('live', { status: 'live', startsAt: new Date('2026-04-01T01:30:00Z') }),
    interview('undated-old', { status: 'scheduled', startsAt: null, createdAt: new Date('2025-06-01T00:00:00Z') }),
  ];

  it('leaves drafts and other years out and orders by start, undated last', () => {
    expect(publicSchedule(list, 2026).map((i) => i.id)).toEqual(['march', 'live', 'may', 'undated']);
  });

  it('puts an undated interview in the year it was created', () => {
    expect(publicSchedule(list, 2025).map((i) => i.id)).toEqual(['last-year', 'undated-old']);
  });

  it('is empty for a year without interviews', () => {
    expect(publicSchedule(list, 2030)).toEqual([]);
  });
});
