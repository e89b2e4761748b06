import { QaForbiddenError } from './QaRuleError.js';
import type { Actor, InterviewRole, QaAction } from './types.js';

/**
 * Who may do what, per interview role. Moderators screen questions (网民提问筛选) and may also mark one answered when
 * the host is busy on air; the host runs the show; each guest writes as themself; the department's reviewer approves
 * posts (审核把关). Settings and the audit log belong to those who screen and those who review. Admins hold every role.
 */
export const ACTION_ROLES: Record<QaAction, InterviewRole[] | 'anyone'> = {
  'question.ask': 'anyone',
  'question.moderate': ['moderator'],
  'question.select': ['moderator'],
  'question.answering': ['host'],
  'question.answered': ['host', 'moderator'],
  'post.host': ['host'],
  'post.guest': ['guest'],
  'post.review': ['reviewer'],
  'settings.edit': ['moderator', 'reviewer'],
  'ban.manage': ['moderator'],
  'audit.read': ['moderator', 'reviewer'],
};

/** For post.guest: the guest the post is written as; omitted or null means the actor's own. */
export interface ActionTarget {
  guestIndex?: number | null;
}

/**
 * Whether the actor (null for a netizen, who has no login) may take the action. A guest (or their assistant) writes
 * only as the guest their membership names, so post.guest also needs that index, matching the target's when given;
 * an admin may write as any guest.
 */
export function isAllowed(actor: Actor | null, action: QaAction, target: ActionTarget = {}): boolean {
  const allowed = ACTION_ROLES[action];
  if (allowed === 'anyone') return true;
  if (actor === null) return false;
  if (actor.admin) return true;
  if (!actor.roles.some((role) => allowed.includes(role))) return false;
  if (action !== 'post.guest') return true;
  const guestIndex = target.guestIndex ?? actor.guestIndex;
  return actor.guestIndex !== null && guestIndex === actor.guestIndex;
}

/** isAllowed, or QaForbiddenError. */
export function authorize(actor: Actor | null, action: QaAction, target: ActionTarget = {}): void {
  if (isAllowed(actor, action, target)) return;
  if (actor === null) throw new QaForbiddenError(`Log in to the console to do ${action}.`);
  if (action === 'post.guest' && actor.roles.includes('guest')) {
    throw new QaForbiddenError(
      actor.guestIndex === null
        ? 'Your guest membership names no guest to write as; ask an admin to set it.'
        : `You write as guest ${actor.guestIndex}, not as guest ${target.guestIndex}.`,
    );
  }
  // Not 'anyone': that was allowed above.
  const roles = ACTION_ROLES[action] as InterviewRole[];
  throw new QaForbiddenError(`${action} needs the role ${roles.join(' or ')} in this interview.`);
}
