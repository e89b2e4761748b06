import crypto from 'node:crypto';
import type { Logger } from 'pino';
import type { QaRepository } from '../db/QaRepository.js';
import type { LockedInterview, QaTransaction } from '../db/QaTransaction.js';
import { authorize } from '../domain/qa/permissions.js';
import { applyPostCommand, newPost, type PostCommand } from '../domain/qa/postLifecycle.js';
import { QaInvalidInputError, QaRuleError } from '../domain/qa/QaRuleError.js';
import type { Actor, Post, PostImage, PostRole } from '../domain/qa/types.js';
import { IMAGE_LIMITS } from './imageLimits.js';
import { staffPostView, type StaffPost } from '../domain/qa/views.js';
import { programTimeMs } from './programTime.js';
import { postEvents, type ImageUrl } from './qaEvents.js';
import { lockInterview } from './lockInterview.js';
import { QaNotFoundError } from './QaNotFoundError.js';

/**
 * The name host posts are shown with. Interviews do not record who hosts them, and the 文字直播 convention is
 * `主持人：…` anyway.
 */
export const HOST_AUTHOR_NAME = '主持人';

export interface NewPostRequest {
  role: PostRole;
  /** For a guest post: which announced guest it is written as; a guest member's own by default. */
  guestIndex?: number | null | undefined;
  body: unknown;
  /** The question the post answers (一问一答). */
  questionId?: string | null | undefined;
  /** Pictures uploaded beforehand (POST …/images) by the same user, in the order shown. */
  imageIds?: readonly string[] | undefined;
}

/** The 图文直播: host and guest posts, and the reviewer's approval of those that need it (审核把关). */
export class PostService {
  readonly #qa: QaRepository;
  readonly #imageUrl: ImageUrl;
  readonly #logger: Logger;

  constructor(deps: { qa: QaRepository; imageUrl: ImageUrl; logger: Logger }) {
    this.#qa = deps.qa;
    this.#imageUrl = deps.imageUrl;
    this.#logger = deps.logger;
  }

  async create(interviewId: string, actor: Actor, request: NewPostRequest): Promise<StaffPost> {
    if (request.role === 'host') authorize(actor, 'post.host');
    else authorize(actor, 'post.guest', { guestIndex: request.guestIndex ?? null });
    const now = new Date();
    const { post, seq } = await this.#qa.change(async (tx) => {
      const interview = await lockInterview(tx, interviewId);
      const author = this.#author(interview, actor, request);
      const questionId = request.questionId ?? null;
      if (questionId !== null) await requireAnswerableQuestion(tx, interviewId, questionId);
      const images = await claimImages(tx, interviewId, actor.userId, request.imageIds ?? []);
      const written = newPost(
        {
          id: crypto.randomUUID(),
          interviewId,
          role: request.role,
          ...author,
          authorUserId: actor.userId,
          body: request.body,
          images,
          questionId,
          programTimeMs: programTimeMs(interview, now),
        },
        await tx.settings(interviewId),
        now,
      );
      await tx.insertPost(written);
      await tx.attachImages(written.id, images.map((image) => image.id));
      await tx.audit(interviewId, audit('post.create', actor, null, written, this.#imageUrl), now);
      return { post: written, seq: await tx.appendEvents(interviewId, postEvents(null, written, this.#imageUrl), now) };
    });
    this.#logger.info(
      { interviewId, postId: post.id, role: post.role, status: post.status, userId: actor.userId, seq },
      'post written',
    );
    return staffPostView(post, this.#imageUrl);
  }

  /** The reviewer approves (publishes) or rejects a pending post. */
  async review(interviewId: string, postId: string, actor: Actor, command: PostCommand): Promise<StaffPost> {
    authorize(actor, 'post.review');
    const now = new Date();
    const { post, seq } = await this.#qa.change(async (tx) => {
      const interview = await lockInterview(tx, interviewId);
      const before = await tx.post(interviewId, postId);
      if (!before) throw new QaNotFoundError('The post');
      const reviewed = applyPostCommand(before, command, now);
      // Its place in the show is when viewers first saw it, so replay chapters line up with the video.
      const published = reviewed.publishedAt !== null ? programTimeMs(interview, now) : null;
      const after = published === null ? reviewed : { ...reviewed, programTimeMs: published };
      await tx.updatePost(after);
      await tx.audit(interviewId, audit(`post.${command.type}`, actor, before, after, this.#imageUrl), now);
      return { post: after, seq: await tx.appendEvents(interviewId, postEvents(before, after, this.#imageUrl), now) };
    });
    this.#logger.info({ interviewId, postId, action: command.type, userId: actor.userId, seq }, 'post reviewed');
    return staffPostView(post, this.#imageUrl);
  }

  /** Who the post is shown as: the host, or the announced guest it is written as. */
  #author(interview: LockedInterview, actor: Actor, request: NewPostRequest): { authorName: string; authorPosition: string | null } {
    if (request.role === 'host') return { authorName: HOST_AUTHOR_NAME, authorPosition: null };
    const guestIndex = request.guestIndex ?? actor.guestIndex;
    if (guestIndex === null) {
      throw new QaInvalidInputError('guestIndex', 'Say which announced guest (guestIndex, from 0) the post is written as.');
    }
    const guest = interview.guests[guestIndex];
    if (!guest) {
      throw new QaInvalidInputError('guestIndex', `The interview announces ${interview.guests.length} guest(s); guestIndex counts from 0.`);
    }
    return { authorName: guest.name, authorPosition: guest.position === '' ? null : guest.position };
  }
}

/** A post may answer only a question viewers can see, or the 一问一答 would point at nothing. */
async function requireAnswerableQuestion(tx: QaTransaction, interviewId: string, questionId: string): Promise<void> {
  const question = await tx.question(interviewId, questionId);
  if (!question) throw new QaInvalidInputError('questionId', 'The question answered is not one of this interview\'s.');
  if (question.status !== 'approved' && question.status !== 'answered') {
    throw new QaRuleError('question_not_approved', 'A post can answer only an approved question; approve it first.');
  }
}

/** The pictures a post will carry, in the order asked; each must be the actor's own unattached upload here. */
async function claimImages(tx: QaTransaction, interviewId: string, userId: string, ids: readonly string[]): Promise<PostImage[]> {
  if (ids.length === 0) return [];
  if (ids.length > IMAGE_LIMITS.maxPerPost) {
    throw new QaInvalidInputError('imageIds', `A post carries at most ${IMAGE_LIMITS.maxPerPost} pictures.`);
  }
  if (new Set(ids).size !== ids.length) throw new QaInvalidInputError('imageIds', 'A picture is listed twice.');
  const found = new Map((await tx.unattachedImages(interviewId, userId, ids)).map((image) => [image.id, image]));
  return ids.map((id) => {
    const image = found.get(id);
    if (!image) {
      throw new QaInvalidInputError('imageIds', `Picture ${id} is not one you uploaded to this interview, or another post already carries it.`);
    }
    return image;
  });
}

function audit(action: string, actor: Actor, before: Post | null, after: Post, imageUrl: ImageUrl) {
  return {
    actorUserId: actor.userId,
    actorDeviceHash: null,
    action,
    targetType: 'post' as const,
    targetId: after.id,
    before: before && staffPostView(before, imageUrl),
    after: staffPostView(after, imageUrl),
  };
}
