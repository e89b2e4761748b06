import express from 'express';
import { z } from 'zod';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import { EditingRuleError } from '../domain/recording/EditingRuleError.js';
import type { Clip, ExportJob } from '../domain/recording/types.js';
import type { ClipService } from '../recording/ClipService.js';
import { sourceId } from '../recording/recordingViews.js';
import { HttpError, InvalidRequestError, NotFoundError } from './httpErrors.js';
import { currentUser } from './sessionMiddleware.js';
import { parseId, parseRequest } from './validate.js';

const seconds = z.number({ error: 'must be a number of seconds' }).min(0, { error: 'must be 0 or more' }).max(86_400, { error: 'must be at most 86400' });
const title = z.string({ error: 'is required (text)' }).trim().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' });

export const newClipBody = z.object(
  { title, sourceId: z.string({ error: 'must be program or camera-<cameraId>' }), inSeconds: seconds, outSeconds: seconds },
  { error: 'must be a JSON object {title, sourceId, inSeconds, outSeconds}' },
);
export const clipEditBody = z.object(
  { title: title.optional(), inSeconds: seconds.optional(), outSeconds: seconds.optional() },
  { error: 'must be a JSON object {title?, inSeconds?, outSeconds?}' },
);
export const exportBody = z.object({ mode: z.enum(['fast', 'exact'], { error: 'must be fast or exact' }) }, { error: 'must be a JSON object {mode}' });

export function exportJson(job: ExportJob) {
  return {
    id: job.id,
    clipId: job.clipId,
    mode: job.mode,
    status: job.status,
    progress: job.progress,
    inSeconds: job.inSeconds,
    outSeconds: job.outSeconds,
    bytes: job.bytes,
    errorCode: job.errorCode,
    errorMessage: job.errorMessage,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    downloadUrl: job.status === 'done' ? `/api/interviews/${job.interviewId}/exports/${job.id}/download` : null,
  };
}

export function clipJson(clip: Clip, jobs: readonly ExportJob[]) {
  return {
    id: clip.id,
    title: clip.title,
    sourceId: sourceId(clip),
    kind: clip.kind,
    cameraId: clip.cameraId,
    inSeconds: clip.inSeconds,
    outSeconds: clip.outSeconds,
    createdAt: clip.createdAt.toISOString(),
    updatedAt: clip.updatedAt.toISOString(),
    exports: jobs.filter((job) => job.clipId === clip.id).map(exportJson),
  };
}

/** The rules' refusals as HTTP answers. */
function asHttp(error: unknown): unknown {
  if (!(error instanceof EditingRuleError)) return error;
  if (error.kind === 'invalid') return error.code === 'invalid_request' ? new InvalidRequestError(error.field ?? 'body', error.message) : new HttpError(400, error.code, error.message, error.field);
  if (error.kind === 'not_found') return new HttpError(404, error.code, error.message);
  return new HttpError(409, error.code, error.message);
}

/** Staff: an interview's clips and their exports (queue, progress, cancel, download). Mounted behind requireUser. */
export function clipsRouter(deps: { interviews: InterviewRepository; clips: ClipService }): express.Router {
  const router = express.Router();
  const interviewOf = async (id: string | undefined) => {
    const interviewId = parseId(id, 'The interview');
    if (!(await deps.interviews.statusOf(interviewId))) throw new NotFoundError('The interview');
    return interviewId;
  };
  const handle =
    (fn: (req: express.Request<Record<string, string>>, res: express.Response, interviewId: string) => Promise<void>) =>
    async (req: express.Request<Record<string, string>>, res: express.Response) => {
      const interviewId = await interviewOf(req.params['id']);
      try {
        await fn(req, res, interviewId);
      } catch (error) {
        throw asHttp(error);
      }
    };

  router.get('/:id/clips', handle(async (_req, res, interviewId) => {
    const { clips, jobs } = await deps.clips.list(interviewId);
    res.set('Cache-Control', 'no-store');
    res.json({ clips: clips.map((clip) => clipJson(clip, jobs)) });
  }));

  router.post('/:id/clips', handle(async (req, res, interviewId) => {
    const body = parseRequest(newClipBody, req.body);
    const clip = await deps.clips.create(interviewId, body, currentUser(res.locals).id);
    res.status(201).json(clipJson(clip, []));
  }));

  router.patch('/:id/clips/:clipId', handle(async (req, res, interviewId) => {
    const body = parseRequest(clipEditBody, req.body);
    const clipId = parseId(req.params['clipId'], 'The clip');
    const clip = await deps.clips.update(interviewId, clipId, Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)));
    const { jobs } = await deps.clips.list(interviewId);
    res.json(clipJson(clip, jobs));
  }));

  router.delete('/:id/clips/:clipId', handle(async (req, res, interviewId) => {
    await deps.clips.delete(interviewId, parseId(req.params['clipId'], 'The clip'));
    res.status(204).end();
  }));

  router.post('/:id/clips/:clipId/exports', handle(async (req, res, interviewId) => {
    const { mode } = parseRequest(exportBody, req.body);
    const job = await deps.clips.export(interviewId, parseId(req.params['clipId'], 'The clip'), mode, currentUser(res.locals).id);
    res.status(201).json(exportJson(job));
  }));

  router.get('/:id/exports/:jobId', handle(async (req, res, interviewId) => {
    res.set('Cache-Control', 'no-store');
    res.json(exportJson(await deps.clips.job(interviewId, parseId(req.params['jobId'], 'The export'))));
  }));

  router.post('/:id/exports/:jobId/cancel', handle(async (req, res, interviewId) => {
    res.json(exportJson(await deps.clips.cancel(interviewId, parseId(req.params['jobId'], 'The export'))));
  }));

  router.get('/:id/exports/:jobId/download', handle(async (req, res, interviewId) => {
    const { file, title: name, job } = await deps.clips.download(interviewId, parseId(req.params['jobId'], 'The export'));
    const safe = name.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 100) || 'clip';
    await new Promise<void>((resolve, reject) => {
      res.download(file, `${safe}-${job.mode}.mp4`, { headers: { 'Content-Type': 'video/mp4', 'Cache-Control': 'private, max-age=3600' } }, (error) => {
        if (!error) return resolve();
        if ((error as { status?: number }).status === 404) reject(new NotFoundError('The exported file'));
        else reject(error);
      });
    });
  }));

  return router;
}
