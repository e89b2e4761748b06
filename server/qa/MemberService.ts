import type { Logger } from 'pino';
import type { InterviewMemberRepository } from '../db/InterviewMemberRepository.js';
import type { QaRepository } from '../db/QaRepository.js';
import { QaForbiddenError, QaInvalidInputError } from '../domain/qa/QaRuleError.js';
import type { Actor, InterviewRole } from '../domain/qa/types.js';
import type { User } from '../domain/User.js';
import { QaNotFoundError } from './QaNotFoundError.js';

/** A member of an interview as the console lists it. */
export interface MemberJson {
  userId: string;
  username: string;
  roles: InterviewRole[];
  guestIndex: number | null;
}

export interface MemberInput {
  roles: InterviewRole[];
  /** Which announced guest (from 0) a guest member writes as; required with the guest role, dropped without it. */
  guestIndex?: number | null | undefined;
}

/** Who is what in each interview (moderator, host, guest, reviewer): assigned by admins, audited. */
export class MemberService {
  readonly #qa: QaRepository;
  readonly #members: InterviewMemberRepository;
  readonly #logger: Logger;

  constructor(deps: { qa: QaRepository; members: InterviewMemberRepository; logger: Logger }) {
    this.#qa = deps.qa;
    this.#members = deps.members;
    this.#logger = deps.logger;
  }

  /** The user as an actor of the interview: an admin holds every role; others what their membership says. */
  async actorFor(user: User, interviewId: string): Promise<Actor> {
    if (!(await this.#qa.interviewExists(interviewId))) throw new QaNotFoundError('The interview');
    const member = await this.#members.find(interviewId, user.id);
    return { userId: user.id, admin: user.role === 'admin', roles: member?.roles ?? [], guestIndex: member?.guestIndex ?? null };
  }

  async list(interviewId: string, user: User): Promise<MemberJson[]> {
    requireAdmin(user);
    if (!(await this.#qa.interviewExists(interviewId))) throw new QaNotFoundError('The interview');
    return (await this.#members.list(interviewId)).map(toJson);
  }

  /** Sets the user's roles in the interview (adding them as a member if needed); answers the member list. */
  async put(interviewId: string, userId: string, input: MemberInput, user: User): Promise<MemberJson[]> {
    requireAdmin(user);
    const roles = [...new Set(input.roles)];
    const isGuest = roles.includes('guest');
    const guestIndex = isGuest ? (input.guestIndex ?? null) : null;
    if (isGuest && guestIndex === null) {
      throw new QaInvalidInputError('guestIndex', 'Say which announced guest (guestIndex, from 0) this guest member writes as.');
    }
    const now = new Date();
    await this.#qa.change(async (tx) => {
      const interview = await tx.lockInterview(interviewId);
      if (!interview) throw new QaNotFoundError('The interview');
      if (!(await tx.userExists(userId))) throw new QaNotFoundError('The user');
      if (guestIndex !== null && guestIndex >= interview.guests.length) {
        throw new QaInvalidInputError('guestIndex', `The interview announces ${interview.guests.length} guest(s); guestIndex counts from 0.`);
      }
      const before = await tx.member(interviewId, userId);
      await tx.putMember({ interviewId, userId, roles, guestIndex, updatedAt: now });
      await tx.audit(
        interviewId,
        {
          actorUserId: user.id,
          actorDeviceHash: null,
          action: 'member.put',
          targetType: 'member',
          targetId: userId,
          before: before && { roles: before.roles, guestIndex: before.guestIndex },
          after: { roles, guestIndex },
        },
        now,
      );
    });
    this.#logger.info({ interviewId, memberUserId: userId, roles, guestIndex, userId: user.id }, 'interview member set');
    return (await this.#members.list(interviewId)).map(toJson);
  }

  /** Removes the user from the interview (nothing to do when they are not a member); answers the member list. */
  async remove(interviewId: string, userId: string, user: User): Promise<MemberJson[]> {
    requireAdmin(user);
    const now = new Date();
    const removed = await this.#qa.change(async (tx) => {
      if (!(await tx.lockInterview(interviewId))) throw new QaNotFoundError('The interview');
      const before = await tx.member(interviewId, userId);
      if (!before) return false;
      await tx.deleteMember(interviewId, userId);
      await tx.audit(
        interviewId,
        {
          actorUserId: user.id,
          actorDeviceHash: null,
          action: 'member.delete',
          targetType: 'member',
          targetId: userId,
          before: { roles: before.roles, guestIndex: before.guestIndex },
          after: null,
        },
        now,
      );
      return true;
    });
    if (removed) this.#logger.info({ interviewId, memberUserId: userId, userId: user.id }, 'interview member removed');
    return (await this.#members.list(interviewId)).map(toJson);
  }
}

function requireAdmin(user: User): void {
  if (user.role !== 'admin') throw new QaForbiddenError('Only an admin assigns interview roles.');
}

function toJson(member: { userId: string; username: string; roles: InterviewRole[]; guestIndex: number | null }): MemberJson {
  return { userId: member.userId, username: member.username, roles: member.roles, guestIndex: member.guestIndex };
}
