import { QaInvalidInputError } from './QaRuleError.js';

/**
 * Length limits, in characters (Unicode code points, as PostgreSQL's varchar counts them, so an emoji is one
 * character and never splits the limit between client and database).
 */
export const QA_LIMITS = {
  nickname: { min: 1, max: 20 },
  questionBody: { min: 5, max: 500 },
  contact: { max: 100 },
  postBody: { min: 1, max: 5000 },
  rejectReason: { min: 1, max: 200 },
} as const;

/** The preset reasons a moderator picks from (未采纳原因); free text is allowed too. */
export const REJECT_REASONS = ['与主题无关', '重复提问', '含不文明用语', '涉及个人隐私', '信息不完整'] as const;

export type PresetRejectReason = (typeof REJECT_REASONS)[number];

/**
 * Control characters, soft hyphens, zero-width spaces, byte-order marks and bidi overrides: invisible, so they only
 * serve to pad a text past its minimum, fake its layout or slip words past the sensitive-word filter. Tab, line feed,
 * vertical tab, form feed and carriage return are whitespace and handled as such. ZWJ stays: emoji sequences use it.
 */
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/gu;

export interface NormaliseOptions {
  /** Keep line breaks (at most one blank line in a row) instead of folding into one line: posts have paragraphs. */
  multiline?: boolean;
}

/** Trims, strips invisible characters and collapses whitespace runs (full-width spaces included) to one space. */
export function normaliseText(s: string, options: NormaliseOptions = {}): string {
  const visible = s.replace(INVISIBLE, '');
  if (!options.multiline) return visible.replace(/\s+/gu, ' ').trim();
  return visible
    .replace(/\r\n?|[\u2028\u2029]/gu, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

/** Length in characters (code points), the unit of QA_LIMITS. */
function textLength(s: string): number {
  return Array.from(s).length;
}

export interface QuestionInput {
  nickname: unknown;
  body: unknown;
  contact?: unknown;
}

export interface ValidQuestionInput {
  nickname: string;
  body: string;
  /** Null when absent or blank. */
  contact: string | null;
}

/** A netizen's question as sent (fields straight from the request), normalised, or QaInvalidInputError. */
export function validateQuestionInput(input: QuestionInput): ValidQuestionInput {
  return {
    nickname: requireText(input.nickname, 'nickname', QA_LIMITS.nickname),
    body: validateQuestionBody(input.body),
    contact: optionalText(input.contact, 'contact', QA_LIMITS.contact.max),
  };
}

/** A question's text, as asked or as corrected by a moderator. */
export function validateQuestionBody(body: unknown): string {
  return requireText(body, 'body', QA_LIMITS.questionBody);
}

export interface PostInput {
  body: unknown;
}

/** A host's or guest's post text, normalised with its paragraphs kept, or QaInvalidInputError. */
export function validatePostInput(input: PostInput): { body: string } {
  return { body: requireText(input.body, 'body', QA_LIMITS.postBody, { multiline: true }) };
}

/** Why a question or post was not accepted: required, since its author is shown it. */
export function validateRejectReason(reason: unknown): string {
  return requireText(reason, 'reason', QA_LIMITS.rejectReason);
}

function requireText(
  value: unknown,
  field: string,
  limits: { min: number; max: number },
  options?: NormaliseOptions,
): string {
  if (typeof value !== 'string') throw new QaInvalidInputError(field, `${field} is required and must be text.`);
  const text = normaliseText(value, options);
  const length = textLength(text);
  if (length < limits.min || length > limits.max) {
    throw new QaInvalidInputError(
      field,
      `${field} must be ${limits.min}–${limits.max} characters (after trimming spaces); it has ${length}.`,
    );
  }
  return text;
}

function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new QaInvalidInputError(field, `${field} must be text when given.`);
  const text = normaliseText(value);
  if (text === '') return null;
  const length = textLength(text);
  if (length > max) {
    throw new QaInvalidInputError(field, `${field} must be at most ${max} characters; it has ${length}.`);
  }
  return text;
}
