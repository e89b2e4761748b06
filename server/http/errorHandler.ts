import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { InvalidCredentialsError } from '../auth/InvalidCredentialsError.js';
import { LoginLockedError } from '../auth/LoginLockedError.js';
import { InvalidStatusTransitionError } from '../domain/InvalidStatusTransitionError.js';
import { QaForbiddenError, QaInvalidInputError, QaRuleError } from '../domain/qa/QaRuleError.js';
import { QaBannedError } from '../qa/QaBannedError.js';
import { ImageRejectedError } from '../qa/ImageRejectedError.js';
import { QaNotFoundError } from '../qa/QaNotFoundError.js';
import { QaRateLimitedError } from '../qa/QaRateLimitedError.js';
import { RecordsRuleError } from '../domain/records/RecordsRuleError.js';
import { TranscriptNotPublishedError } from '../records/TranscriptNotPublishedError.js';
import { HttpError, InvalidRequestError, TooManyRequestsError } from './httpErrors.js';

/** Every error becomes JSON with a stable code; a 500 says nothing of its cause to the client, all of it to the log. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      logger.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed after the response began');
      next(error);
      return;
    }
    const answer = toHttpError(error);
    if (answer.status >= 500 && error instanceof HttpError) {
      // A deliberate 5xx (database_unavailable, storage_full…) is no bug: its cause was logged where it was raised.
      logger.warn({ code: answer.code, method: req.method, url: req.originalUrl }, 'request answered with a service error');
    } else if (answer.status >= 500) {
      logger.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    } else {
      logger.debug({ code: answer.code, method: req.method, url: req.originalUrl }, 'request refused');
    }
    res.status(answer.status).set(answer.headers).json({
      error: { code: answer.code, message: answer.message, ...(answer.field !== undefined && { field: answer.field }) },
    });
  };
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof InvalidCredentialsError) return new HttpError(401, error.code, error.message);
  if (error instanceof LoginLockedError) return new TooManyRequestsError(error.message, error.retryAfterSeconds, error.code);
  if (error instanceof InvalidStatusTransitionError) return new HttpError(409, error.code, error.message);
  if (error instanceof QaInvalidInputError) return new InvalidRequestError(error.field, error.message);
  if (error instanceof QaForbiddenError) return new HttpError(403, error.code, error.message);
  // Any other move the Q&A rules refuse is a conflict with the item's state: question_not_pending, questions_closed…
  if (error instanceof QaRuleError) return new HttpError(409, error.code, error.message);
  if (error instanceof QaNotFoundError) return new HttpError(404, error.code, error.message);
  // A transcript or follow-up move its rules refuse: transcript_not_approved, follow_up_published…
  if (error instanceof RecordsRuleError) return new HttpError(409, error.code, error.message);
  if (error instanceof TranscriptNotPublishedError) return new HttpError(404, error.code, error.message);
  if (error instanceof ImageRejectedError) {
    const status = error.code === 'unsupported_image_type' ? 415 : error.code === 'image_too_large' ? 413 : 400;
    return new HttpError(status, error.code, error.message);
  }
  if (error instanceof QaBannedError) return new HttpError(403, error.code, error.message);
  if (error instanceof QaRateLimitedError) return new TooManyRequestsError(error.message, error.retryAfterSeconds);
  // body-parser and serve-static errors carry a `type` or a client `status`.
  const { type, status } = error as { type?: string; status?: number };
  switch (type) {
    case 'entity.too.large':
      return new HttpError(413, 'payload_too_large', 'The request body is too large; send at most 100 kB.');
    case 'entity.parse.failed':
      return new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported_media_type', 'Send the request body as UTF-8 JSON.');
  }
  if (status === 404) return new HttpError(404, 'not_found', 'Nothing is at this address.');
  // Other body-parser refusals (an aborted upload, a wrong Content-Length) are the client's.
  if (status === 400) return new HttpError(400, 'invalid_request', 'The request body could not be read; send it again.', 'body');
  return new HttpError(500, 'internal', 'Something went wrong on the server; try again, and tell the administrator if it keeps happening.');
}
