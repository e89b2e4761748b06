import { describe, expect, it } from 'vitest';
import { INTERVIEW_STATUSES, isPublicStatus, type InterviewStatus } from '../../../server/domain/Interview.js';
import { InvalidStatusTransitionError } from '../../../server/domain/InvalidStatusTransitionError.js';
import { canTransition, staffTargets, transitionInterview, type StatusFields } from '../../../server/domain/interviewLifecycle.js';

const t0 = new Date('2026-05-20T01:00:00Z');
const t1 = new Date('2026-05-20T01:30:00Z');
const t2 = new Date('2026-05-20T02:00:00Z');
const draft: StatusFields = { status: 'draft', liveAt: null, endedAt: null };
const scheduled: StatusFields = { status: 'scheduled', liveAt: null, endedAt: null };
const live: StatusFields = { status: 'live', liveAt: t0, endedAt: null };
const ended: StatusFields = { status: 'ended', liveAt: t0, endedAt: t1 };
const calledOff: StatusFields = { status: 'ended', liveAt: null, endedAt: t1 };
const replay: StatusFields = { status: 'replay', liveAt: t0, endedAt: t1 };

describe('transitionInterview (staff)', () => {
  it('runs a whole show: draft → scheduled → live → ended → replay, stamping the times', () => {
    const announced = transitionInterview(draft, 'scheduled', t0)!;
    expect(announced).toEqual(scheduled);
    const onAir = transitionInterview(announced, 'live', t0)!;
    expect(onAir).toEqual({ status: 'live', liveAt: t0, endedAt: null });
    const over = transitionInterview(onAir, 'ended', t1)!;
    expect(over).toEqual({ status: 'ended', liveAt: t0, endedAt: t1 });
    expect(transitionInterview(over, 'replay', t2)).toEqual({ status: 'replay', liveAt: t0, endedAt: t1 });
  });

  it('withdraws an announcement back to draft', () => {
    expect(transitionInterview(scheduled, 'draft', t1)).toEqual(draft);
  });

  it('withdraws a published replay keeping the end time, and publishes it again', () => {
    const withdrawn = transitionInterview(replay, 'ended', t2)!;
    expect(withdrawn).toEqual(ended);
    expect(transitionInterview(withdrawn, 'replay', t2)).toEqual(replay);
  });

  it('resumes an ended show, keeping its first on-air time', () => {
    expect(transitionInterview(ended, 'live', t2)).toEqual({ status: 'live', liveAt: t0, endedAt: null });
  });

  it('calls off a show that never went on air; it then has nothing to resume or replay', () => {
    expect(transitionInterview(scheduled, 'ended', t1)).toEqual(calledOff);
    expect(() => transitionInterview(calledOff, 'replay', t2)).toThrow(InvalidStatusTransitionError);
    expect(() => transitionInterview(calledOff, 'live', t2)).toThrow(InvalidStatusTransitionError);
  });

  it('changes nothing when the status is already the one asked for', () => {
    for (const current of [draft, scheduled, live, ended, replay]) {
      expect(transitionInterview(current, current.status, t2)).toBeNull();
    }
  });

  it.each([
    [draft, 'live'],
    [draft, 'ended'],
    [draft, 'replay'],
    [scheduled, 'replay'],
    [live, 'draft'],
    [live, 'scheduled'],
    [live, 'replay'],
    [ended, 'draft'],
    [ended, 'scheduled'],
    [replay, 'live'],
    [replay, 'draft'],
    [replay, 'scheduled'],
  ] as [StatusFields, InterviewStatus][])('refuses %o → %s with a coded error', (current, to) => {
    expect(() => transitionInterview(current, to, t2)).toThrow(InvalidStatusTransitionError);
    try {
      transitionInterview(current, to, t2);
    } catch (error) {
      expect((error as InvalidStatusTransitionError).code).toBe('invalid_status_transition');
      expect((error as Error).message).toMatch(/reload/);
    }
  });
});

describe('canTransition (media node)', () => {
  it('a camera publishing to a draft is a studio test: nothing changes', () => {
    expect(canTransition(draft, 'live', 'media')).toBe(false);
    expect(canTransition(draft, 'ended', 'media')).toBe(false);
  });

  it('puts an announced show on air and ends a live one', () => {
    expect(canTransition(scheduled, 'live', 'media')).toBe(true);
    expect(canTransition(live, 'ended', 'media')).toBe(true);
    expect(transitionInterview(scheduled, 'live', t0, 'media')).toEqual({ status: 'live', liveAt: t0, endedAt: null });
  });

  it('resumes an ended show but neither a called-off one nor a published replay', () => {
    expect(canTransition(ended, 'live', 'media')).toBe(true);
    expect(canTransition(calledOff, 'live', 'media')).toBe(false);
    expect(canTransition(replay, 'live', 'media')).toBe(false);
  });

  it('never ends a show that is not live (a test stopping on an announced show)', () => {
    expect(canTransition(scheduled, 'ended', 'media')).toBe(false);
    expect(canTransition(replay, 'ended', 'media')).toBe(false);
  });

  it('never announces, withdraws or publishes a replay', () => {
    for (const current of [draft, scheduled, live, ended, replay]) {
      for (const to of ['draft', 'scheduled', 'replay'] as const) expect(canTransition(current, to, 'media')).toBe(false);
    }
  });
});

describe('staffTargets and isPublicStatus', () => {
  it('lists the buttons the console offers for each status', () => {
    expect(staffTargets(draft)).toEqual(['scheduled']);
    expect(staffTargets(scheduled)).toEqual(['draft', 'live', 'ended']);
    expect(staffTargets(live)).toEqual(['ended']);
    expect(staffTargets(ended)).toEqual(['live', 'replay']);
    expect(staffTargets(calledOff)).toEqual([]);
    expect(staffTargets(replay)).toEqual(['ended']);
  });

  it('every target listed is a move transitionInterview makes', () => {
    for (const current of [draft, scheduled, live, ended, calledOff, replay]) {
      for (const to of staffTargets(current)) expect(transitionInterview(current, to, t2)?.status).toBe(to);
    }
  });

  it('only drafts are hidden from viewers', () => {
    expect(INTERVIEW_STATUSES.filter((status) => !isPublicStatus(status))).toEqual(['draft']);
  });
});
