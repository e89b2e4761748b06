/** A move the yearly-workflow rules refuse; HTTP answers 409 with the stable snake_case `code`. */
export class PlanRuleError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'PlanRuleError';
    this.code = code;
  }
}

/** The user's roles do not allow the action (HTTP 403 forbidden). */
export class PlanForbiddenError extends PlanRuleError {
  constructor(message: string) {
    super('forbidden', message);
    this.name = 'PlanForbiddenError';
  }
}
