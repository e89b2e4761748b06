import { describe, expect, it } from 'vitest';
import { formatPlanTime, parsePlanTime } from '../../../server/domain/plan/parsePlanTime.js';

describe('parsePlanTime', () => {
  it('reads the annex\'s days for the plan\'s year', () => {
    expect(parsePlanTime('5月15日', 2018)).toEqual({ ok: true, time: { kind: 'day', date: '2018-05-15' } });
    expect(parsePlanTime(' １１月９日 ', 2018)).toEqual({ ok: true, time: { kind: 'day', date: '2018-11-09' } });
    expect(parsePlanTime('2018年9月17日', 2018)).toEqual({ ok: true, time: { kind: 'day', date: '2018-09-17' } });
    expect(parsePlanTime('2018-10-12', 2018)).toEqual({ ok: true, time: { kind: 'day', date: '2018-10-12' } });
    expect(parsePlanTime('6.1', 2018)).toEqual({ ok: true, time: { kind: 'day', date: '2018-06-01' } });
    expect(parsePlanTime(new Date(Date.UTC(2018, 7, 31)), 2018)).toEqual({ ok: true, time: { kind: 'day', date: '2018-08-31' } });
  });

  it('reads months and their thirds, and leaves an empty or 待定 time open', () => {
    expect(parsePlanTime('7月', 2018)).toEqual({ ok: true, time: { kind: 'month', month: 7, part: null } });
    expect(parsePlanTime('7月下旬', 2018)).toEqual({ ok: true, time: { kind: 'month', month: 7, part: 'late' } });
    expect(parsePlanTime('', 2018)).toEqual({ ok: true, time: { kind: 'open' } });
    expect(parsePlanTime('待定', 2018)).toEqual({ ok: true, time: { kind: 'open' } });
  });

  it('refuses days that do not exist, other years and free text, saying why', () => {
    expect(parsePlanTime('2月30日', 2018)).toMatchObject({ ok: false, reason: expect.stringContaining('not a day of 2018') });
    expect(parsePlanTime('13月', 2018)).toMatchObject({ ok: false, reason: expect.stringContaining('1 to 12') });
    expect(parsePlanTime('2019年5月1日', 2018)).toMatchObject({ ok: false, reason: expect.stringContaining('2019') });
    expect(parsePlanTime('国庆前后', 2018)).toMatchObject({ ok: false, reason: expect.stringContaining('5月15日') });
  });

  it('writes a time back as the annex does', () => {
    for (const text of ['5月15日', '7月', '7月下旬', '']) {
      const parsed = parsePlanTime(text, 2018);
      expect(parsed.ok && formatPlanTime(parsed.time)).toBe(text);
    }
  });
});
