import { OFFICE_ROLES, type OrgRole } from './orgRoles.js';
import { PlanForbiddenError } from './PlanRuleError.js';

/** A console user as the yearly-workflow rules see them. */
export interface PlanActor {
  userId: string;
  /** users.role 'admin': may do everything. */
  admin: boolean;
  roles: readonly OrgRole[];
  organisationId: string | null;
}

/**
 * An account from before organisations and roles (users.role 'staff' with no role assigned yet) keeps what staff
 * could always do: run interviews and their preparation. Once the admin assigns a role, the roles decide.
 */
export const LEGACY_STAFF_ACTIONS: readonly PlanAction[] = [
  'interview.create',
  'interview.edit',
  'interview.transition',
  'studio.operate',
  'checklist.read',
  'checklist.update',
];

export function isLegacyStaff(actor: PlanActor): boolean {
  return !actor.admin && actor.roles.length === 0 && actor.organisationId === null;
}

/**
 * Everything the yearly workflow lets a user do. `*.own` actions act for the actor's own unit: the target's
 * organisation must be theirs (the office acts for every unit).
 */
export type PlanAction =
  | 'users.manage'
  | 'organisations.read'
  | 'organisations.manage'
  | 'proposals.read'
  | 'proposals.write'
  | 'proposals.review'
  | 'proposals.remind'
  | 'notices.read'
  | 'plan.read'
  | 'plan.edit'
  | 'plan.publish'
  | 'plan.schedule'
  | 'settings.edit'
  | 'checklist.read'
  | 'checklist.update'
  | 'interview.create'
  | 'interview.edit'
  | 'studio.operate'
  | 'interview.transition'
  | 'mail.outbox';

const OFFICE = OFFICE_ROLES;
const CENTRE_AND_STATION: readonly OrgRole[] = ['publisher', 'studio_operator'];
const UNIT: readonly OrgRole[] = ['proposer', 'dept_reviewer'];

/**
 * The permission matrix. `unit` means the role acts only for its own organisation (the target's). The information
 * centre and the broadcast station read the plan and the checklists (they prepare and announce the shows); the
 * station and the centre announce (interview.transition: 预告 and publishing). Accounts are managed by the office's
 * admin only.
 */
export const PLAN_ACTION_ROLES: Record<PlanAction, { roles: readonly OrgRole[]; unit?: readonly OrgRole[] }> = {
  'users.manage': { roles: ['office_admin'] },
  'organisations.read': { roles: [...OFFICE, ...CENTRE_AND_STATION, ...UNIT] },
  'organisations.manage': { roles: ['office_admin'] },
  'proposals.read': { roles: OFFICE, unit: UNIT },
  'proposals.write': { roles: [], unit: ['proposer'] },
  'proposals.review': { roles: OFFICE },
  'proposals.remind': { roles: OFFICE },
  'notices.read': { roles: [], unit: UNIT },
  'plan.read': { roles: [...OFFICE, ...CENTRE_AND_STATION, ...UNIT] },
  'plan.edit': { roles: OFFICE },
  'plan.publish': { roles: OFFICE },
  'plan.schedule': { roles: OFFICE },
  'settings.edit': { roles: ['office_admin'] },
  'checklist.read': { roles: [...OFFICE, ...CENTRE_AND_STATION], unit: UNIT },
  'checklist.update': { roles: [...OFFICE, ...CENTRE_AND_STATION], unit: UNIT },
  'interview.create': { roles: OFFICE },
  'interview.edit': { roles: OFFICE },
  // The broadcast station runs the studio: cameras and their tokens, the program switcher, overlays, clips and exports.
  'studio.operate': { roles: [...OFFICE, 'studio_operator'] },
  'interview.transition': { roles: [...OFFICE, ...CENTRE_AND_STATION] },
  // The office sends the reminders, so it watches whether they went out.
  'mail.outbox': { roles: OFFICE },
};

/** For unit-scoped actions: the organisation the target belongs to (a proposal's unit, an interview's department). */
export interface PlanTarget {
  organisationId?: string | null;
}

/**
 * Whether the actor may take the action on the target. A unit role counts only when the target is the actor's own
 * organisation; without a target (listing), a unit role sees its own unit's items, so it is allowed and the caller
 * filters by organisation.
 */
export function isPlanAllowed(actor: PlanActor, action: PlanAction, target?: PlanTarget): boolean {
  if (actor.admin) return true;
  if (isLegacyStaff(actor) && LEGACY_STAFF_ACTIONS.includes(action)) return true;
  const rule = PLAN_ACTION_ROLES[action];
  if (actor.roles.some((role) => rule.roles.includes(role))) return true;
  if (!rule.unit || actor.organisationId === null || !actor.roles.some((role) => rule.unit!.includes(role))) return false;
  return target === undefined || target.organisationId === actor.organisationId;
}

/** Whether the actor sees every unit's items (not only their own) for the action. */
export function actsForAllUnits(actor: PlanActor, action: PlanAction): boolean {
  return actor.admin || (isLegacyStaff(actor) && LEGACY_STAFF_ACTIONS.includes(action)) || actor.roles.some((role) => PLAN_ACTION_ROLES[action].roles.includes(role));
}

/** isPlanAllowed, or PlanForbiddenError saying which roles would do. */
export function authorizePlan(actor: PlanActor, action: PlanAction, target?: PlanTarget): void {
  if (isPlanAllowed(actor, action, target)) return;
  const rule = PLAN_ACTION_ROLES[action];
  const unitRoles = rule.unit ?? [];
  const needs = [...rule.roles, ...unitRoles.map((role) => `${role} (of the unit concerned)`)];
  throw new PlanForbiddenError(
    needs.length === 0 ? `Only an administrator may do ${action}.` : `${action} needs the role ${needs.join(' or ')}; ask the office's administrator.`,
  );
}
