import { QaForbiddenError } from '../domain/qa/QaRuleError.js';
import type { Actor } from '../domain/qa/types.js';

/** Whether the actor has some role in the interview, or is an admin: what reading its staff side takes. */
export function isInterviewStaff(actor: Actor): boolean {
  return actor.admin || actor.roles.length > 0;
}

/** isInterviewStaff, or QaForbiddenError (the queue, settings and staff socket are for the interview's staff). */
export function requireInterviewStaff(actor: Actor): void {
  if (isInterviewStaff(actor)) return;
  throw new QaForbiddenError('You have no role in this interview; ask an admin to add you to it.');
}
