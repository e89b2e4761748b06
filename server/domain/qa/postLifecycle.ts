import { validatePostInput, validateRejectReason } from './contentRules.js';
import { QaRuleError } from './QaRuleError.js';
import type { Post, PostImage, PostRole, ReviewSettings } from './types.js';

export interface NewPostInput {
  /** Chosen by the caller (a UUID), so the rules stay free of randomness. */
  id: string;
  interviewId: string;
  role: PostRole;
  /** The host's name, or the name of the guest written as (from the interview's guest list). */
  authorName: string;
  /** The guest's position; ignored for the host. */
  authorPosition: string | null;
  authorUserId: string;
  /** As sent; validated and normalised here (paragraphs kept). */
  body: unknown;
  images: PostImage[];
  questionId: string | null;
  /** Where in the show it was written (ms from the program's start); null before the show is on air. */
  programTimeMs: number | null;
}

export type PostCommand = { type: 'approve' } | { type: 'reject'; reason: string };

/** A host's or guest's post: approved and published at once unless the interview reviews that role's posts. */
export function newPost(input: NewPostInput, settings: ReviewSettings, now: Date): Post {
  const { body } = validatePostInput(input);
  const reviewed = input.role === 'host' ? settings.reviewHostPosts : settings.reviewGuestPosts;
  return {
    id: input.id,
    interviewId: input.interviewId,
    role: input.role,
    authorName: input.authorName,
    authorPosition: input.role === 'host' ? null : input.authorPosition,
    authorUserId: input.authorUserId,
    body,
    images: input.images,
    questionId: input.questionId,
    status: reviewed ? 'pending' : 'approved',
    rejectReason: null,
    createdAt: now,
    updatedAt: now,
    publishedAt: reviewed ? null : now,
    programTimeMs: input.programTimeMs,
  };
}

/** The reviewer's decision (审核) on a pending post; an approved post is published at that moment. */
export function applyPostCommand(post: Post, command: PostCommand, now: Date): Post {
  if (post.status !== 'pending') {
    throw new QaRuleError('post_not_pending', `The post was already ${post.status}; only pending posts are reviewed.`);
  }
  switch (command.type) {
    case 'approve':
      return { ...post, status: 'approved', publishedAt: now, updatedAt: now };
    case 'reject':
      return { ...post, status: 'rejected', rejectReason: validateRejectReason(command.reason), updatedAt: now };
  }
}
