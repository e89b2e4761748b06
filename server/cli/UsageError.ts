/** The command line is wrong; the CLI prints the message and the usage, and exits with status 2. */
export class UsageError extends Error {
  readonly code = 'usage';

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
