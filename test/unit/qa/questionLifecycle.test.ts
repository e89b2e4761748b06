import { describe, expect, it } from 'vitest';
import type { InterviewStatus } from '../../../server/domain/Interview.js';
import { QaInvalidInputError, QaRuleError } from '../../../server/domain/qa/QaRuleError.js';
import {
  applyQuestionCommand,
  newQuestion,
  setAnswering,
  type NewQuestionInput,
  type QuestionCommand,
} from '../../../server/domain/qa/questionLifecycle.js';
import { SensitiveWordFilter } from '../../../server/domain/qa/SensitiveWordFilter.js';
import {
  DEFAULT_REVIEW_SETTINGS,
  type Question,
  type QuestionStatus,
  type ReviewSettings,
} from '../../../server/domain/qa/types.js';
import { INTERVIEW_ID, created, now, question, thrown } from './fixtures.js';

const filter = SensitiveWordFilter.fromText('傻瓜\n代开发票');

function input(fields: Partial<NewQuestionInput> = {}): NewQuestionInput {
  return {
    id: 'q-new',
    interviewId: INTERVIEW_ID,
    nickname: ' 太和网友 ',
    body: ' 请问  今年的农村公路\n建设计划是什么？ ',
    contact: ' ',
    interviewStatus: 'live',
    ...fields,
  };
}

function settings(fields: Partial<ReviewSettings> = {}): ReviewSettings {
  return { ...DEFAULT_REVIEW_SETTINGS, ...fields };
}

function ruleCode(fn: () => unknown): string {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(QaRuleError);
  return (error as QaRuleError).code;
}

describe('newQuestion', () => {
  it('builds a normalised pending question when questions are reviewed', () => {
    expect(newQuestion(input(), settings(), filter, now)).toEqual({
      id: 'q-new',
      interviewId: INTERVIEW_ID,
      nickname: '太和网友',
      contact: null,
      body: '请问 今年的农村公路 建设计划是什么？',
      originalBody: null,
      status: 'pending',
      selected: false,
      answering: false,
      rejectReason: null,
      mergedInto: null,
      flagged: false,
      advance: false,
      createdAt: now,
      updatedAt: now,
      answeredAt: null,
      programTimeMs: null,
    } satisfies Question);
  });

  it('approves at once when questions are not reviewed', () => {
    expect(newQuestion(input(), settings({ reviewQuestions: false }), filter, now).status).toBe('approved');
  });

  it('keeps the contact, normalised', () => {
    expect(newQuestion(input({ contact: ' qa@example.cn ' }), settings(), filter, now).contact).toBe('qa@example.cn');
  });

  it.each<[InterviewStatus, boolean]>([
    ['scheduled', true],
    ['live', false],
    ['ended', false],
  ])('marks a question asked while the interview is %s as advance: %s', (interviewStatus, advance) => {
    expect(newQuestion(input({ interviewStatus }), settings(), filter, now).advance).toBe(advance);
  });

  it('refuses questions while the question window is closed', () => {
    const closed = settings({ questionsOpen: false });
    expect(ruleCode(() => newQuestion(input(), closed, filter, now))).toBe('questions_closed');
  });

  it('refuses invalid input with the field at fault', () => {
    const error = thrown(() => newQuestion(input({ body: '太短了' }), settings(), filter, now));
    expect(error).toBeInstanceOf(QaInvalidInputError);
    expect((error as QaInvalidInputError).field).toBe('body');
  });

  describe('with a sensitive word', () => {
    const cases: [string, Partial<NewQuestionInput>][] = [
      ['in the text', { body: '你们这些傻 瓜什么时候修路？' }],
      ['in the nickname', { nickname: '代开发票' }],
    ];

    it.each(cases)('%s: holds it flagged for a moderator, even when questions are not reviewed', (_, fields) => {
      for (const reviewQuestions of [true, false]) {
        const q = newQuestion(input(fields), settings({ reviewQuestions, sensitiveWordAction: 'hold' }), filter, now);
        expect(q).toMatchObject({ status: 'pending', flagged: true, rejectReason: null });
      }
    });

    it.each(cases)('%s: rejects it with 含不文明用语 when so set', (_, fields) => {
      for (const reviewQuestions of [true, false]) {
        const q = newQuestion(input(fields), settings({ reviewQuestions, sensitiveWordAction: 'reject' }), filter, now);
        expect(q).toMatchObject({ status: 'rejected', flagged: true, rejectReason: '含不文明用语' });
      }
    });

    it('does not match a word made up of the end of the nickname and the start of the text', () => {
      const q = newQuestion(input({ nickname: '小傻', body: '瓜子的价格怎么调控？' }), settings(), filter, now);
      expect(q.flagged).toBe(false);
    });
  });
});

type Move = QuestionCommand['type'] | 'unselect' | 'answering';
type Outcome = QuestionStatus | 'unchanged' | `error:${string}`;

const target = question({ id: 'q-target', status: 'approved' });

const commands: Record<Exclude<Move, 'answering'>, QuestionCommand> = {
  approve: { type: 'approve' },
  reject: { type: 'reject', reason: '与主题无关' },
  edit: { type: 'edit', body: '请问今年农村公路建设有哪些计划？' },
  select: { type: 'select', selected: true },
  unselect: { type: 'select', selected: false },
  merge: { type: 'merge', into: target },
  answered: { type: 'answered', programTimeMs: 125_000 },
  withdraw: { type: 'withdraw' },
};

/** Each status × each move: the status after it, 'unchanged' (no effect, same object), or the error code. */
const TRANSITIONS: Record<QuestionStatus, Record<Move, Outcome>> = {
  pending: {
    approve: 'approved',
    reject: 'rejected',
    edit: 'pending',
    select: 'error:question_not_approved',
    unselect: 'error:question_not_approved',
    merge: 'merged',
    answered: 'error:question_not_approved',
    withdraw: 'withdrawn',
    answering: 'error:question_not_approved',
  },
  approved: {
    approve: 'error:question_not_pending',
    reject: 'rejected',
    edit: 'approved',
    select: 'approved',
    unselect: 'unchanged',
    merge: 'merged',
    answered: 'answered',
    withdraw: 'withdrawn',
    answering: 'approved',
  },
  answered: {
    approve: 'error:question_final',
    reject: 'error:question_final',
    edit: 'error:question_final',
    select: 'unchanged',
    unselect: 'unchanged',
    merge: 'error:question_final',
    answered: 'error:question_final',
    withdraw: 'error:question_final',
    answering: 'error:question_final',
  },
  rejected: allFinal(),
  withdrawn: allFinal(),
  merged: allFinal(),
};

function allFinal(): Record<Move, Outcome> {
  return {
    approve: 'error:question_final',
    reject: 'error:question_final',
    edit: 'error:question_final',
    select: 'error:question_final',
    unselect: 'error:question_final',
    merge: 'error:question_final',
    answered: 'error:question_final',
    withdraw: 'error:question_final',
    answering: 'error:question_final',
  };
}

/** A question in `status` with the fields that status implies. */
function inStatus(status: QuestionStatus): Question {
  switch (status) {
    case 'answered':
      return question({ status, answeredAt: created, programTimeMs: 60_000 });
    case 'rejected':
      return question({ status, rejectReason: '重复提问' });
    case 'merged':
      return question({ status, mergedInto: 'q-other' });
    default:
      return question({ status });
  }
}

function attempt(before: Question, move: Move): Question {
  if (move === 'answering') {
    const changed = setAnswering([before], before.id, now);
    return changed[0] ?? before;
  }
  return applyQuestionCommand(before, commands[move], now);
}

const table = Object.entries(TRANSITIONS).flatMap(([status, moves]) =>
  Object.entries(moves).map(([move, outcome]) => [status as QuestionStatus, move as Move, outcome] as const),
);

describe('question transitions', () => {
  it.each(table)('%s + %s → %s', (status, move, outcome) => {
    const before = inStatus(status);
    if (outcome.startsWith('error:')) {
      expect(ruleCode(() => attempt(before, move))).toBe(outcome.slice('error:'.length));
      return;
    }
    const after = attempt(before, move);
    if (outcome === 'unchanged') {
      expect(after).toBe(before);
      return;
    }
    expect(after.status).toBe(outcome);
    expect(after.updatedAt).toBe(now);
  });

  it('covers every status', () => {
    const statuses: QuestionStatus[] = ['pending', 'approved', 'rejected', 'answered', 'withdrawn', 'merged'];
    expect(Object.keys(TRANSITIONS).sort()).toEqual(statuses.sort());
  });
});

describe('applyQuestionCommand', () => {
  const approved = question({ status: 'approved', selected: true, answering: true, flagged: true });

  it('approve keeps the flag, so the record shows the filter hit', () => {
    expect(applyQuestionCommand(question({ flagged: true }), { type: 'approve' }, now)).toMatchObject({
      status: 'approved',
      flagged: true,
    });
  });

  it('reject stores the normalised reason and takes the question off the host list', () => {
    expect(applyQuestionCommand(approved, { type: 'reject', reason: ' 涉及个人隐私 ' }, now)).toMatchObject({
      status: 'rejected',
      rejectReason: '涉及个人隐私',
      selected: false,
      answering: false,
      flagged: true,
      updatedAt: now,
    });
  });

  it.each([[''], ['  '], ['因'.repeat(201)]])('reject requires a reason of at most 200 characters: %j', (reason) => {
    const error = thrown(() => applyQuestionCommand(question(), { type: 'reject', reason }, now));
    expect(error).toBeInstanceOf(QaInvalidInputError);
    expect((error as QaInvalidInputError).field).toBe('reason');
  });

  it('withdraw takes the question off the host list and stops its answering', () => {
    expect(applyQuestionCommand(approved, { type: 'withdraw' }, now)).toMatchObject({
      status: 'withdrawn',
      selected: false,
      answering: false,
    });
  });

  describe('edit', () => {
    it('normalises the text and keeps what the netizen wrote', () => {
      const edited = applyQuestionCommand(question(), { type: 'edit', body: ' 请问农村公路  何时修？ ' }, now);
      expect(edited).toMatchObject({
        body: '请问农村公路 何时修？',
        originalBody: '请问今年的农村公路建设计划是什么？',
        status: 'pending',
        updatedAt: now,
      });
    });

    it('keeps the first original across edits', () => {
      const once = applyQuestionCommand(question(), { type: 'edit', body: '第一次修改后的问题' }, now);
      const twice = applyQuestionCommand(once, { type: 'edit', body: '第二次修改后的问题' }, now);
      expect(twice).toMatchObject({ body: '第二次修改后的问题', originalBody: '请问今年的农村公路建设计划是什么？' });
    });

    it('is unedited again when edited back to the original', () => {
      const once = applyQuestionCommand(question(), { type: 'edit', body: '修改后的问题文本' }, now);
      const back = applyQuestionCommand(once, { type: 'edit', body: '请问今年的农村公路建设计划是什么？' }, now);
      expect(back).toMatchObject({ body: '请问今年的农村公路建设计划是什么？', originalBody: null });
    });

    it('changes nothing when the text is the same after normalising', () => {
      const q = question();
      expect(applyQuestionCommand(q, { type: 'edit', body: ` ${q.body}  ` }, now)).toBe(q);
    });

    it('keeps the question limits', () => {
      const error = thrown(() => applyQuestionCommand(question(), { type: 'edit', body: '短' }, now));
      expect(error).toBeInstanceOf(QaInvalidInputError);
      expect((error as QaInvalidInputError).field).toBe('body');
    });
  });

  describe('select', () => {
    it('marks and unmarks an approved question', () => {
      const selected = applyQuestionCommand(question({ status: 'approved' }), { type: 'select', selected: true }, now);
      expect(selected).toMatchObject({ selected: true, updatedAt: now });
      expect(applyQuestionCommand(selected, { type: 'select', selected: false }, now).selected).toBe(false);
    });

    it('changes nothing when already so', () => {
      const q = question({ status: 'approved', selected: true });
      expect(applyQuestionCommand(q, { type: 'select', selected: true }, now)).toBe(q);
    });
  });

  describe('merge', () => {
    it('records the question it duplicates and takes it off the host list', () => {
      expect(applyQuestionCommand(approved, { type: 'merge', into: target }, now)).toMatchObject({
        status: 'merged',
        mergedInto: 'q-target',
        selected: false,
        answering: false,
      });
    });

    it.each<QuestionStatus>(['pending', 'approved', 'answered'])('accepts a %s target', (status) => {
      const into = question({ id: 'q-target', status });
      expect(applyQuestionCommand(question(), { type: 'merge', into }, now).mergedInto).toBe('q-target');
    });

    it.each<[string, Question, string]>([
      ['itself', question(), 'merge_into_self'],
      ['a question of another interview', question({ id: 'q-target', interviewId: 'other' }), 'merge_other_interview'],
      ['a rejected question', question({ id: 'q-target', status: 'rejected' }), 'merge_target_unavailable'],
      ['a withdrawn question', question({ id: 'q-target', status: 'withdrawn' }), 'merge_target_unavailable'],
      ['a merged question', question({ id: 'q-target', status: 'merged' }), 'merge_target_unavailable'],
    ])('refuses to merge into %s', (_, into, code) => {
      expect(ruleCode(() => applyQuestionCommand(question(), { type: 'merge', into }, now))).toBe(code);
    });
  });

  describe('answered', () => {
    it('records when and where in the show, and stops answering', () => {
      const q = question({ status: 'approved', answering: true, selected: true });
      expect(applyQuestionCommand(q, { type: 'answered', programTimeMs: 125_000 }, now)).toMatchObject({
        status: 'answered',
        answering: false,
        selected: true,
        answeredAt: now,
        programTimeMs: 125_000,
        updatedAt: now,
      });
    });

    it('accepts no program time (the show is not on air)', () => {
      const q = question({ status: 'approved' });
      expect(applyQuestionCommand(q, { type: 'answered', programTimeMs: null }, now).programTimeMs).toBeNull();
    });

    it.each([[-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('refuses program time %s', (programTimeMs) => {
      const approved = question({ status: 'approved' });
      const error = thrown(() => applyQuestionCommand(approved, { type: 'answered', programTimeMs }, now));
      expect(error).toBeInstanceOf(QaInvalidInputError);
      expect((error as QaInvalidInputError).field).toBe('programTimeMs');
    });
  });

  it('never changes the question it was given', () => {
    const q = question();
    const copy = structuredClone(q);
    applyQuestionCommand(q, { type: 'approve' }, now);
    applyQuestionCommand(q, { type: 'edit', body: '修改后的问题文本' }, now);
    expect(q).toEqual(copy);
  });
});

describe('setAnswering', () => {
  const list = [
    question({ id: 'a', status: 'approved', answering: true }),
    question({ id: 'b', status: 'approved' }),
    question({ id: 'c', status: 'answered', answeredAt: created }),
    question({ id: 'd', status: 'pending' }),
  ];

  it('marks one and clears the previous, returning only the changed', () => {
    const changed = setAnswering(list, 'b', now);
    expect(changed.map((q) => [q.id, q.answering])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    expect(changed.every((q) => q.updatedAt === now)).toBe(true);
  });

  it('changes nothing when that question is already being answered', () => {
    expect(setAnswering(list, 'a', now)).toEqual([]);
  });

  it('clears all with null', () => {
    expect(setAnswering(list, null, now).map((q) => [q.id, q.answering])).toEqual([['a', false]]);
    expect(setAnswering([question({ status: 'approved' })], null, now)).toEqual([]);
  });

  it('leaves at most one answering even if the list had several', () => {
    const messy = [question({ id: 'x', status: 'approved', answering: true }), ...list];
    const changed = setAnswering(messy, 'b', now);
    expect(changed.map((q) => [q.id, q.answering])).toEqual([
      ['x', false],
      ['a', false],
      ['b', true],
    ]);
  });

  it.each([
    ['d', 'question_not_approved'],
    ['c', 'question_final'],
    ['missing', 'question_not_found'],
  ])('refuses %s: %s, changing nothing', (id, code) => {
    expect(ruleCode(() => setAnswering(list, id, now))).toBe(code);
    expect(list[0].answering).toBe(true);
  });
});
