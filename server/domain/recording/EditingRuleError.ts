/** A clip or export request the rules refuse; `kind` says how (the HTTP layer maps it to a status). */
export class EditingRuleError extends Error {
  readonly code: string;
  readonly kind: 'invalid' | 'not_found' | 'conflict';
  readonly field: string | undefined;

  constructor(kind: 'invalid' | 'not_found' | 'conflict', code: string, message: string, field?: string) {
    super(message);
    this.name = 'EditingRuleError';
    this.kind = kind;
    this.code = code;
    this.field = field;
  }
}
