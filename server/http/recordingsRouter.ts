import express from 'express';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import type { RecordingRepository } from '../db/RecordingRepository.js';
import { showDiskUsage } from '../recording/diskUsage.js';
import { recordingViews } from '../recording/recordingViews.js';
import { NotFoundError } from './httpErrors.js';
import { parseId } from './validate.js';

/** Staff: an interview's recordings (program and camera ISO parts, joined timelines) and its disk usage. */
export function recordingsRouter(deps: {
  dataDir: string;
  interviews: InterviewRepository;
  recordings: RecordingRepository;
}): express.Router {
  const router = express.Router();

  router.get('/:id/recordings', async (req, res) => {
    const interviewId = parseId(req.params.id, 'The interview');
    if (!(await deps.interviews.statusOf(interviewId))) throw new NotFoundError('The interview');
    const [parts, names, disk] = await Promise.all([
      deps.recordings.list(interviewId),
      deps.recordings.cameraNames(interviewId),
      showDiskUsage(deps.dataDir, interviewId),
    ]);
    res.set('Cache-Control', 'no-store');
    res.json({ recordings: recordingViews(parts, names), disk });
  });

  return router;
}
