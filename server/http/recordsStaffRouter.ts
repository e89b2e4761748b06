import express from 'express';
import { z } from 'zod';
import { FOLLOW_UP_LIMITS } from '../domain/records/FollowUp.js';
import { TRANSCRIPT_ROLES } from '../domain/records/Transcript.js';
import type { MemberService } from '../qa/MemberService.js';
import type { RecordsServices } from '../records/RecordsServices.js';
import { currentUser } from './sessionMiddleware.js';
import { parseId, parseRequest } from './validate.js';

/** A transcript of a long show is bigger than the API's usual 100 kB JSON bodies. */
export const TRANSCRIPT_BODY_LIMIT = '2mb';

const text = (min: number, max: number) =>
  z
    .string({ error: 'is required (text)' })
    .trim()
    .min(min, { error: min === 1 ? 'must not be empty' : `needs at least ${min} characters` })
    .max(max, { error: `must be at most ${max} characters` });

export const transcriptEditBody = z.object(
  {
    entries: z
      .array(
        z.object({
          role: z.enum(TRANSCRIPT_ROLES, { error: `must be one of ${TRANSCRIPT_ROLES.join(', ')}` }),
          speaker: text(1, 100),
          text: text(1, 20_000),
          imageIds: z.array(z.uuid({ error: 'must be a picture id' })).max(9, { error: 'may list at most 9 pictures' }).default([]),
        }),
        { error: 'must be a list of {role, speaker, text, imageIds?}' },
      )
      .max(5000, { error: 'may have at most 5000 entries' }),
  },
  { error: 'must be a JSON object {entries}' },
);

export const transcriptActionBody = z.object(
  { action: z.enum(['approve', 'publish', 'unpublish'], { error: 'must be approve, publish or unpublish' }) },
  { error: 'must be a JSON object {action}' },
);

export const followUpAnswerBody = z.object(
  { answer: text(FOLLOW_UP_LIMITS.answer.min, FOLLOW_UP_LIMITS.answer.max) },
  { error: 'must be a JSON object {answer}' },
);

export const followUpActionBody = z.discriminatedUnion(
  'action',
  [z.object({ action: z.literal('approve') }), z.object({ action: z.literal('reject'), reason: text(1, FOLLOW_UP_LIMITS.rejectReason.max) })],
  { error: (issue) => (issue.code === 'invalid_union' ? 'must be approve or reject' : 'must be a JSON object {action, reason?}') },
);

/**
 * An interview's after-show records for its staff (mounted at /api/interviews behind requireUser): the transcript
 * (build, edit, approve, publish) and the follow-ups (answer, review). Each action is checked against the user's
 * roles in the interview.
 */
export function recordsStaffRouter(deps: { members: MemberService; records: RecordsServices }): express.Router {
  const router = express.Router();

  /** The interview of the path and the user as an actor in it, with what their unit and year roles add. */
  const actorOf = async (req: express.Request<{ id: string }>, res: express.Response) => {
    const interviewId = parseId(req.params.id, 'The interview');
    const user = currentUser(res.locals);
    return { interviewId, actor: await deps.records.actorFor(user, await deps.members.actorFor(user, interviewId), interviewId) };
  };

  router.get('/:id/transcript', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    res.json(await deps.records.transcripts.staffView(interviewId, actor));
  });

  router.post('/:id/transcript/build', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    res.json(await deps.records.transcripts.build(interviewId, actor));
  });

  router.put('/:id/transcript', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    const { entries } = parseRequest(transcriptEditBody, req.body);
    res.json(await deps.records.transcripts.edit(interviewId, actor, entries));
  });

  router.post('/:id/transcript/actions', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    const { action } = parseRequest(transcriptActionBody, req.body);
    res.json(await deps.records.transcripts.act(interviewId, actor, action));
  });

  router.get('/:id/follow-ups', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    res.json(await deps.records.followUps.list(interviewId, actor));
  });

  router.post('/:id/follow-ups/:questionId/answer', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    const questionId = parseId(req.params.questionId, 'The follow-up');
    const { answer } = parseRequest(followUpAnswerBody, req.body);
    res.json(await deps.records.followUps.act(interviewId, questionId, actor, { type: 'answer', answer }));
  });

  router.post('/:id/follow-ups/:questionId/actions', async (req, res) => {
    const { interviewId, actor } = await actorOf(req, res);
    const questionId = parseId(req.params.questionId, 'The follow-up');
    const body = parseRequest(followUpActionBody, req.body);
    const command = body.action === 'approve' ? { type: 'approve' as const } : { type: 'reject' as const, reason: body.reason };
    res.json(await deps.records.followUps.act(interviewId, questionId, actor, command));
  });

  return router;
}
