import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, chinaDate, endOfChinaDate, isCalendarDate } from '../../../server/domain/records/calendarDates.js';
import { InvalidWorkCalendarError, WorkCalendar } from '../../../server/domain/records/WorkCalendar.js';

const shipped = WorkCalendar.fromData(JSON.parse(fs.readFileSync('server/domain/records/work-calendar.cn.json', 'utf8')));
const weekends = WorkCalendar.weekendsOnly();

describe('calendar dates in China', () => {
  it('takes the date in UTC+8', () => {
    expect(chinaDate(new Date('2026-05-20T15:59:59Z'))).toBe('2026-05-20');
    expect(chinaDate(new Date('2026-05-20T16:00:00Z'))).toBe('2026-05-21');
    expect(endOfChinaDate('2026-05-20').toISOString()).toBe('2026-05-20T16:00:00.000Z');
  });

  it('knows real dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-1')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('WorkCalendar.addWorkingDays', () => {
  it('skips weekends: five working days after a Wednesday is the next Wednesday, after a Friday the next Friday', () => {
    expect(weekends.addWorkingDays('2026-11-25', 5)).toBe('2026-12-02');
    expect(weekends.addWorkingDays('2026-11-27', 5)).toBe('2026-12-04');
    expect(weekends.addWorkingDays('2026-11-28', 1)).toBe('2026-11-30');
    expect(weekends.addWorkingDays('2026-11-25', 0)).toBe('2026-11-25');
  });

  it('skips the National Day week and counts its 调休 Saturday (2026-10-10) as a working day', () => {
    // Wed 30 Sep → holidays 1–7 Oct; Thu 8, Fri 9, Sat 10 (调休上班), Mon 12, Tue 13.
    expect(shipped.addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
    expect(weekends.addWorkingDays('2026-09-30', 5)).toBe('2026-10-07');
    expect(shipped.isWorkingDay('2026-10-10')).toBe(true);
    expect(shipped.isWorkingDay('2026-10-05')).toBe(false);
  });

  it('counts the Sunday worked before the National Day week (2026-09-20)', () => {
    // Fri 18 Sep → Sun 20 (调休), Mon 21, Tue 22, Wed 23, Thu 24.
    expect(shipped.addWorkingDays('2026-09-18', 5)).toBe('2026-09-24');
  });

  it('skips the nine days of the 2026 Spring Festival and counts 2026-02-14 and 2026-02-28', () => {
    // Fri 13 Feb → Sat 14 (调休), then 15–23 off, Tue 24, Wed 25, Thu 26, Fri 27.
    expect(shipped.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(shipped.addWorkingDays('2026-02-13', 6)).toBe('2026-02-28');
  });

  it('crosses a year end into a year without data by weekends alone', () => {
    expect(shipped.years.has(2027)).toBe(false);
    expect(shipped.addWorkingDays('2026-12-30', 5)).toBe('2027-01-06');
  });

  it('never lands on a non-working day and moves forward by at least count days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 1, max: 20 }), (offset, count) => {
        const start = addDays('2025-01-01', offset);
        const due = shipped.addWorkingDays(start, count);
        return shipped.isWorkingDay(due) && due > start && due >= addDays(start, count);
      }),
    );
  });
});

describe('WorkCalendar.fromData', () => {
  it('refuses a malformed date and a date both off and worked, naming the entry', () => {
    expect(() => WorkCalendar.fromData({ holidays: ['2026-13-01'], workdays: [] })).toThrow(/holidays\[0\]/);
    expect(() => WorkCalendar.fromData({ holidays: ['2026-10-10'], workdays: ['2026-10-10'] })).toThrow(InvalidWorkCalendarError);
    expect(() => WorkCalendar.fromData({ holidays: [] })).toThrow(/workdays/);
  });

  it('ships 2025 and 2026 with every 调休 day on a weekend', () => {
    expect([...shipped.years].sort()).toEqual([2025, 2026]);
    const data = JSON.parse(fs.readFileSync('server/domain/records/work-calendar.cn.json', 'utf8')) as { workdays: string[] };
    for (const day of data.workdays) expect([0, 6]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
  });
});
