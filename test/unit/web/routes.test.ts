import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso, parseRoute } from '../../../web-components/src/console/routes.js';

describe('parseRoute', () => {
  it('maps the console hashes', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/home')).toEqual({ name: 'home' });
    expect(parseRoute('#/interviews/new')).toEqual({ name: 'new-interview' });
    expect(parseRoute('#/interviews/abc/edit')).toEqual({ name: 'edit-interview', id: 'abc' });
    expect(parseRoute('#/login')).toEqual({ name: 'login' });
    expect(parseRoute('#/interviews')).toEqual({ name: 'interviews' });
    expect(parseRoute('#/interviews/a%2Fb')).toEqual({ name: 'interview', id: 'a/b' });
    expect(parseRoute('#/studio/cam1')).toEqual({ name: 'studio', cameraId: 'cam1' });
    expect(parseRoute('#/checklists')).toEqual({ name: 'plan-page', page: 'checklists' });
    expect(parseRoute('#/mail')).toEqual({ name: 'plan-page', page: 'mail' });
    expect(parseRoute('#/mail/x')).toEqual({ name: 'not-found' });
  });

  it('maps the Q&A desks of an interview', () => {
    for (const page of ['moderate', 'host', 'guest', 'review'] as const) {
      expect(parseRoute(`#/interviews/abc/${page}`)).toEqual({ name: 'qa', id: 'abc', page });
    }
    expect(parseRoute('#/interviews/abc/moderate/')).toEqual({ name: 'qa', id: 'abc', page: 'moderate' });
  });

  it('rejects anything else', () => {
    expect(parseRoute('#/studio')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/interviews/a/b')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/interviews/a/moderate/x')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/studio/cam1/host')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/nope')).toEqual({ name: 'not-found' });
  });
});

describe('localInputToIso', () => {
  it('reads datetime-local values as local time', () => {
    expect(localInputToIso('2018-05-15T09:30')).toBe(new Date(2018, 4, 15, 9, 30).toISOString());
    expect(localInputToIso('')).toBeUndefined();
  });

  it('round-trips with isoToLocalInput', () => {
    const iso = new Date(2026, 5, 1, 9, 5).toISOString();
    expect(isoToLocalInput(iso)).toBe('2026-06-01T09:05');
    expect(localInputToIso(isoToLocalInput(iso))).toBe(iso);
    expect(isoToLocalInput(null)).toBe('');
  });
});
