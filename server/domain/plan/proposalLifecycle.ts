import type { ProposalForm, ProposalStatus } from './Proposal.js';
import { PlanInvalidInputError, PlanRuleError } from './PlanRuleError.js';

export type ProposalReview = { decision: 'accept' } | { decision: 'request_changes'; comment: string } | { decision: 'decline'; reason: string };

/** The unit edits its proposal while it is with the unit: a draft, or sent back for changes. */
export function assertEditable(status: ProposalStatus): void {
  if (status !== 'draft' && status !== 'changes_requested') {
    throw new PlanRuleError('proposal_not_editable', `The proposal is ${status}; only a draft or one sent back for changes can be edited.`);
  }
}

/** What must be filled before the office sees the form: the unit cannot send an empty topic. */
export function submitProblems(form: ProposalForm): { field: keyof ProposalForm; message: string }[] {
  const problems: { field: keyof ProposalForm; message: string }[] = [];
  if (form.topic.trim() === '') problems.push({ field: 'topic', message: 'Fill in 访谈主题 (the topic) before submitting.' });
  if (form.mainContent.trim() === '') problems.push({ field: 'mainContent', message: 'Fill in 主要内容 (the main content) before submitting.' });
  if (form.contactPerson.trim() === '') problems.push({ field: 'contactPerson', message: 'Fill in 单位联系人 (the contact person) before submitting.' });
  if (form.phone.trim() === '') problems.push({ field: 'phone', message: 'Fill in 联系电话 (the phone number) before submitting.' });
  return problems;
}

/** Submitting (or resubmitting after changes) hands the form to the office. */
export function submitTransition(status: ProposalStatus): ProposalStatus {
  assertEditable(status);
  return 'submitted';
}

/** The office reviews only what was submitted, and says why when it sends back or declines. */
export function reviewTransition(status: ProposalStatus, review: ProposalReview): { status: ProposalStatus; comment: string | null } {
  if (status !== 'submitted') {
    throw new PlanRuleError('proposal_not_submitted', `The proposal is ${status}; only a submitted proposal can be reviewed.`);
  }
  switch (review.decision) {
    case 'accept':
      return { status: 'accepted', comment: null };
    case 'request_changes':
      return { status: 'changes_requested', comment: requireText(review.comment, 'comment') };
    case 'decline':
      return { status: 'declined', comment: requireText(review.reason, 'reason') };
  }
}

function requireText(text: string, what: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new PlanInvalidInputError(what, `Give a ${what}: the unit reads it to know what to do.`);
  return trimmed;
}
