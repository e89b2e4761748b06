import type { Post, PostImage, PostRole, Question, QuestionStatus } from './types.js';

/**
 * The JSON each audience gets. Public shapes carry nothing beyond what viewers are shown: never the asker's
 * contact, the text before a moderator's correction, the sensitive-word flag, reject reasons or which staff account
 * wrote a post.
 */

/** An approved or answered question, as every viewer sees it. */
export interface PublicQuestion {
  id: string;
  nickname: string;
  body: string;
  status: 'approved' | 'answered';
  answering: boolean;
  createdAt: string;
  answeredAt: string | null;
}

/** A question as its asker's device sees it, whatever its status, with the reason when it was not accepted. */
export interface MyQuestion {
  id: string;
  nickname: string;
  body: string;
  status: QuestionStatus;
  rejectReason: string | null;
  createdAt: string;
}

/** Dates as they travel in JSON: ISO 8601 strings. */
type WithIsoDates<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** Everything about a question but its interview (the staff already know it), dates as ISO strings. */
export type StaffQuestion = Omit<WithIsoDates<Question>, 'interviewId'>;

export interface PublicPostImage {
  id: string;
  url: string;
  /** So the page reserves the space before the image loads. */
  width: number;
  height: number;
}

/** A published post of the 图文直播. */
export interface PublicPost {
  id: string;
  role: PostRole;
  authorName: string;
  authorPosition: string | null;
  body: string;
  images: PublicPostImage[];
  questionId: string | null;
  publishedAt: string;
}

export interface StaffPostImage extends PostImage {
  url: string;
}

/** Everything about a post, dates as ISO strings, images with their URLs. */
export type StaffPost = Omit<WithIsoDates<Post>, 'images'> & { images: StaffPostImage[] };

/** Null unless the question is public (approved or answered). */
export function publicQuestionView(question: Question): PublicQuestion | null {
  if (question.status !== 'approved' && question.status !== 'answered') return null;
  return {
    id: question.id,
    nickname: question.nickname,
    body: question.body,
    status: question.status,
    answering: question.answering,
    createdAt: question.createdAt.toISOString(),
    answeredAt: iso(question.answeredAt),
  };
}

export function deviceQuestionView(question: Question): MyQuestion {
  return {
    id: question.id,
    nickname: question.nickname,
    body: question.body,
    status: question.status,
    rejectReason: question.rejectReason,
    createdAt: question.createdAt.toISOString(),
  };
}

export function staffQuestionView(question: Question): StaffQuestion {
  return {
    id: question.id,
    nickname: question.nickname,
    contact: question.contact,
    body: question.body,
    originalBody: question.originalBody,
    status: question.status,
    selected: question.selected,
    answering: question.answering,
    rejectReason: question.rejectReason,
    mergedInto: question.mergedInto,
    flagged: question.flagged,
    advance: question.advance,
    createdAt: question.createdAt.toISOString(),
    updatedAt: question.updatedAt.toISOString(),
    answeredAt: iso(question.answeredAt),
    programTimeMs: question.programTimeMs,
  };
}

/** Null unless the post is published (approved). `imageUrl` turns an image's stored path into its public URL. */
export function publicPostView(post: Post, imageUrl: (path: string) => string): PublicPost | null {
  if (post.status !== 'approved' || post.publishedAt === null) return null;
  return {
    id: post.id,
    role: post.role,
    authorName: post.authorName,
    authorPosition: post.authorPosition,
    body: post.body,
    images: post.images.map((image) => ({
      id: image.id,
      url: imageUrl(image.path),
      width: image.width,
      height: image.height,
    })),
    questionId: post.questionId,
    publishedAt: post.publishedAt.toISOString(),
  };
}

export function staffPostView(post: Post, imageUrl: (path: string) => string): StaffPost {
  return {
    id: post.id,
    interviewId: post.interviewId,
    role: post.role,
    authorName: post.authorName,
    authorPosition: post.authorPosition,
    authorUserId: post.authorUserId,
    body: post.body,
    images: post.images.map((image) => ({ ...image, url: imageUrl(image.path) })),
    questionId: post.questionId,
    status: post.status,
    rejectReason: post.rejectReason,
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
    publishedAt: iso(post.publishedAt),
    programTimeMs: post.programTimeMs,
  };
}

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
