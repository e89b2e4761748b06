import { EntitySchema } from 'typeorm';
import type { TranscriptAction, TranscriptEntry, TranscriptStatus } from '../../domain/records/Transcript.js';

/** One change of a transcript: the copy it left, who made it and when. */
export interface TranscriptRevisionRow {
  /** bigserial: read as a string, like every bigint. */
  id?: string;
  interviewId: string;
  action: TranscriptAction;
  status: TranscriptStatus;
  entries: TranscriptEntry[];
  actorUserId: string | null;
  createdAt: Date;
}

export const TranscriptRevisionEntity = new EntitySchema<TranscriptRevisionRow>({
  name: 'TranscriptRevision',
  tableName: 'transcript_revisions',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    interviewId: { type: 'uuid', name: 'interview_id' },
    action: { type: 'text' },
    status: { type: 'text' },
    entries: { type: 'jsonb' },
    actorUserId: { type: 'uuid', name: 'actor_user_id', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});
