import { describe, expect, it } from 'vitest';
import { pickFeaturedInterview, type FeaturedCandidate } from '../../../server/domain/featuredInterview.js';

const now = new Date('2026-05-20T02:00:00Z');
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

function interview(id: string, fields: Partial<FeaturedCandidate>): FeaturedCandidate {
  return { id, status: 'scheduled', startsAt: null, createdAt: hoursFromNow(-100), liveAt: null, ...fields };
}

describe('pickFeaturedInterview', () => {
  it('is null without interviews', () => {
    expect(pickFeaturedInterview([], now)).toBeNull();
  });

  it('prefers the show on air, the most recently started of several', () => {
    const list = [
      interview('next', { startsAt: hoursFromNow(1) }),
      interview('live-early', { status: 'live', liveAt: hoursFromNow(-2) }),
      interview('live-late', { status: 'live', liveAt: hoursFromNow(-1) }),
    ];
    expect(pickFeaturedInterview(list, now)?.id).toBe('live-late');
  });

  it('else the next scheduled show, a late-starting one included', () => {
    const list = [
      interview('later', { startsAt: hoursFromNow(48) }),
      interview('soon', { startsAt: hoursFromNow(2) }),
      interview('running-late', { startsAt: hoursFromNow(-0.5) }),
      interview('missed', { startsAt: hoursFromNow(-30) }),
      interview('over', { status: 'ended', startsAt: hoursFromNow(-3) }),
    ];
    expect(pickFeaturedInterview(list, now)?.id).toBe('running-late');
    expect(pickFeaturedInterview(list.filter((i) => i.id !== 'running-late'), now)?.id).toBe('soon');
  });

  it('else the latest by planned start, creation time when unplanned', () => {
    const list = [
      interview('old', { status: 'ended', startsAt: hoursFromNow(-300) }),
      interview('recent', { status: 'ended', startsAt: hoursFromNow(-3) }),
      interview('unplanned-older', { createdAt: hoursFromNow(-50) }),
    ];
    expect(pickFeaturedInterview(list, now)?.id).toBe('recent');
    expect(pickFeaturedInterview([interview('a', { createdAt: hoursFromNow(-5) }), interview('b', { createdAt: hoursFromNow(-1) })], now)?.id).toBe('b');
  });
});
