/**
 * The 文字实录 of a show as plain data: who said what, in program order. Pure types; the rules are in
 * buildTranscript.ts and transcriptLifecycle.ts.
 */

/** Who speaks in an entry: the host (主持人), a guest (嘉宾), a netizen (网友), the department, or other staff. */
export type TranscriptRole = 'host' | 'guest' | 'netizen' | 'department' | 'staff';

export const TRANSCRIPT_ROLES: readonly TranscriptRole[] = ['host', 'guest', 'netizen', 'department', 'staff'];

export interface TranscriptEntry {
  role: TranscriptRole;
  /** The name shown before the text: 主持人 (or the host's name), a guest's name, a netizen's nickname. */
  speaker: string;
  text: string;
  /** Pictures of the post the entry came from (post_images ids), in the order shown. */
  imageIds: string[];
}

/**
 * draft: built or edited, waiting for the department's reviewer; approved: ready to publish; published: the working
 * copy is what the public sees. Editing a published transcript makes a new draft while the published copy stays up.
 */
export type TranscriptStatus = 'draft' | 'approved' | 'published';

export interface Transcript {
  interviewId: string;
  status: TranscriptStatus;
  /** The working copy, edited by the reviewer. */
  entries: TranscriptEntry[];
  /** What the public sees; null until first published (and after unpublishing). */
  publishedEntries: TranscriptEntry[] | null;
  builtAt: Date;
  /** The last change of the working copy (build or edit), and who made it (null: built by a user since deleted). */
  updatedAt: Date;
  updatedBy: string | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  publishedAt: Date | null;
  publishedBy: string | null;
}

/** What a change to a transcript is called in its history. */
export type TranscriptAction = 'build' | 'edit' | 'approve' | 'publish' | 'unpublish';
