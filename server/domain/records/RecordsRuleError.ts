/**
 * A move the after-show records' rules forbid (publishing a transcript nobody approved, answering a follow-up that is
 * already published…). HTTP answers 409 with the stable snake_case `code`; the message says what to do instead.
 */
export class RecordsRuleError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'RecordsRuleError';
    this.code = code;
  }
}
