import { EntitySchema } from 'typeorm';
import type { Post } from '../../domain/qa/types.js';

export type PostRow = Post;

export const PostEntity = new EntitySchema<PostRow>({
  name: 'Post',
  tableName: 'posts',
  columns: {
    id: { type: 'uuid', primary: true },
    interviewId: { type: 'uuid', name: 'interview_id' },
    role: { type: 'text' },
    authorName: { type: 'text', name: 'author_name' },
    authorPosition: { type: 'text', name: 'author_position', nullable: true },
    authorUserId: { type: 'uuid', name: 'author_user_id' },
    body: { type: 'text' },
    images: { type: 'jsonb' },
    questionId: { type: 'uuid', name: 'question_id', nullable: true },
    status: { type: 'text' },
    rejectReason: { type: 'text', name: 'reject_reason', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
    publishedAt: { type: 'timestamptz', name: 'published_at', nullable: true },
    programTimeMs: { type: 'integer', name: 'program_time_ms', nullable: true },
  },
});
