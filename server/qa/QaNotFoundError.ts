/** The interview, question, post or user named by a Q&A request does not exist (HTTP 404). */
export class QaNotFoundError extends Error {
  readonly code = 'not_found';

  constructor(what: string) {
    super(`${what} was not found; check the address or id.`);
    this.name = 'QaNotFoundError';
  }
}
