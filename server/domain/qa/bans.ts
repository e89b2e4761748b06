/**
 * The ban list (禁止提问): a moderator stops the device and the address a question came from from asking again, in
 * one interview or in all of them, for some days or until lifted. Pure rules; the service stores and enforces them.
 */

/** Where a ban applies: the interview it was made in, or every interview. */
export type BanScope = 'interview' | 'all';

export interface QuestionBan {
  id: string;
  /** Null: every interview. */
  interviewId: string | null;
  /** sha256 of the banned device token / IP address; at least one is set. */
  deviceHash: string | null;
  ipHash: string | null;
  expiresAt: Date | null;
}

/** Who is asking, and where: the hashes the service computes for the question it is about to take. */
export interface Asker {
  interviewId: string;
  deviceHash: string;
  ipHash: string | null;
}

/** The longest ban with an end; longer than this a moderator means "until lifted". */
export const MAX_BAN_DAYS = 365;

/** Whether the ban stops this asker: it names their device or address, covers this interview and has not ended. */
export function banApplies(ban: QuestionBan, asker: Asker, now: Date): boolean {
  if (ban.expiresAt !== null && ban.expiresAt.getTime() <= now.getTime()) return false;
  if (ban.interviewId !== null && ban.interviewId !== asker.interviewId) return false;
  const sameDevice = ban.deviceHash !== null && ban.deviceHash === asker.deviceHash;
  const sameAddress = ban.ipHash !== null && asker.ipHash !== null && ban.ipHash === asker.ipHash;
  return sameDevice || sameAddress;
}

/** When a ban of `days` days made now ends; null (no days) lasts until a moderator lifts it. */
export function banExpiry(now: Date, days: number | null): Date | null {
  return days === null ? null : new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

/** The scope a stored ban has. */
export function banScope(ban: Pick<QuestionBan, 'interviewId'>): BanScope {
  return ban.interviewId === null ? 'all' : 'interview';
}
