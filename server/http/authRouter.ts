import express from 'express';
import { z } from 'zod';
import type { SessionService } from '../auth/SessionService.js';
import type { User } from '../domain/User.js';
import { requireUser, currentUser } from './sessionMiddleware.js';
import { readSessionToken, SESSION_COOKIE, sessionCookieOptions } from './sessionCookie.js';
import { parseRequest } from './validate.js';

export const loginBody = z.object(
  {
    username: z.string({ error: 'is required (text)' }).min(1, { error: 'must not be empty' }).max(100, { error: 'is too long' }),
    password: z.string({ error: 'is required (text)' }).min(1, { error: 'must not be empty' }).max(1000, { error: 'is too long' }),
  },
  { error: 'must be a JSON object' },
);

/** POST /login, POST /logout, GET /me. */
export function authRouter(deps: { sessions: SessionService; publicUrl: string }): express.Router {
  const router = express.Router();

  router.post('/login', async (req, res) => {
    const { username, password } = parseRequest(loginBody, req.body);
    const { user, token, expiresAt } = await deps.sessions.login(username, password, {
      address: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      replacing: readSessionToken(req),
    });
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(deps.publicUrl, expiresAt));
    res.json({ user: userJson(user) });
  });

  router.post('/logout', async (req, res) => {
    const token = readSessionToken(req);
    if (token !== null) await deps.sessions.logout(token);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps.publicUrl));
    res.status(204).end();
  });

  router.get('/me', requireUser, (_req, res) => {
    res.json({ user: userJson(currentUser(res.locals)) });
  });

  return router;
}

function userJson(user: User): { id: string; username: string; role: string } {
  return { id: user.id, username: user.username, role: user.role };
}
