// Public JSON shapes only the public elements read (contracts C3, C4 and the schedule list), mirrored from the
// server as api/types.ts does for the interview.
import type { Interview } from './types.js';

export type TranscriptRole = 'host' | 'guest' | 'netizen' | 'department' | 'staff';

/** GET /api/public/interviews/:id/transcript (404 transcript_not_published until published). */
export interface Transcript {
  publishedAt: string;
  entries: { role: TranscriptRole; speaker: string; text: string; images?: string[] }[];
}

/** GET /api/public/interviews/:id/chapters: seconds from the start of the replay playlist. */
export interface Chapters {
  /** thumbnailUrl: a still of the chapter's start, once the server made one (an addition to C4). */
  chapters: { questionId: string; title: string; startSeconds: number; thumbnailUrl?: string | null }[];
}

/** GET /api/public/interviews?year=YYYY: one year's public plan, drafts left out, in programme order. */
export interface ScheduleList {
  year: number;
  interviews: Interview[];
}
