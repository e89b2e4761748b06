import type { Request } from 'express';
import { InvalidRequestError } from './httpErrors.js';

export const DEVICE_TOKEN_HEADER = 'X-Device-Token';

/** 32–128 URL-safe characters: enough randomness that nobody guesses another netizen's token. */
const DEVICE_TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

/** The netizen's device token (see docs/qa.md), or invalid_request naming the header. */
export function readDeviceToken(req: Request): string {
  const token = req.get(DEVICE_TOKEN_HEADER);
  if (token === undefined || !DEVICE_TOKEN.test(token)) {
    throw new InvalidRequestError(
      DEVICE_TOKEN_HEADER,
      `Send ${DEVICE_TOKEN_HEADER}: 32–128 random URL-safe characters (A–Z, a–z, 0–9, - and _) kept by this browser.`,
    );
  }
  return token;
}
