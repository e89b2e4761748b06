import express from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { MediaError, type CameraMediaStatus, type MediaServer, type ProgramOverlays } from '../../media/index.js';
import type { CameraRepository } from '../db/CameraRepository.js';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import type { ProgramSettings } from '../production/ProgramSettings.js';
import { HttpError, NotFoundError } from './httpErrors.js';
import { parseId, parseRequest } from './validate.js';

const cameraId = z.string({ error: 'must be a camera id' });
const audioCameraId = z.string({ error: 'must be a camera id, or null for the camera on air' }).nullable();

/** Cut to a camera (cameraId) and/or choose whose microphone the program carries (audioCameraId; null follows the picture). */
export const programBody = z.union(
  [z.object({ cameraId, audioCameraId: audioCameraId.optional() }), z.object({ audioCameraId })],
  { error: 'must name cameraId (the camera to put on air) or audioCameraId (whose microphone; null follows the picture)' },
);

export const overlaysBody = z.object(
  {
    lowerThird: z
      .object(
        {
          name: z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }).max(40, { error: 'must be at most 40 characters' }),
          position: z.string({ error: 'must be text' }).trim().max(60, { error: 'must be at most 60 characters' }),
        },
        { error: 'must be {name, position} or null' },
      )
      .nullable(),
    logo: z.boolean({ error: 'must be true or false' }),
    liveBadge: z.boolean({ error: 'must be true or false' }),
  },
  { error: 'must be a JSON object {lowerThird, logo, liveBadge}' },
);

/** C2: the director's status bar. Cameras in the order they were added, each with its name. */
export interface MediaStatusJson {
  onAir: boolean;
  liveSince: string | null;
  programCameraId: string | null;
  /** The camera a cut is armed for (waiting for its keyframe). */
  pendingCameraId: string | null;
  /** The microphone on the program when it stays on one camera; null when audio follows the picture. */
  audioCameraId: string | null;
  cameras: (CameraMediaStatus & { name: string })[];
  hls: { segmentAgeSeconds: number | null };
  recording: { bytes: number };
  disk: { freeBytes: number; warning: boolean };
  /** What is drawn over the program (nothing: passed through). */
  overlays: ProgramOverlays;
}

/** Live production for the director (mounted behind requireUser under /api/interviews). */
export function productionRouter(deps: {
  interviews: InterviewRepository;
  cameras: CameraRepository;
  media: MediaServer;
  /** Applies the audio choice and overlays and stores them, so a restart keeps them. */
  programSettings: ProgramSettings;
  /** config.diskFreeWarningGb in bytes: below it `disk.warning` is set. */
  diskFreeWarningBytes: number;
  logger: Logger;
}): express.Router {
  const router = express.Router();

  router.get('/:id/media-status', async (req, res) => {
    const id = parseId(req.params.id, 'The interview');
    if (!(await deps.interviews.get(id))) throw new NotFoundError('The interview');
    const [cameras, status] = await Promise.all([deps.cameras.listActive(id), deps.media.mediaStatus(id)]);
    const live = new Map(status.cameras.map((camera) => [camera.cameraId, camera]));
    const body: MediaStatusJson = {
      onAir: status.onAir,
      liveSince: status.liveSince,
      programCameraId: status.programCameraId,
      pendingCameraId: status.pendingCameraId,
      audioCameraId: status.audioCameraId,
      cameras: cameras.map((camera) => ({ ...(live.get(camera.id) ?? offline(camera.id)), name: camera.name })),
      hls: status.hls,
      recording: status.recording,
      disk: { freeBytes: status.disk.freeBytes, warning: status.disk.freeBytes < deps.diskFreeWarningBytes },
      overlays: deps.media.overlays(id),
    };
    res.json(body);
  });

  /** The switcher: cut to a camera (on its next keyframe) and/or choose whose microphone the program carries. */
  router.put('/:id/program', async (req, res) => {
    const id = parseId(req.params.id, 'The interview');
    const input: { cameraId?: string; audioCameraId?: string | null } = parseRequest(programBody, req.body);
    if (!(await deps.interviews.get(id))) throw new NotFoundError('The interview');
    const cameraIds = new Set((await deps.cameras.listActive(id)).map((camera) => camera.id));
    for (const cameraId of [input.cameraId, input.audioCameraId]) {
      if (typeof cameraId === 'string' && !cameraIds.has(cameraId)) throw new NotFoundError('The camera');
    }
    let switchMs: number | null = null;
    try {
      if (input.audioCameraId !== undefined) await deps.programSettings.setAudio(id, input.audioCameraId);
      if (input.cameraId !== undefined) switchMs = await deps.media.selectProgram(id, input.cameraId);
    } catch (error) {
      throw asHttpError(error);
    }
    const status = await deps.media.mediaStatus(id);
    deps.logger.info({ interviewId: id, userId: res.locals.user?.id, ...input, switchMs }, 'program switched');
    res.json({
      programCameraId: status.programCameraId,
      pendingCameraId: status.pendingCameraId,
      audioCameraId: status.audioCameraId,
      switchMs: switchMs === null ? null : Math.round(switchMs),
    });
  });

  /** Captions and branding: switching any on encodes the program; all off passes the camera through again. */
  router.put('/:id/overlays', async (req, res) => {
    const id = parseId(req.params.id, 'The interview');
    const overlays = parseRequest(overlaysBody, req.body);
    if (!(await deps.interviews.get(id))) throw new NotFoundError('The interview');
    try {
      const applied = await deps.programSettings.setOverlays(id, overlays);
      deps.logger.info({ interviewId: id, userId: res.locals.user?.id, overlays }, 'program overlays changed');
      res.json(applied);
    } catch (error) {
      throw asHttpError(error);
    }
  });

  return router;
}

/** The media node's refusals are conflicts with the show's state: not live, camera not publishing, codec. */
function asHttpError(error: unknown): unknown {
  if (error instanceof MediaError && ['not_live', 'camera_not_live', 'codec_mismatch', 'logo_not_configured'].includes(error.code)) {
    return new HttpError(409, error.code, error.message);
  }
  return error;
}

function offline(cameraId: string): CameraMediaStatus {
  return {
    cameraId,
    connected: false,
    codec: null,
    width: null,
    height: null,
    bitrateKbps: null,
    packetLossPercent: null,
    keyframeRequests: null,
    lastKeyframeAt: null,
  };
}
