import { EntitySchema } from 'typeorm';
import type { InterviewStatus } from '../../domain/Interview.js';

export interface InterviewRow {
  id: string;
  title: string;
  topic: string | null;
  department: string | null;
  startsAt: Date | null;
  status: InterviewStatus;
  createdAt: Date;
  updatedAt: Date;
  liveAt: Date | null;
  endedAt: Date | null;
}

export const InterviewEntity = new EntitySchema<InterviewRow>({
  name: 'Interview',
  tableName: 'interviews',
  columns: {
    id: { type: 'uuid', primary: true },
    title: { type: 'text' },
    topic: { type: 'text', nullable: true },
    department: { type: 'text', nullable: true },
    startsAt: { type: 'timestamptz', name: 'starts_at', nullable: true },
    status: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
    liveAt: { type: 'timestamptz', name: 'live_at', nullable: true },
    endedAt: { type: 'timestamptz', name: 'ended_at', nullable: true },
  },
});
