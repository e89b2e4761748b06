import { describe, expect, it } from 'vitest';
import { canTickChecklistItem } from '../../../server/domain/plan/canTickChecklistItem.js';
import type { OrgRole } from '../../../server/domain/plan/orgRoles.js';
import { CHECKLIST_ITEMS } from '../../../server/domain/plan/preparationChecklist.js';

const actor = (roles: OrgRole[], organisationId: string | null = null) => ({ userId: 'u', admin: false, roles, organisationId });

describe('canTickChecklistItem', () => {
  it('lets the office and accounts from before roles tick every item', () => {
    for (const item of CHECKLIST_ITEMS) {
      expect(canTickChecklistItem(actor(['office_planner']), item)).toBe(true);
      expect(canTickChecklistItem(actor([]), item)).toBe(true);
    }
  });

  it('gives each of the others only their own items', () => {
    const allowed = (roles: OrgRole[], organisationId: string | null = null) =>
      CHECKLIST_ITEMS.filter((item) => canTickChecklistItem(actor(roles, organisationId), item));
    expect(allowed(['studio_operator'])).toEqual(['announcement_published', 'studio_test']);
    expect(allowed(['publisher'])).toEqual(['announcement_published']);
    expect(allowed(['proposer'], 'unit')).toEqual(['guests_confirmed', 'materials_uploaded']);
    expect(allowed(['dept_reviewer'], 'unit')).toEqual(['guests_confirmed', 'materials_uploaded', 'questions_screened']);
  });
});
