import express from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { MediaServer } from '../../media/index.js';
import type { CameraAccess } from '../auth/CameraAccess.js';
import type { CameraRepository } from '../db/CameraRepository.js';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import { NotFoundError } from './httpErrors.js';
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

export const newInterviewBody = z.object(
  {
    title: text(200).min(1, { error: 'must not be empty' }),
    topic: optionalText(500),
    department: optionalText(100),
    startsAt: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-05-20T09:30:00+08:00' })
      .nullish()
      .transform((value) => (value ? new Date(value) : null)),
    guests: z
      .array(
        z.object(
          { name: text(100).min(1, { error: 'must not be empty' }), position: text(200).default('') },
          { error: 'must be an object {name, position}' },
        ),
        { error: 'must be a list of {name, position}' },
      )
      .max(20, { error: 'must list at most 20 guests' })
      .default([]),
  },
  { error: 'must be a JSON object' },
);

export const newCameraBody = z.object({ name: text(100).min(1, { error: 'must not be empty' }) }, { error: 'must be a JSON object' });

/** Staff routes for interviews and their cameras (mounted behind requireUser). */
export function interviewsRouter(deps: {
  interviews: InterviewRepository;
  cameras: CameraRepository;
  cameraAccess: CameraAccess;
  media: MediaServer;
  presenter: InterviewPresenter;
  urls: PublicUrls;
  logger: Logger;
}): express.Router {
  const router = express.Router();
  const { interviews, presenter } = deps;

  router.get('/', async (_req, res) => {
    const list = await interviews.list();
    res.json(await Promise.all(list.map((interview) => presenter.toStaff(interview))));
  });

  router.post('/', async (req, res) => {
    const input = parseRequest(newInterviewBody, req.body);
    const interview = await interviews.create(input);
    deps.logger.info({ interviewId: interview.id, userId: res.locals.user?.id }, 'interview created');
    res.status(201).json(await presenter.toStaff(interview));
  });

  router.get('/:id', async (req, res) => {
    const interview = await interviews.get(parseId(req.params.id, 'The interview'));
    if (!interview) throw new NotFoundError('The interview');
    res.json(await presenter.toStaff(interview));
  });

  router.post('/:id/end', async (req, res) => {
    const id = parseId(req.params.id, 'The interview');
    if (!(await interviews.get(id))) throw new NotFoundError('The interview');
    // The media node closes the playlist (ENDLIST) and finalises the recordings before viewers are told it ended.
    await deps.media.endInterview(id);
    const result = await interviews.setStatus(id, 'ended', new Date());
    if (!result) throw new NotFoundError('The interview');
    if (result.changed) deps.logger.info({ interviewId: id, userId: res.locals.user?.id }, 'interview ended by staff');
    res.json(await presenter.toStaff(result.interview));
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
