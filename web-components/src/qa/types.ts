// The Q&A shapes of docs/qa.md as they travel over HTTP and the sockets (dates as ISO strings).

export type QuestionStatus = 'pending' | 'approved' | 'rejected' | 'answered' | 'withdrawn' | 'merged';
export type PostRole = 'host' | 'guest';
export type PostStatus = 'pending' | 'approved' | 'rejected';
export type InterviewRole = 'moderator' | 'host' | 'guest' | 'reviewer';

/** An approved or answered question, as everyone sees it. */
export interface PublicQuestion {
  id: string;
  nickname: string;
  body: string;
  status: 'approved' | 'answered';
  answering: boolean;
  createdAt: string;
  answeredAt: string | null;
}

/** A question as the device that asked it sees it, in any status. */
export interface MyQuestion {
  id: string;
  nickname: string;
  body: string;
  status: QuestionStatus;
  rejectReason: string | null;
  createdAt: string;
}

/** A picture of a post; its URL may be relative to the server. */
export interface PostImage {
  id: string;
  url: string;
  width: number;
  height: number;
}

/** An approved host or guest post of the 图文直播. */
export interface PublicPost {
  id: string;
  role: PostRole;
  authorName: string;
  authorPosition: string | null;
  body: string;
  images?: PostImage[];
  questionId: string | null;
  publishedAt: string;
}

export interface StaffQuestion {
  id: string;
  nickname: string;
  contact: string | null;
  body: string;
  originalBody: string | null;
  status: QuestionStatus;
  selected: boolean;
  answering: boolean;
  rejectReason: string | null;
  mergedInto: string | null;
  flagged: boolean;
  advance: boolean;
  createdAt: string;
  updatedAt: string;
  answeredAt: string | null;
  programTimeMs: number | null;
}

export interface StaffPost {
  id: string;
  role: PostRole;
  authorName: string;
  authorPosition: string | null;
  authorUserId: string;
  body: string;
  images?: PostImage[];
  questionId: string | null;
  status: PostStatus;
  rejectReason: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  programTimeMs: number | null;
}

export interface ReviewSettings {
  reviewQuestions: boolean;
  reviewHostPosts: boolean;
  reviewGuestPosts: boolean;
  sensitiveWordAction: 'hold' | 'reject';
  questionsOpen: boolean;
}

/** GET /api/public/interviews/:id/qa */
export interface PublicQaSnapshot {
  seq: number;
  questions: PublicQuestion[];
  posts: PublicPost[];
  answeringQuestionId: string | null;
  questionsOpen: boolean;
}

export interface StaffMe {
  roles: InterviewRole[];
  guestIndex: number | null;
  admin: boolean;
}

/** GET /api/interviews/:id/qa */
export interface StaffQaSnapshot {
  seq: number;
  questions: StaffQuestion[];
  posts: StaffPost[];
  settings: ReviewSettings;
  me: StaffMe;
}

/** 'ban' reaches staff only: a ban made or lifted (its item is the `StaffBan`, or `{ id, removed: true }`). */
export type QaEventKind = 'question' | 'post' | 'answering' | 'settings' | 'ban';

/** Who an event is for. The staff socket carries all three; a viewer's, public and its own device's. */
export type QaAudience = 'public' | 'staff' | 'device';

/** `{ type: 'qa', … }` on the viewer and staff sockets: the item's whole state after change `seq`. */
export interface QaEventMessage {
  type: 'qa';
  seq: number;
  event: QaEventKind;
  audience?: QaAudience;
  item: Record<string, unknown>;
}

/** The preset reasons a moderator picks from (REJECT_REASONS of docs/qa.md); shown to the asker as written. */
export const REJECT_REASONS = ['与主题无关', '重复提问', '含不文明用语', '涉及个人隐私', '信息不完整'] as const;

/** QA_LIMITS of docs/qa.md, checked in the form before the server checks them again. */
export const QA_LIMITS = {
  nickname: { min: 1, max: 20 },
  body: { min: 5, max: 500 },
  contact: { max: 100 },
  postBody: { min: 1, max: 5000 },
  rejectReason: { max: 200 },
} as const;

/** A ban (禁止提问) as staff see it (GET /api/interviews/:id/bans): never the asker's identity. */
export interface StaffBan {
  id: string;
  questionId: string | null;
  nickname: string | null;
  reason: string;
  scope: 'interview' | 'all';
  createdAt: string;
  expiresAt: string | null;
  createdBy: string | null;
}

/** The ban durations a moderator picks from, in days; null: until lifted. */
export const BAN_DAYS = [1, 7, 30, null] as const;
