import { QaForbiddenError } from '../qa/QaRuleError.js';
import type { Actor, InterviewRole } from '../qa/types.js';

/** What staff do with an interview's records after the show. */
export type RecordsAction =
  | 'transcript.read'
  | 'transcript.edit'
  | 'transcript.approve'
  | 'transcript.publish'
  | 'followUp.read'
  | 'followUp.answer'
  | 'followUp.review';

const ANY_ROLE: InterviewRole[] = ['moderator', 'host', 'guest', 'reviewer'];

/**
 * Per-interview roles for each action. The department's reviewer builds, corrects, approves and publishes the
 * transcript (审核把关: the department reviews content before it goes online); the guests (or their assistants)
 * and the reviewer write the department's follow-up answers, and the reviewer publishes them. Every member reads.
 * Admins hold every role.
 */
export const RECORDS_ACTION_ROLES: Record<RecordsAction, InterviewRole[]> = {
  'transcript.read': ANY_ROLE,
  'transcript.edit': ['reviewer'],
  'transcript.approve': ['reviewer'],
  'transcript.publish': ['reviewer'],
  'followUp.read': ANY_ROLE,
  'followUp.answer': ['guest', 'reviewer'],
  'followUp.review': ['reviewer'],
};

export function mayDoRecords(actor: Actor, action: RecordsAction): boolean {
  return actor.admin || actor.roles.some((role) => RECORDS_ACTION_ROLES[action].includes(role));
}

/** mayDoRecords, or QaForbiddenError (HTTP 403) naming the roles that may. */
export function authorizeRecords(actor: Actor, action: RecordsAction): void {
  if (mayDoRecords(actor, action)) return;
  throw new QaForbiddenError(`${action} needs the role ${RECORDS_ACTION_ROLES[action].join(' or ')} in this interview.`);
}
