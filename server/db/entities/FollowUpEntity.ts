import { EntitySchema } from 'typeorm';
import type { FollowUp } from '../../domain/records/FollowUp.js';

export const FollowUpEntity = new EntitySchema<FollowUp>({
  name: 'FollowUp',
  tableName: 'follow_ups',
  columns: {
    questionId: { type: 'uuid', name: 'question_id', primary: true },
    interviewId: { type: 'uuid', name: 'interview_id' },
    // TypeORM hands a date column back as 'YYYY-MM-DD' text.
    dueDate: { type: 'date', name: 'due_date' },
    status: { type: 'text' },
    answer: { type: 'text', nullable: true },
    answeredBy: { type: 'uuid', name: 'answered_by', nullable: true },
    answeredAt: { type: 'timestamptz', name: 'answered_at', nullable: true },
    rejectReason: { type: 'text', name: 'reject_reason', nullable: true },
    reviewedBy: { type: 'uuid', name: 'reviewed_by', nullable: true },
    reviewedAt: { type: 'timestamptz', name: 'reviewed_at', nullable: true },
    publishedAt: { type: 'timestamptz', name: 'published_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});

