/** An error answered as `{ "error": { "code", "message" } }` with its status; the message says what to do. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  /** The request field at fault, for invalid_request. */
  readonly field: string | undefined;
  /** Headers the answer carries besides the JSON body (Retry-After). */
  readonly headers: Readonly<Record<string, string>> = {};

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export class InvalidRequestError extends HttpError {
  constructor(field: string, message: string) {
    super(400, 'invalid_request', message, field);
    this.name = 'InvalidRequestError';
  }
}

export class UnauthenticatedError extends HttpError {
  constructor() {
    super(401, 'unauthenticated', 'Log in first (POST /api/auth/login); your session may have expired.');
    this.name = 'UnauthenticatedError';
  }
}

export class ForbiddenOriginError extends HttpError {
  constructor(origin: string) {
    super(403, 'forbidden_origin', `Changes are accepted only from this server's own pages, not from ${origin}.`);
    this.name = 'ForbiddenOriginError';
  }
}

export class NotFoundError extends HttpError {
  constructor(what: string) {
    super(404, 'not_found', `${what} was not found; check the address or id.`);
    this.name = 'NotFoundError';
  }
}

export class TooManyRequestsError extends HttpError {
  override readonly headers: Readonly<Record<string, string>>;

  constructor(message: string, retryAfterSeconds: number, code = 'rate_limited') {
    super(429, code, message);
    this.name = 'TooManyRequestsError';
    this.headers = { 'Retry-After': String(retryAfterSeconds) };
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  constructor() {
    super(415, 'unsupported_media_type', 'Send the request body as JSON with Content-Type: application/json.');
    this.name = 'UnsupportedMediaTypeError';
  }
}

export class WebNotBuiltError extends HttpError {
  constructor() {
    super(503, 'web_not_built', 'The web pages are not built: run npm run build, then reload.');
    this.name = 'WebNotBuiltError';
  }
}
