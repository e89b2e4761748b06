import { EntitySchema } from 'typeorm';
import type { Transcript } from '../../domain/records/Transcript.js';

export const TranscriptEntity = new EntitySchema<Transcript>({
  name: 'Transcript',
  tableName: 'transcripts',
  columns: {
    interviewId: { type: 'uuid', name: 'interview_id', primary: true },
    status: { type: 'text' },
    entries: { type: 'jsonb' },
    publishedEntries: { type: 'jsonb', name: 'published_entries', nullable: true },
    builtAt: { type: 'timestamptz', name: 'built_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
    updatedBy: { type: 'uuid', name: 'updated_by', nullable: true },
    approvedAt: { type: 'timestamptz', name: 'approved_at', nullable: true },
    approvedBy: { type: 'uuid', name: 'approved_by', nullable: true },
    publishedAt: { type: 'timestamptz', name: 'published_at', nullable: true },
    publishedBy: { type: 'uuid', name: 'published_by', nullable: true },
  },
});
