import { EntitySchema } from 'typeorm';
import type { QaEvent } from '../../domain/qa/types.js';

/** A row of an interview's Q&A event log; `seq` is a bigint, which pg returns as text. */
export interface QaEventRow extends Omit<QaEvent, 'seq'> {
  seq: string;
}

export const QaEventEntity = new EntitySchema<QaEventRow>({
  name: 'QaEvent',
  tableName: 'qa_events',
  columns: {
    interviewId: { type: 'uuid', name: 'interview_id', primary: true },
    seq: { type: 'bigint', primary: true },
    audience: { type: 'text' },
    deviceHash: { type: 'text', name: 'device_hash', nullable: true },
    type: { type: 'text' },
    payload: { type: 'jsonb' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});
