/**
 * A question the show approved but did not answer live, answered afterwards by the department (会后答复).
 * open → answered (waiting for review) → published; a reviewer's rejection sends it back to open with a note.
 */
export type FollowUpStatus = 'open' | 'answered' | 'published';

export interface FollowUp {
  questionId: string;
  interviewId: string;
  /** The last day to publish the answer on (China's calendar, YYYY-MM-DD). */
  dueDate: string;
  status: FollowUpStatus;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  /** Why the reviewer sent the answer back; cleared by the next answer. */
  rejectReason: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
}

export const FOLLOW_UP_LIMITS = { answer: { min: 1, max: 10_000 }, rejectReason: { max: 200 } } as const;
