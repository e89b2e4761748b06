import { EntitySchema } from 'typeorm';
import type { Question } from '../../domain/qa/types.js';

/** A question as stored: the domain's Question plus who asked it, as hashes only. */
export interface QuestionRow extends Question {
  /** sha256 (hex) of the asker's device token: lets that device, and only it, follow its own questions. */
  deviceHash: string;
  /** sha256 (hex) of the asker's IP address, kept for abuse handling; null when the address was unknown. */
  ipHash: string | null;
}

export const QuestionEntity = new EntitySchema<QuestionRow>({
  name: 'Question',
  tableName: 'questions',
  columns: {
    id: { type: 'uuid', primary: true },
    interviewId: { type: 'uuid', name: 'interview_id' },
    deviceHash: { type: 'text', name: 'device_hash' },
    ipHash: { type: 'text', name: 'ip_hash', nullable: true },
    nickname: { type: 'text' },
    contact: { type: 'text', nullable: true },
    body: { type: 'text' },
    originalBody: { type: 'text', name: 'original_body', nullable: true },
    status: { type: 'text' },
    selected: { type: 'boolean' },
    answering: { type: 'boolean' },
    rejectReason: { type: 'text', name: 'reject_reason', nullable: true },
    mergedInto: { type: 'uuid', name: 'merged_into', nullable: true },
    flagged: { type: 'boolean' },
    advance: { type: 'boolean' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
    answeredAt: { type: 'timestamptz', name: 'answered_at', nullable: true },
    programTimeMs: { type: 'integer', name: 'program_time_ms', nullable: true },
  },
});
