import { CHECKLIST_ITEM_ROLES, type ChecklistItem } from './preparationChecklist.js';
import { actsForAllUnits, type PlanActor } from './planPermissions.js';

/**
 * Besides checklist.update on the interview: the office (and an account from before roles) ticks any item; the
 * centre, the station and the unit only the items that are theirs.
 */
export function canTickChecklistItem(actor: PlanActor, item: ChecklistItem): boolean {
  if (actsForAllUnits(actor, 'plan.edit') || (actor.roles.length === 0 && actsForAllUnits(actor, 'checklist.update'))) return true;
  return actor.roles.some((role) => CHECKLIST_ITEM_ROLES[item].includes(role));
}
