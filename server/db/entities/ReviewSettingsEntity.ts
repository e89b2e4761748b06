import { EntitySchema } from 'typeorm';
import type { ReviewSettings } from '../../domain/qa/types.js';

/** An interview's review settings; an interview without a row uses DEFAULT_REVIEW_SETTINGS. */
export interface ReviewSettingsRow extends ReviewSettings {
  interviewId: string;
  updatedAt: Date;
}

export const ReviewSettingsEntity = new EntitySchema<ReviewSettingsRow>({
  name: 'ReviewSettings',
  tableName: 'review_settings',
  columns: {
    interviewId: { type: 'uuid', name: 'interview_id', primary: true },
    reviewQuestions: { type: 'boolean', name: 'review_questions' },
    reviewHostPosts: { type: 'boolean', name: 'review_host_posts' },
    reviewGuestPosts: { type: 'boolean', name: 'review_guest_posts' },
    sensitiveWordAction: { type: 'text', name: 'sensitive_word_action' },
    questionsOpen: { type: 'boolean', name: 'questions_open' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});
