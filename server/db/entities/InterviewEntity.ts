import { EntitySchema } from 'typeorm';
import type { InterviewStatus } from '../../domain/Interview.js';

export interface InterviewRow {
  id: string;
  title: string;
  topic: string | null;
  department: string | null;
  background: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  status: InterviewStatus;
  createdAt: Date;
  updatedAt: Date;
  liveAt: Date | null;
  endedAt: Date | null;
  /** No host when null; the other host columns are then ignored. */
  hostName: string | null;
  hostPosition: string;
  hostBio: string | null;
  hostPhoto: string | null;
}

export const InterviewEntity = new EntitySchema<InterviewRow>({
  name: 'Interview',
  tableName: 'interviews',
  columns: {
    id: { type: 'uuid', primary: true },
    title: { type: 'text' },
    topic: { type: 'text', nullable: true },
    department: { type: 'text', nullable: true },
    background: { type: 'text', nullable: true },
    startsAt: { type: 'timestamptz', name: 'starts_at', nullable: true },
    endsAt: { type: 'timestamptz', name: 'ends_at', nullable: true },
    status: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
    liveAt: { type: 'timestamptz', name: 'live_at', nullable: true },
    endedAt: { type: 'timestamptz', name: 'ended_at', nullable: true },
    hostName: { type: 'text', name: 'host_name', nullable: true },
    hostPosition: { type: 'text', name: 'host_position' },
    hostBio: { type: 'text', name: 'host_bio', nullable: true },
    hostPhoto: { type: 'text', name: 'host_photo', nullable: true },
  },
});
