/**
 * The live Q&A and 图文直播 of an interview, as plain data: netizens' questions, the host's and guests' posts,
 * the interview's review settings, and who acts. Pure types; the rules that move them live beside this file.
 */

/**
 * A netizen's question. pending → approved | rejected; approved → answered; pending/approved → withdrawn (by its
 * asker) or merged (into a duplicate). Only approved and answered questions are public.
 */
export type QuestionStatus = 'pending' | 'approved' | 'rejected' | 'answered' | 'withdrawn' | 'merged';

export interface Question {
  id: string;
  interviewId: string;
  /** Shown publicly with the question (网名). */
  nickname: string;
  /** Optional phone or e-mail; only staff ever see it. */
  contact: string | null;
  /** The text as shown (after a moderator's correction, if any). */
  body: string;
  /** The text as the netizen wrote it, kept when a moderator corrected it; null when unedited. */
  originalBody: string | null;
  status: QuestionStatus;
  /** Marked by a moderator for the host's list (推荐给主持人). */
  selected: boolean;
  /** The one question the host is answering now (正在回答); at most one per interview. */
  answering: boolean;
  /** Why it was not accepted (未采纳), shown to its asker. */
  rejectReason: string | null;
  /** The question this one duplicated, when merged. */
  mergedInto: string | null;
  /** True when the sensitive-word check held it back for a moderator's eye. */
  flagged: boolean;
  /** Asked before the show went on air (预约提问). */
  advance: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** When it was answered, and where in the show (ms from the program's start), for replay chapters. */
  answeredAt: Date | null;
  programTimeMs: number | null;
}

/** Who writes in the 图文直播: the host (主持人) or one of the guests (嘉宾). */
export type PostRole = 'host' | 'guest';

/** pending → approved | rejected; a post that needs no review starts approved. */
export type PostStatus = 'pending' | 'approved' | 'rejected';

export interface PostImage {
  id: string;
  /** Path below the data directory, e.g. interviews/<id>/images/<imageId>.jpg. */
  path: string;
  mimeType: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
  bytes: number;
}

export interface Post {
  id: string;
  interviewId: string;
  role: PostRole;
  /** Display name: the host's name, or the guest's name. */
  authorName: string;
  /** The guest's position (职务); null for the host. */
  authorPosition: string | null;
  /** The staff user who wrote it (a guest's assistant may write for the guest). */
  authorUserId: string;
  body: string;
  images: PostImage[];
  /** The question this post answers (一问一答), if any. */
  questionId: string | null;
  status: PostStatus;
  rejectReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  programTimeMs: number | null;
}

/** Per-interview review settings (审核把关). The defaults hold everything for review except the host's posts. */
export interface ReviewSettings {
  /** Netizens' questions wait for a moderator before anyone else sees them. */
  reviewQuestions: boolean;
  /** Host posts wait for the department's reviewer. */
  reviewHostPosts: boolean;
  /** Guest posts wait for the department's reviewer. */
  reviewGuestPosts: boolean;
  /** What a sensitive-word match does: hold the question for review (flagged) or reject it outright. */
  sensitiveWordAction: 'hold' | 'reject';
  /** Netizens may ask while this is true (the question window; closing it stops new questions). */
  questionsOpen: boolean;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  reviewQuestions: true,
  reviewHostPosts: false,
  reviewGuestPosts: true,
  sensitiveWordAction: 'hold',
  questionsOpen: true,
};

/**
 * What a staff user is for one interview. An admin holds every role; others are assigned per interview.
 * `guestIndex` says which announced guest a guest (or their assistant) writes as.
 */
export type InterviewRole = 'moderator' | 'host' | 'guest' | 'reviewer';

export interface Actor {
  userId: string;
  admin: boolean;
  roles: InterviewRole[];
  /** For the guest role: the index of the guest in the interview's guest list. */
  guestIndex: number | null;
}

/** Everything a staff member or a netizen can do in the Q&A; authorisation maps each to the roles allowed. */
export type QaAction =
  | 'question.ask'
  | 'question.moderate'
  | 'question.select'
  | 'question.answering'
  | 'question.answered'
  | 'post.host'
  | 'post.guest'
  | 'post.review'
  | 'settings.edit'
  | 'ban.manage'
  | 'audit.read';

/**
 * Who sees a realtime event: everyone watching, staff of the interview, or only the device that asked
 * (a netizen's own pending question).
 */
export type Audience = 'public' | 'staff' | 'device';

/** One entry of an interview's event log: numbered per interview, so a client resumes from the last it saw. */
export interface QaEvent {
  interviewId: string;
  /** 1, 2, 3… per interview, without gaps among committed events. */
  seq: number;
  audience: Audience;
  /** For audience 'device': the hash of the asker's device token. */
  deviceHash: string | null;
  /** 'ban': a ban made or lifted (staff only), so every open moderation desk shows the list as it is. */
  type: 'question' | 'post' | 'answering' | 'settings' | 'ban';
  /** The item's whole state as that audience may see it (upsert by id on the client). */
  payload: unknown;
  createdAt: Date;
}
