import express from 'express';
import { z } from 'zod';
import { MAX_BAN_DAYS } from '../domain/qa/bans.js';
import type { BanService } from '../qa/BanService.js';
import type { MemberService } from '../qa/MemberService.js';
import type { PostService } from '../qa/PostService.js';
import type { QaReadService } from '../qa/QaReadService.js';
import type { QuestionService } from '../qa/QuestionService.js';
import { IMAGE_LIMITS } from '../qa/imageLimits.js';
import type { ReviewSettingsService } from '../qa/ReviewSettingsService.js';
import { currentUser } from './sessionMiddleware.js';
import { parseId, parseRequest } from './validate.js';

const text = (max: number) => z.string({ error: 'is required (text)' }).max(max, { error: 'is too long' });
const id = z.uuid({ error: 'must be a question id' });
const guestIndex = z.int({ error: 'must be a whole number from 0' }).min(0, { error: 'must be a whole number from 0' });

/** Which action: the error names the choices when `action` is missing or unknown. */
const unionError = (choices: string) => (issue: { code: string; path?: PropertyKey[] }) =>
  issue.code === 'invalid_union' ? `must be one of ${choices}` : issue.code === 'invalid_type' && issue.path?.length === 0 ? 'must be a JSON object' : undefined;

export const questionActionBody = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('approve') }),
    z.object({ action: z.literal('reject'), reason: text(1000) }),
    z.object({ action: z.literal('edit'), body: text(5000) }),
    z.object({ action: z.literal('select') }),
    z.object({ action: z.literal('unselect') }),
    z.object({ action: z.literal('merge'), into: id }),
    z.object({ action: z.literal('answering') }),
    z.object({ action: z.literal('answered') }),
  ],
  { error: unionError('approve, reject, edit, select, unselect, merge, answering, answered') },
);

export const newPostBody = z.object(
  {
    role: z.enum(['host', 'guest'], { error: 'must be host or guest' }),
    guestIndex: guestIndex.nullish(),
    body: text(20_000),
    questionId: id.nullish(),
    imageIds: z
      .array(z.uuid({ error: 'must be a picture id' }), { error: 'must be a list of picture ids' })
      .max(IMAGE_LIMITS.maxPerPost, { error: `may list at most ${IMAGE_LIMITS.maxPerPost} pictures` })
      .optional(),
  },
  { error: 'must be a JSON object {role, guestIndex?, body, questionId?, imageIds?}' },
);

export const postActionBody = z.discriminatedUnion(
  'action',
  [z.object({ action: z.literal('approve') }), z.object({ action: z.literal('reject'), reason: text(1000) })],
  { error: unionError('approve, reject') },
);

export const banBody = z.object(
  {
    questionId: id,
    scope: z.enum(['interview', 'all'], { error: 'must be interview or all' }),
    reason: text(1000),
    days: z
      .int({ error: `must be a whole number of days from 1 to ${MAX_BAN_DAYS}` })
      .min(1, { error: `must be a whole number of days from 1 to ${MAX_BAN_DAYS}` })
      .max(MAX_BAN_DAYS, { error: `must be a whole number of days from 1 to ${MAX_BAN_DAYS}` })
      .nullish(),
  },
  { error: 'must be a JSON object {questionId, scope, reason, days?}' },
);

const flag = z.boolean({ error: 'must be true or false' });
export const reviewSettingsBody = z.strictObject(
  {
    reviewQuestions: flag.optional(),
    reviewHostPosts: flag.optional(),
    reviewGuestPosts: flag.optional(),
    sensitiveWordAction: z.enum(['hold', 'reject'], { error: 'must be hold or reject' }).optional(),
    questionsOpen: flag.optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `has unknown settings: ${issue.keys.join(', ')}` : 'must be a JSON object of settings') },
);

/** The staff side of an interview's Q&A (mounted at /api/interviews behind requireUser); each action is authorised by role. */
export function qaStaffRouter(deps: {
  members: MemberService;
  questions: QuestionService;
  posts: PostService;
  settings: ReviewSettingsService;
  reads: QaReadService;
  bans: BanService;
}): express.Router {
  const router = express.Router();

  /** The interview of the path and the logged-in user as an actor in it. */
  const actorOf = async (req: express.Request<{ id: string }>, res: express.Response) => {
    const interviewId = parseId(req.params.id, 'The interview');
    return { interviewId, actor: await deps.members.actorFor(currentUser(res.locals), interviewId) };
  };

  router.get('/:id/qa', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    res.json(await deps.reads.staffQa(interviewId, actor));
  });

  router.post('/:id/questions/:questionId/actions', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    const questionId = parseId(req.params.questionId, 'The question');
    const action = parseRequest(questionActionBody, req.body);
    res.json(await deps.questions.act(interviewId, questionId, actor, action));
  });

  router.delete('/:id/answering', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    res.json(await deps.questions.clearAnswering(interviewId, actor));
  });

  router.post('/:id/posts', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    const request = parseRequest(newPostBody, req.body);
    res.status(201).json(await deps.posts.create(interviewId, actor, request));
  });

  router.post('/:id/posts/:postId/actions', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    const postId = parseId(req.params.postId, 'The post');
    const body = parseRequest(postActionBody, req.body);
    const command = body.action === 'approve' ? { type: 'approve' as const } : { type: 'reject' as const, reason: body.reason };
    res.json(await deps.posts.review(interviewId, postId, actor, command));
  });

  router.get('/:id/review-settings', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    res.json(await deps.settings.get(interviewId, actor));
  });

  router.put('/:id/review-settings', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    const changes = parseRequest(reviewSettingsBody, req.body);
    res.json(await deps.settings.put(interviewId, actor, withoutUndefined(changes)));
  });

  router.get('/:id/audit', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    res.json(await deps.reads.auditLog(interviewId, actor));
  });

  router.get('/:id/bans', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    res.json(await deps.bans.list(interviewId, actor));
  });

  router.post('/:id/bans', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    const request = parseRequest(banBody, req.body);
    res.status(201).json(await deps.bans.ban(interviewId, actor, request));
  });

  router.delete('/:id/bans/:banId', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    await deps.bans.lift(interviewId, parseId(req.params.banId, 'The ban'), actor);
    res.status(204).end();
  });

  return router;
}

/** Optional fields the client left out, dropped so they do not overwrite the stored values with undefined. */
function withoutUndefined<T extends object>(value: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<{ [K in keyof T]: Exclude<T[K], undefined> }>;
}
