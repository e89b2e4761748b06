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

/** A value is missing or wrong (HTTP 400 invalid_request); `field` names it for the form. */
export class PlanInvalidInputError extends PlanRuleError {
  readonly field: string;

  constructor(field: string, message: string) {
    super('invalid_request', message);
    this.name = 'PlanInvalidInputError';
    this.field = field;
  }
}

/** The thing does not exist, or the user may not know it does (HTTP 404). */
export class PlanNotFoundError extends PlanRuleError {
  constructor(what: string) {
    super('not_found', `${what} was not found; check the address or id.`);
    this.name = 'PlanNotFoundError';
  }
}
