import { EntitySchema } from 'typeorm';
import type { PostImage } from '../../domain/qa/types.js';

/** An uploaded post picture: its file below the data directory, and the post it belongs to once attached. */
export interface PostImageRow extends PostImage {
  interviewId: string;
  uploadedBy: string;
  /** Null until a post carries it; only pictures of approved posts are served to everyone. */
  postId: string | null;
  createdAt: Date;
}

export const PostImageEntity = new EntitySchema<PostImageRow>({
  name: 'PostImage',
  tableName: 'post_images',
  columns: {
    id: { type: 'uuid', primary: true },
    interviewId: { type: 'uuid', name: 'interview_id' },
    path: { type: 'text' },
    mimeType: { type: 'text', name: 'mime' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    bytes: { type: 'integer' },
    uploadedBy: { type: 'uuid', name: 'uploaded_by' },
    postId: { type: 'uuid', name: 'post_id', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});
