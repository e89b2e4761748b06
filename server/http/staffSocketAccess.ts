import type http from 'node:http';
import type { SessionService } from '../auth/SessionService.js';
import { QaNotFoundError } from '../qa/QaNotFoundError.js';
import type { MemberService } from '../qa/MemberService.js';
import { isInterviewStaff } from '../qa/requireInterviewStaff.js';
import type { StaffSocketAccess } from '../realtime/RealtimeHub.js';
import { isOwnOrigin } from './sameOriginWrites.js';
import { sessionTokenFromCookieHeader } from './sessionCookie.js';

/**
 * Decides whether a staff socket (/api/interviews/:id/staff-events) may open: the same rules as the staff API. The
 * Origin must be this server's own, since browsers send the session cookie with cross-site WebSocket handshakes too
 * and a page elsewhere must not read the moderation queue through it.
 */
export function staffSocketAccess(deps: {
  sessions: SessionService;
  members: MemberService;
  publicUrl: string;
}): (req: http.IncomingMessage, interviewId: string) => Promise<StaffSocketAccess> {
  const ownOrigin = new URL(deps.publicUrl).origin;
  return async (req, interviewId) => {
    if (!isOwnOrigin(req.headers.origin, ownOrigin, req.headers.host)) return 'forbidden';
    const token = sessionTokenFromCookieHeader(req.headers.cookie);
    const user = token === null ? null : await deps.sessions.userFor(token);
    if (!user) return 'unauthenticated';
    try {
      const actor = await deps.members.actorFor(user, interviewId);
      return isInterviewStaff(actor) ? 'allowed' : 'forbidden';
    } catch (error) {
      if (error instanceof QaNotFoundError) return 'not_found';
      throw error;
    }
  };
}
