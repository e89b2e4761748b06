/** Login refused. One message for an unknown user and a wrong password, so usernames cannot be probed. */
export class InvalidCredentialsError extends Error {
  readonly code = 'invalid_credentials';

  constructor() {
    super('Wrong username or password.');
    this.name = 'InvalidCredentialsError';
  }
}
