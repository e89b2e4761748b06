import { describe, expect, it } from 'vitest';
import {
  normaliseText,
  QA_LIMITS,
  REJECT_REASONS,
  validatePostInput,
  validateQuestionBody,
  validateQuestionInput,
  validateRejectReason,
} from '../../../server/domain/qa/contentRules.js';
import { QaInvalidInputError, QaRuleError } from '../../../server/domain/qa/QaRuleError.js';
import { thrown } from './fixtures.js';

const valid = { nickname: '网友', body: '请问这件事怎么办理？' };

function invalidField(fn: () => unknown): string {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(QaInvalidInputError);
  expect(error).toBeInstanceOf(QaRuleError);
  expect((error as QaInvalidInputError).code).toBe('invalid_request');
  return (error as QaInvalidInputError).field;
}

describe('QA_LIMITS and REJECT_REASONS', () => {
  it('are the documented values', () => {
    expect(QA_LIMITS).toEqual({
      nickname: { min: 1, max: 20 },
      questionBody: { min: 5, max: 500 },
      contact: { max: 100 },
      postBody: { min: 1, max: 5000 },
      rejectReason: { min: 1, max: 200 },
    });
    expect(REJECT_REASONS).toEqual(['与主题无关', '重复提问', '含不文明用语', '涉及个人隐私', '信息不完整']);
  });
});

describe('normaliseText', () => {
  it.each([
    ['trims', '  你好  ', '你好'],
    ['collapses runs of spaces, tabs and newlines', 'a \t\n  b', 'a b'],
    ['treats the full-width space as whitespace', '你好\u3000\u3000世界\u3000', '你好 世界'],
    ['strips control characters', 'a\u0000b\u0007c\u007fd\u0085e', 'abcde'],
    ['strips zero-width spaces, soft hyphens and byte-order marks', '\ufeff傻\u200b瓜\u00ad\u2060', '傻瓜'],
    ['strips bidi overrides', 'abc\u202edef\u202c', 'abcdef'],
    ['keeps emoji joined', '👨\u200d👩\u200d👧', '👨\u200d👩\u200d👧'],
    ['leaves text alone otherwise', '请问：公交车几点发车？', '请问：公交车几点发车？'],
  ])('%s', (_, input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it('keeps paragraphs when multiline, at most one blank line in a row', () => {
    expect(normaliseText('  第一段  \r\n  第二  行 \r\r\n\n\n\n第三段\u2029第四段\n  ', { multiline: true })).toBe(
      '第一段\n第二 行\n\n第三段\n第四段',
    );
  });
});

describe('validateQuestionInput', () => {
  it('returns the normalised values, contact null when absent or blank', () => {
    expect(validateQuestionInput({ nickname: ' 网友 ', body: ' 请问  这件事\n怎么办理？ ', contact: ' 138 0000 0000 ' })).toEqual({
      nickname: '网友',
      body: '请问 这件事 怎么办理？',
      contact: '138 0000 0000',
    });
    expect(validateQuestionInput(valid).contact).toBeNull();
    expect(validateQuestionInput({ ...valid, contact: null }).contact).toBeNull();
    expect(validateQuestionInput({ ...valid, contact: ' \u3000 ' }).contact).toBeNull();
  });

  it.each([
    ['nickname', { nickname: '' }],
    ['nickname', { nickname: '  \u3000 ' }],
    ['nickname', { nickname: '网'.repeat(21) }],
    ['nickname', { nickname: undefined }],
    ['nickname', { nickname: 42 }],
    ['body', { body: '四个字儿' }],
    ['body', { body: '五个\u200b\u200b字' }],
    ['body', { body: '问'.repeat(501) }],
    ['body', { body: null }],
    ['contact', { contact: '1'.repeat(101) }],
    ['contact', { contact: 13800000000 }],
  ])('rejects a bad %s (%j)', (field, change) => {
    expect(invalidField(() => validateQuestionInput({ ...valid, ...change }))).toBe(field);
  });

  it.each([
    ['the shortest nickname', { nickname: '网' }],
    ['the longest nickname', { nickname: '网'.repeat(20) }],
    ['the shortest body', { body: '五个字的问' }],
    ['the longest body', { body: '问'.repeat(500) }],
    ['the longest contact', { contact: '1'.repeat(100) }],
    ['a body counted in characters, an emoji as one', { body: '😀'.repeat(500) }],
    ['a nickname whose spaces collapse to within the limit', { nickname: `${'网'.repeat(10)}      ${'友'.repeat(9)}` }],
  ])('accepts %s', (_, change) => {
    expect(() => validateQuestionInput({ ...valid, ...change })).not.toThrow();
  });
});

describe('validateQuestionBody', () => {
  it('normalises and checks the question limits', () => {
    expect(validateQuestionBody(' 请问  怎么办理？ ')).toBe('请问 怎么办理？');
    expect(invalidField(() => validateQuestionBody('太短'))).toBe('body');
  });
});

describe('validatePostInput', () => {
  it('keeps paragraphs', () => {
    expect(validatePostInput({ body: '  谢谢提问。\n\n  第一，  ……\n第二，…… ' })).toEqual({
      body: '谢谢提问。\n\n第一， ……\n第二，……',
    });
  });

  it('accepts 1 to 5000 characters', () => {
    expect(validatePostInput({ body: '好' }).body).toBe('好');
    expect(validatePostInput({ body: '答'.repeat(5000) }).body).toHaveLength(5000);
  });

  it.each([[''], [' \n\n \u3000'], ['答'.repeat(5001)], [undefined], [5]])('rejects %j', (body) => {
    expect(invalidField(() => validatePostInput({ body }))).toBe('body');
  });
});

describe('validateRejectReason', () => {
  it('accepts a preset or free text up to 200 characters, normalised', () => {
    for (const reason of REJECT_REASONS) expect(validateRejectReason(reason)).toBe(reason);
    expect(validateRejectReason('  已在 上期节目中\n答复 ')).toBe('已在 上期节目中 答复');
    expect(validateRejectReason('因'.repeat(200))).toHaveLength(200);
  });

  it.each([[''], ['  '], ['因'.repeat(201)], [undefined], [null]])('requires one: rejects %j', (reason) => {
    expect(invalidField(() => validateRejectReason(reason))).toBe('reason');
  });
});
