import type { OrgRole } from '../plan/orgRoles.js';
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

/** A console user acting on an interview's records: their roles in the interview and in the column's year. */
export interface RecordsActor extends Actor {
  orgRoles: readonly OrgRole[];
}

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

/**
 * Organisation roles that may take an action in any interview: the digital information centre (publisher) publishes
 * the column's content, so it reads and publishes (or takes down) approved transcripts; the office reads them.
 */
export const RECORDS_ORG_ROLES: Partial<Record<RecordsAction, readonly OrgRole[]>> = {
  'transcript.read': ['office_planner', 'office_admin', 'publisher'],
  'transcript.publish': ['publisher'],
  'followUp.read': ['office_planner', 'office_admin', 'publisher'],
};

/** The office's views across interviews (overdue follow-ups, statistics): the office plans and follows up the year; the centre publishes. */
export const OFFICE_RECORDS_ROLES: readonly OrgRole[] = ['office_planner', 'office_admin', 'publisher'];

export function mayDoRecords(actor: RecordsActor, action: RecordsAction): boolean {
  if (actor.admin || actor.roles.some((role) => RECORDS_ACTION_ROLES[action].includes(role))) return true;
  return (RECORDS_ORG_ROLES[action] ?? []).some((role) => actor.orgRoles.includes(role));
}

/** mayDoRecords, or QaForbiddenError (HTTP 403) naming the roles that may. */
export function authorizeRecords(actor: RecordsActor, action: RecordsAction): void {
  if (mayDoRecords(actor, action)) return;
  const roles = [...RECORDS_ACTION_ROLES[action], ...(RECORDS_ORG_ROLES[action] ?? [])];
  throw new QaForbiddenError(`${action} needs the role ${roles.join(' or ')}; ask an administrator.`);
}

/**
 * What a unit's account is in one of its own unit's interviews: its reviewer (dept_reviewer) reviews that interview's
 * records as the interview's reviewer does — the notice gives the interviewed department the review of its content
 * (审核把关) and the answers to its netizens. Accounts of other units, and other roles, get nothing here.
 */
export function unitInterviewRoles(account: { roles: readonly OrgRole[]; organisationId: string | null }, interviewUnitId: string | null): InterviewRole[] {
  if (account.organisationId === null || account.organisationId !== interviewUnitId) return [];
  return account.roles.includes('dept_reviewer') ? ['reviewer'] : [];
}

/** Who asks for the office's views: an administrator, or their roles in the column's year. */
export interface OfficeUser {
  admin: boolean;
  orgRoles: readonly OrgRole[];
}

/** The office's cross-interview views, or QaForbiddenError. */
export function authorizeOfficeRecords(user: OfficeUser): void {
  if (user.admin || user.orgRoles.some((role) => OFFICE_RECORDS_ROLES.includes(role))) return;
  throw new QaForbiddenError(`This view is for the county office (${OFFICE_RECORDS_ROLES.join(', ')} or an administrator).`);
}
