import { describe, expect, it } from 'vitest';
import { QaForbiddenError } from '../../../server/domain/qa/QaRuleError.js';
import { authorizeOfficeRecords, mayDoRecords, unitInterviewRoles, type RecordsAction, type RecordsActor } from '../../../server/domain/records/recordPermissions.js';
import { actor, thrown } from '../qa/fixtures.js';

const ACTIONS: RecordsAction[] = ['transcript.read', 'transcript.edit', 'transcript.approve', 'transcript.publish', 'followUp.read', 'followUp.answer', 'followUp.review'];
const as = (fields: Partial<RecordsActor>): RecordsActor => ({ ...actor([]), orgRoles: [], ...fields });
const allowed = (who: RecordsActor) => ACTIONS.filter((action) => mayDoRecords(who, action));

describe('who may do what with the records', () => {
  it('gives each role its actions', () => {
    expect(allowed(as({ roles: ['reviewer'] }))).toEqual(ACTIONS);
    expect(allowed(as({ roles: ['guest'] }))).toEqual(['transcript.read', 'followUp.read', 'followUp.answer']);
    expect(allowed(as({ roles: ['moderator'] }))).toEqual(['transcript.read', 'followUp.read']);
    expect(allowed(as({ roles: ['host'] }))).toEqual(['transcript.read', 'followUp.read']);
    expect(allowed(as({ orgRoles: ['publisher'] }))).toEqual(['transcript.read', 'transcript.publish', 'followUp.read']);
    expect(allowed(as({ orgRoles: ['office_planner'] }))).toEqual(['transcript.read', 'followUp.read']);
    expect(allowed(as({ orgRoles: ['proposer', 'studio_operator'] }))).toEqual([]);
    expect(allowed(as({ admin: true }))).toEqual(ACTIONS);
  });

  it('opens the office views to the office, the information centre and administrators only', () => {
    expect(() => authorizeOfficeRecords({ admin: true, orgRoles: [] })).not.toThrow();
    expect(() => authorizeOfficeRecords({ admin: false, orgRoles: ['office_planner'] })).not.toThrow();
    expect(() => authorizeOfficeRecords({ admin: false, orgRoles: ['publisher'] })).not.toThrow();
    expect(thrown(() => authorizeOfficeRecords({ admin: false, orgRoles: ['dept_reviewer'] }))).toBeInstanceOf(QaForbiddenError);
  });
});

describe('unitInterviewRoles', () => {
  it("makes a unit's reviewer the reviewer of its own unit's interviews only", () => {
    expect(unitInterviewRoles({ roles: ['dept_reviewer'], organisationId: 'u1' }, 'u1')).toEqual(['reviewer']);
    expect(unitInterviewRoles({ roles: ['dept_reviewer'], organisationId: 'u1' }, 'u2')).toEqual([]);
    expect(unitInterviewRoles({ roles: ['dept_reviewer'], organisationId: 'u1' }, null)).toEqual([]);
    expect(unitInterviewRoles({ roles: ['proposer'], organisationId: 'u1' }, 'u1')).toEqual([]);
    expect(unitInterviewRoles({ roles: ['publisher'], organisationId: null }, null)).toEqual([]);
  });
});
