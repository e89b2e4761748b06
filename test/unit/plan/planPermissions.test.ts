import { describe, expect, it } from 'vitest';
import { ORG_ROLES, type OrgRole } from '../../../server/domain/plan/orgRoles.js';
import { PlanForbiddenError } from '../../../server/domain/plan/PlanRuleError.js';
import { authorizePlan, isPlanAllowed, PLAN_ACTION_ROLES, type PlanActor } from '../../../server/domain/plan/planPermissions.js';

const actor = (roles: OrgRole[], organisationId: string | null = null, admin = false): PlanActor => ({ userId: 'u', admin, roles, organisationId });

describe('isPlanAllowed', () => {
  it('lets an administrator do everything', () => {
    for (const action of Object.keys(PLAN_ACTION_ROLES) as (keyof typeof PLAN_ACTION_ROLES)[]) {
      expect(isPlanAllowed(actor([], null, true), action)).toBe(true);
    }
  });

  it('keeps unit roles to their own organisation', () => {
    const proposer = actor(['proposer'], 'org-a');
    expect(isPlanAllowed(proposer, 'proposals.write', { organisationId: 'org-a' })).toBe(true);
    expect(isPlanAllowed(proposer, 'proposals.write', { organisationId: 'org-b' })).toBe(false);
    expect(isPlanAllowed(proposer, 'proposals.review', { organisationId: 'org-a' })).toBe(false);
  });

  it('gives a unit role without an organisation nothing of its unit', () => {
    expect(isPlanAllowed(actor(['proposer']), 'proposals.write', { organisationId: null })).toBe(false);
    expect(isPlanAllowed(actor(['proposer']), 'proposals.read')).toBe(false);
  });

  it('lets the office review and plan, and only its admin manage accounts', () => {
    expect(isPlanAllowed(actor(['office_planner']), 'proposals.review')).toBe(true);
    expect(isPlanAllowed(actor(['office_planner']), 'plan.publish')).toBe(true);
    expect(isPlanAllowed(actor(['office_planner']), 'users.manage')).toBe(false);
    expect(isPlanAllowed(actor(['office_admin']), 'users.manage')).toBe(true);
  });

  it('lets the station and the centre announce but not create interviews', () => {
    for (const role of ['publisher', 'studio_operator'] as const) {
      expect(isPlanAllowed(actor([role]), 'interview.transition')).toBe(true);
      expect(isPlanAllowed(actor([role]), 'interview.create')).toBe(false);
      expect(isPlanAllowed(actor([role]), 'proposals.read')).toBe(false);
    }
  });

  it('keeps what a staff account without roles could always do, and nothing of the plan', () => {
    const legacy = actor([]);
    expect(isPlanAllowed(legacy, 'interview.create')).toBe(true);
    expect(isPlanAllowed(legacy, 'interview.transition')).toBe(true);
    expect(isPlanAllowed(legacy, 'plan.read')).toBe(false);
    expect(isPlanAllowed(legacy, 'proposals.review')).toBe(false);
    // Once a role is assigned, the role decides.
    expect(isPlanAllowed(actor(['proposer'], 'org-a'), 'interview.create')).toBe(false);
  });

  it('says which roles would do when it refuses', () => {
    expect(() => authorizePlan(actor(['proposer'], 'org-a'), 'plan.publish')).toThrow(PlanForbiddenError);
    expect(() => authorizePlan(actor(['proposer'], 'org-a'), 'plan.publish')).toThrow(/office_planner or office_admin/);
  });

  it('names only known roles in the matrix', () => {
    for (const rule of Object.values(PLAN_ACTION_ROLES)) {
      for (const role of [...rule.roles, ...(rule.unit ?? [])]) expect(ORG_ROLES).toContain(role);
    }
  });
});
