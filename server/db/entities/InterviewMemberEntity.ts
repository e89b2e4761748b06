import { EntitySchema } from 'typeorm';
import type { InterviewRole } from '../../domain/qa/types.js';

/** What one staff user is for one interview: their roles, and which announced guest they write as. */
export interface InterviewMemberRow {
  interviewId: string;
  userId: string;
  roles: InterviewRole[];
  guestIndex: number | null;
  updatedAt: Date;
}

export const InterviewMemberEntity = new EntitySchema<InterviewMemberRow>({
  name: 'InterviewMember',
  tableName: 'interview_members',
  columns: {
    interviewId: { type: 'uuid', name: 'interview_id', primary: true },
    userId: { type: 'uuid', name: 'user_id', primary: true },
    roles: { type: 'text', array: true },
    guestIndex: { type: 'integer', name: 'guest_index', nullable: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});
