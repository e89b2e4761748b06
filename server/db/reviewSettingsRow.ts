import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from '../domain/qa/types.js';
import type { ReviewSettingsRow } from './entities/ReviewSettingsEntity.js';

/** An interview's settings from its row; an interview nobody configured has the defaults. */
export function toReviewSettings(row: ReviewSettingsRow | null): ReviewSettings {
  if (!row) return { ...DEFAULT_REVIEW_SETTINGS };
  return {
    reviewQuestions: row.reviewQuestions,
    reviewHostPosts: row.reviewHostPosts,
    reviewGuestPosts: row.reviewGuestPosts,
    sensitiveWordAction: row.sensitiveWordAction,
    questionsOpen: row.questionsOpen,
  };
}
