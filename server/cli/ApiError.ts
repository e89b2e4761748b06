/** The server refused a request or could not be reached; the CLI prints the message and exits with status 1. */
export class ApiError extends Error {
  /** The server's error code, or `unreachable` / `bad_response`. */
  readonly code: string;
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}
