import type { DataSource } from 'typeorm';
import type { InterviewRole } from '../domain/qa/types.js';
import { InterviewMemberEntity, type InterviewMemberRow } from './entities/InterviewMemberEntity.js';

/** A member with the user's name, for the console's member list. */
export interface MemberRecord extends InterviewMemberRow {
  username: string;
}

/** Who is what in an interview (written through QaTransaction, so changes are audited). */
export class InterviewMemberRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  find(interviewId: string, userId: string): Promise<InterviewMemberRow | null> {
    return this.#dataSource.manager.findOneBy(InterviewMemberEntity, { interviewId, userId });
  }

  /** The interview's members by username. */
  async list(interviewId: string): Promise<MemberRecord[]> {
    const rows: { user_id: string; username: string; roles: InterviewRole[]; guest_index: number | null; updated_at: Date }[] =
      await this.#dataSource.query(
        `SELECT m.user_id, u.username, m.roles, m.guest_index, m.updated_at
           FROM interview_members m JOIN users u ON u.id = m.user_id
          WHERE m.interview_id = $1
          ORDER BY u.username`,
        [interviewId],
      );
    return rows.map((row) => ({
      interviewId,
      userId: row.user_id,
      username: row.username,
      roles: row.roles,
      guestIndex: row.guest_index,
      updatedAt: row.updated_at,
    }));
  }
}
