import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { QuestionRow } from '../db/entities/QuestionEntity.js';
import type { QaRepository } from '../db/QaRepository.js';
import type { LockedInterview, NewQaEvent, QaTransaction } from '../db/QaTransaction.js';
import { validateQuestionInput } from '../domain/qa/contentRules.js';
import { authorize } from '../domain/qa/permissions.js';
import { applyQuestionCommand, newQuestion, setAnswering, type QuestionCommand } from '../domain/qa/questionLifecycle.js';
import { QaInvalidInputError } from '../domain/qa/QaRuleError.js';
import type { SensitiveWordFilter } from '../domain/qa/SensitiveWordFilter.js';
import type { Actor, QaAction, Question } from '../domain/qa/types.js';
import { deviceQuestionView, staffQuestionView, type MyQuestion, type StaffQuestion } from '../domain/qa/views.js';
import { hashDeviceToken, hashIpAddress } from './netizenHashes.js';
import { programTimeMs } from './programTime.js';
import type { BanService } from './BanService.js';
import { answeringEvents, questionEvents } from './qaEvents.js';
import { lockInterview } from './lockInterview.js';
import { QaNotFoundError } from './QaNotFoundError.js';
import type { QuestionRateLimiter } from './QuestionRateLimiter.js';

/** A netizen: their device token (from their browser's storage) and their IP address, when known. */
export interface Netizen {
  deviceToken: string;
  ip: string | null;
}

export interface AskInput {
  nickname: unknown;
  body: unknown;
  contact?: unknown;
}

/** What a staff member does to a question (the body of POST …/questions/:qid/actions). */
export type QuestionAction =
  | { action: 'approve' }
  | { action: 'reject'; reason: string }
  | { action: 'edit'; body: string }
  | { action: 'select' }
  | { action: 'unselect' }
  | { action: 'merge'; into: string }
  | { action: 'answering' }
  | { action: 'answered' };

const ACTION_PERMISSION: Record<QuestionAction['action'], QaAction> = {
  approve: 'question.moderate',
  reject: 'question.moderate',
  edit: 'question.moderate',
  merge: 'question.moderate',
  select: 'question.select',
  unselect: 'question.select',
  answering: 'question.answering',
  answered: 'question.answered',
};

export interface QuestionServiceEvents {
  /** A moderator approved a question that was waiting: `waitedMs` from its submission (the metrics' moderation latency). */
  approved: [event: { interviewId: string; questionId: string; waitedMs: number }];
}

/** Netizens' questions: asking, withdrawing and following one's own; screening and answering them on the staff side. */
export class QuestionService extends EventEmitter<QuestionServiceEvents> {
  readonly #qa: QaRepository;
  readonly #filter: SensitiveWordFilter;
  readonly #limiter: QuestionRateLimiter;
  readonly #bans: BanService;
  readonly #logger: Logger;

  constructor(deps: { qa: QaRepository; filter: SensitiveWordFilter; limiter: QuestionRateLimiter; bans: BanService; logger: Logger }) {
    super();
    this.#qa = deps.qa;
    this.#filter = deps.filter;
    this.#limiter = deps.limiter;
    this.#bans = deps.bans;
    this.#logger = deps.logger;
  }

  /**
   * A netizen asks. Invalid input is refused before the rate limits count it, so fixing a typo costs no wait; so is a
   * banned asker, whose refused attempts must not use up the address's allowance for others behind it.
   */
  async ask(interviewId: string, input: AskInput, netizen: Netizen): Promise<MyQuestion> {
    validateQuestionInput(input);
    const deviceHash = hashDeviceToken(netizen.deviceToken);
    const ipHash = netizen.ip === null ? null : hashIpAddress(netizen.ip);
    await this.#bans.assertMayAsk({ interviewId, deviceHash, ipHash }, new Date());
    this.#limiter.take(deviceHash, ipHash, Date.now());
    const now = new Date();
    const { question, seq } = await this.#qa.change(async (tx) => {
      const interview = await lockInterview(tx, interviewId);
      const settings = await tx.settings(interviewId);
      const asked = newQuestion(
        { id: crypto.randomUUID(), interviewId, ...input, interviewStatus: interview.status },
        settings,
        this.#filter,
        now,
      );
      await tx.insertQuestion({ ...asked, deviceHash, ipHash });
      await tx.audit(interviewId, netizenAudit('question.ask', deviceHash, null, asked), now);
      return { question: asked, seq: await tx.appendEvents(interviewId, questionEvents(null, asked, deviceHash), now) };
    });
    this.#logger.info(
      { interviewId, questionId: question.id, status: question.status, flagged: question.flagged, advance: question.advance, seq },
      'question asked',
    );
    return deviceQuestionView(question);
  }

  /** The asker takes their question back. Another device's question is "not found": its existence is not theirs to know. */
  async withdraw(interviewId: string, questionId: string, deviceToken: string): Promise<MyQuestion> {
    const deviceHash = hashDeviceToken(deviceToken);
    const now = new Date();
    const { question, seq } = await this.#qa.change(async (tx) => {
      await lockInterview(tx, interviewId);
      const row = await tx.question(interviewId, questionId);
      if (!row || row.deviceHash !== deviceHash) throw new QaNotFoundError('The question');
      const before = toQuestion(row);
      const after = applyQuestionCommand(before, { type: 'withdraw' }, now);
      await tx.updateQuestion(after);
      await tx.audit(interviewId, netizenAudit('question.withdraw', deviceHash, before, after), now);
      const events = [...questionEvents(before, after, deviceHash), ...answeringChange(before, after)];
      return { question: after, seq: await tx.appendEvents(interviewId, events, now) };
    });
    this.#logger.info({ interviewId, questionId, seq }, 'question withdrawn by its asker');
    return deviceQuestionView(question);
  }

  /** Every question this device asked in the interview, whatever became of it, oldest first. */
  async mine(interviewId: string, deviceToken: string): Promise<MyQuestion[]> {
    if (!(await this.#qa.interviewExists(interviewId))) throw new QaNotFoundError('The interview');
    const questions = await this.#qa.deviceQuestions(interviewId, hashDeviceToken(deviceToken));
    return questions.map((question) => deviceQuestionView(question));
  }

  /** A staff member's action on a question; answers the question as it now is. */
  async act(interviewId: string, questionId: string, actor: Actor, action: QuestionAction): Promise<StaffQuestion> {
    authorize(actor, ACTION_PERMISSION[action.action]);
    const now = new Date();
    const { question, seq, submittedAt } = await this.#qa.change(async (tx) => {
      const interview = await lockInterview(tx, interviewId);
      const row = await tx.question(interviewId, questionId);
      if (!row) throw new QaNotFoundError('The question');
      if (action.action === 'answering') return { ...(await this.#markAnswering(tx, interviewId, row, actor, now)), submittedAt: null };
      const before = toQuestion(row);
      const after = applyQuestionCommand(before, await this.#command(tx, interview, action, now), now);
      // The rules hand back the same object when the action changes nothing: nothing to write or announce.
      if (after === before) return { question: before, seq: null, submittedAt: null };
      await tx.updateQuestion(after);
      await tx.audit(interviewId, staffAudit(`question.${action.action}`, actor, before, after), now);
      const events = [...questionEvents(before, after, row.deviceHash), ...answeringChange(before, after)];
      const approved = before.status === 'pending' && after.status === 'approved';
      return { question: after, seq: await tx.appendEvents(interviewId, events, now), submittedAt: approved ? before.createdAt : null };
    });
    if (seq !== null) this.#logger.info({ interviewId, questionId, action: action.action, userId: actor.userId, seq }, 'question changed');
    if (submittedAt !== null) this.emit('approved', { interviewId, questionId, waitedMs: Math.max(0, now.getTime() - submittedAt.getTime()) });
    return staffQuestionView(question);
  }

  /**
   * The host stops showing a question as being answered (正在回答) without marking it answered: it stays approved
   * and can be marked again later. Does nothing, and announces nothing, when no question is being answered.
   */
  async clearAnswering(interviewId: string, actor: Actor): Promise<{ answeringQuestionId: null }> {
    authorize(actor, 'question.answering');
    const now = new Date();
    const { cleared, seq } = await this.#qa.change(async (tx) => {
      await lockInterview(tx, interviewId);
      const rows = await tx.answeringQuestions(interviewId);
      const changed = setAnswering(rows.map(toQuestion), null, now);
      if (changed.length === 0) return { cleared: [] as string[], seq: null };
      const events: NewQaEvent[] = [];
      for (const after of changed) {
        const before = rows.find((row) => row.id === after.id)!;
        await tx.updateQuestion(after);
        await tx.audit(interviewId, staffAudit('question.answering-cleared', actor, toQuestion(before), after), now);
        events.push(...questionEvents(toQuestion(before), after, before.deviceHash));
      }
      events.push(...answeringEvents(null));
      return { cleared: changed.map((question) => question.id), seq: await tx.appendEvents(interviewId, events, now) };
    });
    if (seq !== null) this.#logger.info({ interviewId, questionIds: cleared, userId: actor.userId, seq }, 'answering cleared');
    return { answeringQuestionId: null };
  }

  /** The domain command for an action; merge needs the question merged into, read in the same transaction. */
  async #command(tx: QaTransaction, interview: LockedInterview, action: Exclude<QuestionAction, { action: 'answering' }>, now: Date): Promise<QuestionCommand> {
    switch (action.action) {
      case 'approve':
        return { type: 'approve' };
      case 'reject':
        return { type: 'reject', reason: action.reason };
      case 'edit':
        return { type: 'edit', body: action.body };
      case 'select':
        return { type: 'select', selected: true };
      case 'unselect':
        return { type: 'select', selected: false };
      case 'merge': {
        const into = await tx.question(interview.id, action.into);
        if (!into) throw new QaInvalidInputError('into', 'The question to merge into is not one of this interview\'s.');
        return { type: 'merge', into: toQuestion(into) };
      }
      case 'answered':
        return { type: 'answered', programTimeMs: programTimeMs(interview, now) };
    }
  }

  /** Makes the question the one being answered, clearing the one before; both changes are announced. */
  async #markAnswering(
    tx: QaTransaction,
    interviewId: string,
    row: QuestionRow,
    actor: Actor,
    now: Date,
  ): Promise<{ question: Question; seq: number | null }> {
    const current = (await tx.answeringQuestions(interviewId)).filter((other) => other.id !== row.id);
    const rows = new Map([row, ...current].map((question) => [question.id, question]));
    const changed = setAnswering([...rows.values()].map(toQuestion), row.id, now);
    if (changed.length === 0) return { question: toQuestion(row), seq: null };
    // Clear first: the database allows one answering question per interview at any moment.
    changed.sort((a, b) => Number(a.answering) - Number(b.answering));
    const events: NewQaEvent[] = [];
    for (const after of changed) {
      const before = rows.get(after.id)!;
      await tx.updateQuestion(after);
      events.push(...questionEvents(toQuestion(before), after, before.deviceHash));
    }
    const target = changed.find((question) => question.id === row.id)!;
    events.push(...answeringEvents(target));
    await tx.audit(interviewId, staffAudit('question.answering', actor, toQuestion(row), target), now);
    return { question: target, seq: await tx.appendEvents(interviewId, events, now) };
  }
}

/** A question that stopped being answered (rejected, withdrawn, merged, answered) leaves no question being answered. */
function answeringChange(before: Question, after: Question): NewQaEvent[] {
  if (before.answering === after.answering) return [];
  return answeringEvents(after.answering ? after : null);
}

/** The domain's Question of a stored row (without the asker's hashes). */
function toQuestion(row: QuestionRow): Question {
  const { deviceHash: _device, ipHash: _ip, ...question } = row;
  return question;
}

function netizenAudit(action: string, deviceHash: string, before: Question | null, after: Question) {
  return {
    actorUserId: null,
    actorDeviceHash: deviceHash,
    action,
    targetType: 'question' as const,
    targetId: after.id,
    before: before && staffQuestionView(before),
    after: staffQuestionView(after),
  };
}

function staffAudit(action: string, actor: Actor, before: Question, after: Question) {
  return {
    actorUserId: actor.userId,
    actorDeviceHash: null,
    action,
    targetType: 'question' as const,
    targetId: after.id,
    before: staffQuestionView(before),
    after: staffQuestionView(after),
  };
}
