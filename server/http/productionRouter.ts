import express from 'express';
import type { Logger } from 'pino';
import type { CameraMediaStatus, MediaServer } from '../../media/index.js';
import type { CameraRepository } from '../db/CameraRepository.js';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import { NotFoundError } from './httpErrors.js';
import { parseId } from './validate.js';

/** C2: the director's status bar. Cameras in the order they were added, each with its name. */
export interface MediaStatusJson {
  onAir: boolean;
  liveSince: string | null;
  programCameraId: string | null;
  cameras: (CameraMediaStatus & { name: string })[];
  hls: { segmentAgeSeconds: number | null };
  recording: { bytes: number };
  disk: { freeBytes: number; warning: boolean };
}

/** Live production for the director (mounted behind requireUser under /api/interviews). */
export function productionRouter(deps: {
  interviews: InterviewRepository;
  cameras: CameraRepository;
  media: MediaServer;
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
      cameras: cameras.map((camera) => ({ ...(live.get(camera.id) ?? offline(camera.id)), name: camera.name })),
      hls: status.hls,
      recording: status.recording,
      disk: { freeBytes: status.disk.freeBytes, warning: status.disk.freeBytes < deps.diskFreeWarningBytes },
    };
    res.json(body);
  });

  return router;
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
    lastKeyframeAt: null,
  };
}
