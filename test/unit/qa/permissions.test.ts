import { describe, expect, it } from 'vitest';
import { ACTION_ROLES, authorize, isAllowed } from '../../../server/domain/qa/permissions.js';
import { QaForbiddenError, QaRuleError } from '../../../server/domain/qa/QaRuleError.js';
import type { Actor, QaAction } from '../../../server/domain/qa/types.js';
import { actor, thrown } from './fixtures.js';

const actors: Record<string, Actor | null> = {
  netizen: null,
  'staff without a role here': actor([]),
  moderator: actor(['moderator']),
  host: actor(['host']),
  guest: actor(['guest'], { guestIndex: 0 }),
  reviewer: actor(['reviewer']),
  admin: actor([], { admin: true }),
};

/** Every action × every kind of actor. */
const MATRIX: Record<QaAction, string[]> = {
  'question.ask': ['netizen', 'staff without a role here', 'moderator', 'host', 'guest', 'reviewer', 'admin'],
  'question.moderate': ['moderator', 'admin'],
  'question.select': ['moderator', 'admin'],
  'question.answering': ['host', 'admin'],
  'question.answered': ['moderator', 'host', 'admin'],
  'post.host': ['host', 'admin'],
  'post.guest': ['guest', 'admin'],
  'post.review': ['reviewer', 'admin'],
  'settings.edit': ['moderator', 'reviewer', 'admin'],
  'ban.manage': ['moderator', 'admin'],
  'audit.read': ['moderator', 'reviewer', 'admin'],
};

const cases = Object.entries(MATRIX).flatMap(([action, allowed]) =>
  Object.keys(actors).map((who) => [action as QaAction, who, allowed.includes(who)] as const),
);

describe('permissions matrix', () => {
  it('covers every action', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(ACTION_ROLES).sort());
  });

  it.each(cases)('%s by %s: %s', (action, who, allowed) => {
    const subject = actors[who];
    expect(isAllowed(subject, action)).toBe(allowed);
    if (allowed) {
      expect(() => authorize(subject, action)).not.toThrow();
    } else {
      const error = thrown(() => authorize(subject, action));
      expect(error).toBeInstanceOf(QaForbiddenError);
      expect(error).toBeInstanceOf(QaRuleError);
      expect((error as QaForbiddenError).code).toBe('forbidden');
    }
  });
});

describe('several roles', () => {
  it('allow what any of them allows', () => {
    const both = actor(['host', 'reviewer']);
    expect(isAllowed(both, 'post.host')).toBe(true);
    expect(isAllowed(both, 'post.review')).toBe(true);
    expect(isAllowed(both, 'question.moderate')).toBe(false);
  });
});

describe('post.guest and the guest index', () => {
  const guest1 = actor(['guest'], { guestIndex: 1 });

  it('lets a guest write as their own guest, named or implied', () => {
    expect(isAllowed(guest1, 'post.guest', { guestIndex: 1 })).toBe(true);
    expect(isAllowed(guest1, 'post.guest', { guestIndex: null })).toBe(true);
    expect(isAllowed(guest1, 'post.guest', {})).toBe(true);
  });

  it('forbids writing as another guest', () => {
    expect(isAllowed(guest1, 'post.guest', { guestIndex: 0 })).toBe(false);
    const error = thrown(() => authorize(guest1, 'post.guest', { guestIndex: 2 }));
    expect(error).toBeInstanceOf(QaForbiddenError);
    expect((error as Error).message).toMatch(/guest 1, not as guest 2/u);
  });

  it('forbids a guest membership that names no guest', () => {
    const unnamed = actor(['guest'], { guestIndex: null });
    expect(isAllowed(unnamed, 'post.guest')).toBe(false);
    expect(isAllowed(unnamed, 'post.guest', { guestIndex: 0 })).toBe(false);
    expect((thrown(() => authorize(unnamed, 'post.guest')) as Error).message).toMatch(/names no guest/u);
  });

  it('lets an admin write as any guest', () => {
    const admin = actor([], { admin: true });
    for (const guestIndex of [0, 1, 5]) expect(isAllowed(admin, 'post.guest', { guestIndex })).toBe(true);
  });

  it('ignores the guest index for other actions', () => {
    expect(isAllowed(actor(['host']), 'post.host', { guestIndex: 3 })).toBe(true);
  });
});
