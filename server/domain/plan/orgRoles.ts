/**
 * The kinds of interviewed units the founding notice addresses: 各镇人民政府 (town), 县政府各工作部门 (department),
 * 各直属机构 (agency).
 */
export type OrganisationKind = 'town' | 'department' | 'agency';

export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['town', 'department', 'agency'];

/**
 * What a console user does in the column's year, after the notice's division of labour: the government office plans
 * and coordinates (planner; its admin also manages accounts), the digital information centre publishes, the broadcast
 * station runs the studio, and each interviewed unit proposes topics and reviews its content. Host, guest and
 * moderator are per interview (interview_members), not here.
 */
export type OrgRole = 'office_planner' | 'office_admin' | 'publisher' | 'studio_operator' | 'proposer' | 'dept_reviewer';

export const ORG_ROLES: readonly OrgRole[] = ['office_planner', 'office_admin', 'publisher', 'studio_operator', 'proposer', 'dept_reviewer'];

/** Roles that act for one interviewed unit, so the account must belong to an organisation. */
export const UNIT_ROLES: readonly OrgRole[] = ['proposer', 'dept_reviewer'];

/** The office's roles: they see every unit's proposals and the whole plan. */
export const OFFICE_ROLES: readonly OrgRole[] = ['office_planner', 'office_admin'];
