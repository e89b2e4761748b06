import express from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { MediaServer } from '../../media/index.js';
import type { CameraAccess } from '../auth/CameraAccess.js';
import type { CameraRepository } from '../db/CameraRepository.js';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import { INTERVIEW_STATUSES, type InterviewStatus } from '../domain/Interview.js';
import { canTransition } from '../domain/interviewLifecycle.js';
import type { PortraitStore } from '../interview/PortraitStore.js';
import { InvalidRequestError, NotFoundError } from './httpErrors.js';
import type { InterviewPresenter } from './InterviewPresenter.js';
import type { PublicUrls } from './PublicUrls.js';
import { parseId, parseRequest } from './validate.js';

const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .max(max, { error: `must be at most ${max} characters` });

const optionalText = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .nullish()
    .transform((value) => (value ? value : null));

const dateTime = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-05-20T09:30:00+08:00' })
  .nullish()
  .transform((value) => (value ? new Date(value) : null));

/** A host or guest: `photo` is the file name POST /api/interviews/:id/portraits answered. */
const person = z.object(
  {
    name: text(100).min(1, { error: 'must not be empty' }),
    position: text(200).default(''),
    bio: optionalText(2000),
    photo: z
      .string({ error: 'must be the file name the portrait upload answered' })
      .nullish()
      .transform((value) => value ?? null),
  },
  { error: 'must be an object {name, position, bio?, photo?}' },
);

export const interviewDetailsBody = z
  .object(
    {
      title: text(200).min(1, { error: 'must not be empty' }),
      topic: optionalText(500),
      department: optionalText(100),
      background: optionalText(10_000),
      startsAt: dateTime,
      endsAt: dateTime,
      host: person.nullish().transform((value) => value ?? null),
      guests: z
        .array(person, { error: 'must be a list of {name, position, bio?, photo?}' })
        .max(20, { error: 'must list at most 20 guests' })
        .default([]),
    },
    { error: 'must be a JSON object' },
  )
  .refine((body) => !body.startsAt || !body.endsAt || body.endsAt > body.startsAt, {
    error: 'must be after the start',
    path: ['endsAt'],
  });

export const newInterviewBody = interviewDetailsBody.and(
  z.object({
    status: z.enum(['draft', 'scheduled'], { error: "must be 'draft' or 'scheduled'" }).default('scheduled'),
  }),
);

export const statusBody = z.object(
  { status: z.enum(INTERVIEW_STATUSES as [InterviewStatus, ...InterviewStatus[]], { error: `must be one of ${INTERVIEW_STATUSES.join(', ')}` }) },
  { error: 'must be a JSON object {status}' },
);

export const newCameraBody = z.object({ name: text(100).min(1, { error: 'must not be empty' }) }, { error: 'must be a JSON object' });

/** Staff routes for interviews and their cameras (mounted behind requireUser). */
export function interviewsRouter(deps: {
  interviews: InterviewRepository;
  cameras: CameraRepository;
  cameraAccess: CameraAccess;
  media: MediaServer;
  presenter: InterviewPresenter;
  portraits: PortraitStore;
  urls: PublicUrls;
  logger: Logger;
}): express.Router {
  const router = express.Router();
  const { interviews, presenter } = deps;

  /** Parses the details and checks every portrait named was uploaded for this interview. */
  const parseDetails = async <T extends z.ZodType<z.output<typeof interviewDetailsBody>>>(schema: T, interviewId: string | null, body: unknown) => {
    const details = parseRequest(schema, body);
    const people = [...(details.host ? [['host', details.host] as const] : []), ...details.guests.map((g, i) => [`guests[${i}]`, g] as const)];
    for (const [field, p] of people) {
      if (p.photo !== null && (interviewId === null || !(await deps.portraits.exists(interviewId, p.photo)))) {
        throw new InvalidRequestError(`${field}.photo`, `Invalid ${field}.photo: no such portrait for this interview; upload the photo again.`);
      }
    }
    return details;
  };

  router.get('/', async (_req, res) => {
    const list = await interviews.list();
    res.json(await Promise.all(list.map((interview) => presenter.toStaff(interview))));
  });

  router.post('/', async (req, res) => {
    // A new interview has no portraits yet: the console uploads them once the interview exists.
    const input = await parseDetails(newInterviewBody, null, req.body);
    const interview = await interviews.create(input);
    deps.logger.info({ interviewId: interview.id, status: interview.status, userId: res.locals.user?.id }, 'interview created');
    res.status(201).json(await presenter.toStaff(interview));
  });

  router.get('/:id', async (req, res) => {
    const interview = await interviews.get(parseId(req.params.id, 'The interview'));
    if (!interview) throw new NotFoundError('The interview');
    res.json(await presenter.toStaff(interview));
  });

  router.put('/:id', async (req, res) => {
    const id = parseId(req.params.id, 'The interview');
    const details = await parseDetails(interviewDetailsBody, id, req.body);
    const interview = await interviews.update(id, details);
    if (!interview) throw new NotFoundError('The interview');
    deps.logger.info({ interviewId: id, userId: res.locals.user?.id }, 'interview edited');
    res.json(await presenter.toStaff(interview));
  });

  /** Ending goes through the media node first: it closes the playlist (ENDLIST) and finalises the recordings. */
  const moveTo = async (id: string, status: InterviewStatus, userId: string | undefined) => {
    const before = await interviews.get(id);
    if (!before) throw new NotFoundError('The interview');
    // Calling off an announced show also stops a studio test that may be publishing to it.
    if (status === 'ended' && canTransition(before, 'ended', 'staff')) await deps.media.endInterview(id);
    const result = await interviews.setStatus(id, status, new Date(), 'staff');
    if (!result) throw new NotFoundError('The interview');
    if (result.changed) deps.logger.info({ interviewId: id, from: before.status, to: status, userId }, 'interview status changed by staff');
    return result.interview;
  };

  router.post('/:id/status', async (req, res) => {
    const id = parseId(req.params.id, 'The interview');
    const { status } = parseRequest(statusBody, req.body);
    res.json(await presenter.toStaff(await moveTo(id, status, res.locals.user?.id)));
  });

  router.post('/:id/end', async (req, res) => {
    const id = parseId(req.params.id, 'The interview');
    res.json(await presenter.toStaff(await moveTo(id, 'ended', res.locals.user?.id)));
  });

  router.get('/:id/cameras', async (req, res) => {
    const id = parseId(req.params.id, 'The interview');
    if (!(await interviews.get(id))) throw new NotFoundError('The interview');
    const cameras = await deps.cameras.listActive(id);
    res.json(
      cameras.map((camera) => ({
        id: camera.id,
        name: camera.name,
        whipUrl: deps.urls.whip(camera.id),
        createdAt: camera.createdAt.toISOString(),
        live: deps.media.isPublishing(camera.id),
      })),
    );
  });

  router.post('/:id/cameras', async (req, res) => {
    const id = parseId(req.params.id, 'The interview');
    const { name } = parseRequest(newCameraBody, req.body);
    if (!(await interviews.get(id))) throw new NotFoundError('The interview');
    const { camera, token } = await deps.cameraAccess.addCamera(id, name);
    res.status(201).json({ id: camera.id, name: camera.name, whipUrl: deps.urls.whip(camera.id), token });
  });

  return router;
}
