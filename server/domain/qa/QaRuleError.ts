/**
 * A move the Q&A rules forbid (approving a question twice, answering a rejected one…). HTTP answers 409 with `code`,
 * which is stable snake_case so clients can branch on it; the message is for people.
 */
export class QaRuleError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'QaRuleError';
    this.code = code;
  }
}

/** The actor's roles do not allow the action (HTTP 403). */
export class QaForbiddenError extends QaRuleError {
  constructor(message: string) {
    super('forbidden', message);
    this.name = 'QaForbiddenError';
  }
}

/** A value is missing, of the wrong type or outside its limits (HTTP 400); `field` names it for the form. */
export class QaInvalidInputError extends QaRuleError {
  readonly field: string;

  constructor(field: string, message: string) {
    super('invalid_request', message);
    this.name = 'QaInvalidInputError';
    this.field = field;
  }
}
