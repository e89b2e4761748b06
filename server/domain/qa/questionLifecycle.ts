import type { InterviewStatus } from '../Interview.js';
import {
  validateQuestionBody,
  validateQuestionInput,
  validateRejectReason,
  type PresetRejectReason,
} from './contentRules.js';
import { QaInvalidInputError, QaRuleError } from './QaRuleError.js';
import type { SensitiveWordFilter } from './SensitiveWordFilter.js';
import type { Question, ReviewSettings } from './types.js';

export interface NewQuestionInput {
  /** Chosen by the caller (a UUID), so the rules stay free of randomness. */
  id: string;
  interviewId: string;
  /** As sent by the netizen; validated and normalised here. */
  nickname: unknown;
  body: unknown;
  contact?: unknown;
  /** The interview's status when asked: a question asked while it is still scheduled is a 预约提问. */
  interviewStatus: InterviewStatus;
}

/** Changes a moderator (or, for withdraw, the asker; for answered, the host) makes to one question. */
export type QuestionCommand =
  | { type: 'approve' }
  | { type: 'reject'; reason: string }
  | { type: 'edit'; body: string }
  | { type: 'select'; selected: boolean }
  | { type: 'merge'; into: Question }
  | { type: 'answered'; programTimeMs: number | null }
  | { type: 'withdraw' };

const SENSITIVE_WORD_REASON: PresetRejectReason = '含不文明用语';

/**
 * A netizen's new question. Waits for a moderator when the interview reviews questions. A sensitive word in the
 * nickname or the text (both are shown publicly) flags it and, by the interview's setting, holds it for a moderator
 * even when questions are not reviewed, or rejects it at once; either way a moderator sees it was flagged.
 */
export function newQuestion(
  input: NewQuestionInput,
  settings: ReviewSettings,
  filter: SensitiveWordFilter,
  now: Date,
): Question {
  if (!settings.questionsOpen) {
    throw new QaRuleError('questions_closed', 'This interview is not taking questions now.');
  }
  const { nickname, body, contact } = validateQuestionInput(input);
  // Checked apart so the end of the nickname and the start of the text cannot make up a word together.
  const flagged = filter.find(nickname).length > 0 || filter.find(body).length > 0;
  const rejected = flagged && settings.sensitiveWordAction === 'reject';
  return {
    id: input.id,
    interviewId: input.interviewId,
    nickname,
    contact,
    body,
    originalBody: null,
    status: rejected ? 'rejected' : flagged || settings.reviewQuestions ? 'pending' : 'approved',
    selected: false,
    answering: false,
    rejectReason: rejected ? SENSITIVE_WORD_REASON : null,
    mergedInto: null,
    flagged,
    advance: input.interviewStatus === 'scheduled',
    createdAt: now,
    updatedAt: now,
    answeredAt: null,
    programTimeMs: null,
  };
}

/**
 * The question after `command`, or the same object when the command changes nothing (selecting an answered question,
 * re-selecting, editing to the same text), so the caller can skip the write and the event.
 *
 * An approved question may still be rejected (or merged, or withdrawn) until it is answered: approval makes it
 * public, and a moderator who then sees it is off-topic, a duplicate or carries someone's private details must be
 * able to take it down again. Once answered it is final: the guests' posts answer it, and the record must stay whole.
 */
export function applyQuestionCommand(question: Question, command: QuestionCommand, now: Date): Question {
  if (checkMove(question, command.type) === 'no-op') return question;
  switch (command.type) {
    case 'approve':
      return { ...question, status: 'approved', updatedAt: now };
    case 'reject':
      return { ...closed(question, now), status: 'rejected', rejectReason: validateRejectReason(command.reason) };
    case 'withdraw':
      return { ...closed(question, now), status: 'withdrawn' };
    case 'merge':
      checkMergeTarget(question, command.into);
      return { ...closed(question, now), status: 'merged', mergedInto: command.into.id };
    case 'edit': {
      const body = validateQuestionBody(command.body);
      if (body === question.body) return question;
      const originalBody = question.originalBody ?? question.body;
      // Edited back to what the netizen wrote: it is unedited again.
      return { ...question, body, originalBody: body === originalBody ? null : originalBody, updatedAt: now };
    }
    case 'select':
      if (command.selected === question.selected) return question;
      return { ...question, selected: command.selected, updatedAt: now };
    case 'answered':
      return {
        ...question,
        status: 'answered',
        answering: false,
        answeredAt: now,
        programTimeMs: validateProgramTime(command.programTimeMs),
        updatedAt: now,
      };
  }
}

/**
 * Marks `questionId` as the one being answered (正在回答) and clears any other; null clears all. Returns only the
 * questions whose `answering` changed, updated; an empty list when nothing did.
 */
export function setAnswering(questions: readonly Question[], questionId: string | null, now: Date): Question[] {
  if (questionId !== null) {
    const target = questions.find((q) => q.id === questionId);
    if (!target) throw new QaRuleError('question_not_found', `Question ${questionId} is not one of this interview's.`);
    checkMove(target, 'answering');
  }
  return questions
    .filter((q) => q.answering !== (q.id === questionId))
    .map((q) => ({ ...q, answering: q.id === questionId, updatedAt: now }));
}

type Move = QuestionCommand['type'] | 'answering';

/** Whether `move` may apply to the question in its status; throws the reason when not. */
function checkMove(question: Question, move: Move): 'apply' | 'no-op' {
  switch (question.status) {
    case 'pending':
      if (move === 'select' || move === 'answering' || move === 'answered') {
        throw new QaRuleError('question_not_approved', 'Approve the question first.');
      }
      return 'apply';
    case 'approved':
      if (move === 'approve') throw new QaRuleError('question_not_pending', 'The question is already approved.');
      return 'apply';
    case 'answered':
      // The host's list may still show it; selecting it is harmless, so a late click is not an error.
      if (move === 'select') return 'no-op';
      throw new QaRuleError('question_final', 'The question has been answered and can no longer change.');
    case 'rejected':
    case 'withdrawn':
    case 'merged':
      throw new QaRuleError('question_final', `The question was ${question.status} and can no longer change.`);
  }
}

function checkMergeTarget(question: Question, into: Question): void {
  if (into.id === question.id) throw new QaRuleError('merge_into_self', 'A question cannot be merged into itself.');
  if (into.interviewId !== question.interviewId) {
    throw new QaRuleError('merge_other_interview', 'Merge only into a question of the same interview.');
  }
  if (into.status !== 'pending' && into.status !== 'approved' && into.status !== 'answered') {
    throw new QaRuleError('merge_target_unavailable', `Cannot merge into a question that was ${into.status}.`);
  }
}

/** Fields of a question leaving the running: it is no longer on the host's list nor being answered. */
function closed(question: Question, now: Date): Question {
  return { ...question, selected: false, answering: false, updatedAt: now };
}

function validateProgramTime(value: number | null): number | null {
  if (value === null) return null;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new QaInvalidInputError('programTimeMs', 'programTimeMs must be a whole number of milliseconds, 0 or more.');
  }
  return value;
}
