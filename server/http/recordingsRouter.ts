import express from 'express';
import { thumbnailFileName } from '../../media/index.js';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import type { RecordingRepository } from '../db/RecordingRepository.js';
import { peaksOnTimeline, thumbnailsOnTimeline } from '../domain/recording/derivedTimeline.js';
import { buildTimeline } from '../domain/recording/timeline.js';
import type { RecordingPart } from '../domain/recording/types.js';
import { PEAK_WINDOW_SECONDS, THUMBNAIL_INTERVAL_SECONDS, THUMBNAIL_WIDTH, type DerivedMedia } from '../recording/DerivedMedia.js';
import { showDiskUsage } from '../recording/diskUsage.js';
import { parseSourceId, recordingViews } from '../recording/recordingViews.js';
import { NotFoundError } from './httpErrors.js';
import { parseId } from './validate.js';

/**
 * Staff: an interview's recordings (program and camera ISO parts, joined timelines) and its disk usage, and what the
 * clip editor shows of them: thumbnails, the sound's peaks and a preview each part plays in a browser.
 */
export function recordingsRouter(deps: {
  dataDir: string;
  interviews: InterviewRepository;
  recordings: RecordingRepository;
  derived: DerivedMedia;
}): express.Router {
  const router = express.Router();
  const interviewOf = async (id: string | undefined) => {
    const interviewId = parseId(id, 'The interview');
    if (!(await deps.interviews.statusOf(interviewId))) throw new NotFoundError('The interview');
    return interviewId;
  };
  /** The source's complete parts on its timeline; 404 for a source id that names nothing recorded. */
  const timelineOf = async (interviewId: string, id: string | undefined) => {
    const source = parseSourceId(id ?? '');
    const timeline = source ? buildTimeline(await deps.recordings.list(interviewId), source) : [];
    if (timeline.length === 0) throw new NotFoundError('The recording');
    return timeline;
  };
  /** A complete part of the interview (derived media is made of finished files only). */
  const partOf = async (interviewId: string, id: string | undefined): Promise<RecordingPart> => {
    const partId = parseId(id, 'The recording part');
    const part = (await deps.recordings.list(interviewId)).find((p) => p.id === partId && p.status === 'complete');
    if (!part) throw new NotFoundError('The recording part');
    return part;
  };
  const base = (interviewId: string) => `/api/interviews/${interviewId}/recordings`;

  router.get('/:id/recordings', async (req, res) => {
    const interviewId = await interviewOf(req.params.id);
    const [parts, names, disk] = await Promise.all([
      deps.recordings.list(interviewId),
      deps.recordings.cameraNames(interviewId),
      showDiskUsage(deps.dataDir, interviewId),
    ]);
    res.set('Cache-Control', 'no-store');
    res.json({ recordings: recordingViews(parts, names), disk });
  });

  router.get('/:id/recordings/:sourceId/thumbnails', async (req, res) => {
    const interviewId = await interviewOf(req.params.id);
    const timeline = await timelineOf(interviewId, req.params.sourceId);
    const counts = new Map<string, number>();
    for (const placed of timeline) counts.set(placed.part.id, await deps.derived.thumbnailCount(placed.part));
    res.set('Cache-Control', 'no-store');
    res.json({
      intervalSeconds: THUMBNAIL_INTERVAL_SECONDS,
      width: THUMBNAIL_WIDTH,
      thumbnails: thumbnailsOnTimeline(timeline, counts, THUMBNAIL_INTERVAL_SECONDS).map((t) => ({
        seconds: t.seconds,
        url: `${base(interviewId)}/parts/${t.partId}/thumbnails/${thumbnailFileName(t.index)}`,
      })),
    });
  });

  router.get('/:id/recordings/:sourceId/waveform', async (req, res) => {
    const interviewId = await interviewOf(req.params.id);
    const timeline = await timelineOf(interviewId, req.params.sourceId);
    const peaks = new Map<string, number[]>();
    for (const placed of timeline) peaks.set(placed.part.id, await deps.derived.peaks(placed.part));
    res.set('Cache-Control', 'no-store');
    res.json({ windowSeconds: PEAK_WINDOW_SECONDS, peaks: peaksOnTimeline(timeline, peaks, PEAK_WINDOW_SECONDS) });
  });

  router.get('/:id/recordings/parts/:partId/thumbnails/:file', async (req, res, next) => {
    const interviewId = await interviewOf(req.params.id);
    const part = await partOf(interviewId, req.params.partId);
    if (!/^\d{5}\.jpg$/.test(req.params.file)) throw new NotFoundError('The thumbnail');
    await deps.derived.thumbnailCount(part);
    res.set({ 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, max-age=86400' });
    sendFile(res, next, req.params.file, deps.derived.thumbnailDir(part), 'The thumbnail');
  });

  router.get('/:id/recordings/parts/:partId/preview', async (req, res, next) => {
    const interviewId = await interviewOf(req.params.id);
    const part = await partOf(interviewId, req.params.partId);
    const { file, format } = await deps.derived.preview(part);
    res.set({ 'Content-Type': format.contentType, 'Cache-Control': 'private, max-age=86400' });
    sendFile(res, next, file, undefined, 'The preview');
  });

  return router;
}

/** Streams a file (with Range support, which a <video> seeking in it needs); a missing file is a 404. */
function sendFile(res: express.Response, next: express.NextFunction, file: string, root: string | undefined, what: string): void {
  res.sendFile(file, root ? { root } : {}, (error) => {
    if (!error) return;
    if ((error as { status?: number }).status === 404) next(new NotFoundError(what));
    else next(error);
  });
}
