import type { RequestHandler } from 'express';
import { UnsupportedMediaTypeError } from './httpErrors.js';

/**
 * A request with a body must say it is JSON. Besides giving a clear 415, this blocks the "simple" cross-site form
 * posts that browsers send without asking CORS first.
 */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = req.get('Transfer-Encoding') !== undefined || Number(req.get('Content-Length') ?? 0) > 0;
  if (hasBody && !req.is('application/json')) throw new UnsupportedMediaTypeError();
  next();
};
