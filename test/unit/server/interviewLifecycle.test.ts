import { describe, expect, it } from 'vitest';
import { InvalidStatusTransitionError } from '../../../server/domain/InvalidStatusTransitionError.js';
import { transitionInterview, type StatusFields } from '../../../server/domain/interviewLifecycle.js';

const t0 = new Date('2026-05-20T01:00:00Z');
const t1 = new Date('2026-05-20T01:30:00Z');
const t2 = new Date('2026-05-20T02:00:00Z');
const scheduled: StatusFields = { status: 'scheduled', liveAt: null, endedAt: null };

describe('transitionInterview', () => {
  it('goes scheduled → live → ended, stamping the times', () => {
    const live = transitionInterview(scheduled, 'live', t0)!;
    expect(live).toEqual({ status: 'live', liveAt: t0, endedAt: null });
    expect(transitionInterview(live, 'ended', t1)).toEqual({ status: 'ended', liveAt: t0, endedAt: t1 });
  });

  it('resumes an ended show when the studio publishes again, keeping its first on-air time', () => {
    const ended: StatusFields = { status: 'ended', liveAt: t0, endedAt: t1 };
    expect(transitionInterview(ended, 'live', t2)).toEqual({ status: 'live', liveAt: t0, endedAt: null });
  });

  it('calls off a show that never went on air', () => {
    expect(transitionInterview(scheduled, 'ended', t1)).toEqual({ status: 'ended', liveAt: null, endedAt: t1 });
  });

  it('changes nothing when the status is already the one asked for', () => {
    expect(transitionInterview({ status: 'live', liveAt: t0, endedAt: null }, 'live', t1)).toBeNull();
    expect(transitionInterview({ status: 'ended', liveAt: t0, endedAt: t1 }, 'ended', t2)).toBeNull();
    expect(transitionInterview(scheduled, 'scheduled', t1)).toBeNull();
  });

  it.each(['live', 'ended'] as const)('never goes from %s back to scheduled', (status) => {
    const current: StatusFields = { status, liveAt: t0, endedAt: status === 'ended' ? t1 : null };
    expect(() => transitionInterview(current, 'scheduled', t2)).toThrow(InvalidStatusTransitionError);
    try {
      transitionInterview(current, 'scheduled', t2);
    } catch (error) {
      expect((error as InvalidStatusTransitionError).code).toBe('invalid_status_transition');
    }
  });
});
