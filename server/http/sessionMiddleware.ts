import type { RequestHandler } from 'express';
import type { SessionService } from '../auth/SessionService.js';
import type { User } from '../domain/User.js';
import { UnauthenticatedError } from './httpErrors.js';
import { readSessionToken } from './sessionCookie.js';

declare global {
  namespace Express {
    interface Locals {
      /** The logged-in user, set by loadSession. */
      user?: User;
    }
  }
}

/** Looks up the session cookie's user, if any. */
export function loadSession(sessions: SessionService): RequestHandler {
  return async (req, res, next) => {
    const token = readSessionToken(req);
    const user = token === null ? null : await sessions.userFor(token);
    if (user) res.locals.user = user;
    next();
  };
}

export const requireUser: RequestHandler = (_req, res, next) => {
  if (!res.locals.user) throw new UnauthenticatedError();
  next();
};

/** The logged-in user of a route behind requireUser. */
export function currentUser(locals: { user?: User }): User {
  if (!locals.user) throw new UnauthenticatedError();
  return locals.user;
}
