import { describe, expect, it } from 'vitest';
import type { ProposalForm } from '../../../server/domain/plan/Proposal.js';
import { PlanRuleError } from '../../../server/domain/plan/PlanRuleError.js';
import { assertEditable, reviewTransition, submitProblems, submitTransition } from '../../../server/domain/plan/proposalLifecycle.js';

const form: ProposalForm = {
  suggestedTime: '5月15日',
  guests: [{ name: '张三', position: '县扶贫办主任' }],
  topic: '脱贫攻坚工作举措',
  mainContent: '政策解读',
  columnSuggestions: '',
  contactPerson: '李四',
  phone: '0917-1234567',
  fax: '',
};

describe('proposal lifecycle', () => {
  it('is edited and submitted while with the unit, and resubmitted after changes', () => {
    expect(submitTransition('draft')).toBe('submitted');
    expect(submitTransition('changes_requested')).toBe('submitted');
    expect(() => assertEditable('submitted')).toThrow(PlanRuleError);
    expect(() => submitTransition('accepted')).toThrow(/only a draft/);
  });

  it('is reviewed only once submitted, with a reason when not accepted', () => {
    expect(reviewTransition('submitted', { decision: 'accept' })).toEqual({ status: 'accepted', comment: null });
    expect(reviewTransition('submitted', { decision: 'request_changes', comment: ' 请补充嘉宾职务 ' })).toEqual({
      status: 'changes_requested',
      comment: '请补充嘉宾职务',
    });
    expect(reviewTransition('submitted', { decision: 'decline', reason: '主题重复' }).status).toBe('declined');
    expect(() => reviewTransition('submitted', { decision: 'decline', reason: '  ' })).toThrow(/reason/);
    expect(() => reviewTransition('draft', { decision: 'accept' })).toThrow(/only a submitted/);
    expect(() => reviewTransition('accepted', { decision: 'accept' })).toThrow(PlanRuleError);
  });

  it('names the empty fields a submission needs', () => {
    expect(submitProblems(form)).toEqual([]);
    expect(submitProblems({ ...form, topic: ' ', phone: '' }).map((problem) => problem.field)).toEqual(['topic', 'phone']);
  });
});
