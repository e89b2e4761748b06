import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../web-components/src/console/routes.js';

describe('console routes of the after-show pages', () => {
  it('maps the transcript, follow-ups, statistics and overdue pages', () => {
    expect(parseRoute('#/interviews/abc/transcript')).toEqual({ name: 'records', id: 'abc', page: 'transcript' });
    expect(parseRoute('#/interviews/abc/follow-ups')).toEqual({ name: 'records', id: 'abc', page: 'follow-ups' });
    expect(parseRoute('#/statistics')).toEqual({ name: 'statistics' });
    expect(parseRoute('#/follow-ups/overdue')).toEqual({ name: 'overdue' });
    expect(parseRoute('#/statistics/2026')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/interviews/abc/moderate')).toEqual({ name: 'qa', id: 'abc', page: 'moderate' });
  });
});
