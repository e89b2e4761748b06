/**
 * The asker's device or address is on the interview's ban list (HTTP 403). The message is neutral and says what to
 * do: it does not say which of the two was banned, nor why, nor for how long.
 */
export class QaBannedError extends Error {
  readonly code = 'banned';

  constructor() {
    super('You cannot ask questions here for now. If you think this is a mistake, contact the site administrator.');
    this.name = 'QaBannedError';
  }
}
