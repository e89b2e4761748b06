import path from 'node:path';
import express from 'express';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import type { ReplayService } from '../replay/ReplayService.js';
import { NotFoundError } from './httpErrors.js';
import { publicCors } from './publicCors.js';
import type { PublicUrls } from './PublicUrls.js';
import { parseId } from './validate.js';

/**
 * Public: the replay's chapters (contract C4, plus each chapter's thumbnailUrl once made) and the chapter thumbnails.
 * Drafts answer 404 as unknown ids do.
 */
export function chaptersRouter(deps: {
  dataDir: string;
  interviews: InterviewRepository;
  replay: ReplayService;
  urls: PublicUrls;
  corsOrigins: readonly string[];
}): express.Router {
  const router = express.Router();
  // Only on its own paths: mounted at the root, a bare router.use would answer CORS for the whole staff API too.
  router.use(['/api/public/interviews/:id/chapters', '/media/interviews/:id/replay/:file'], publicCors(deps.corsOrigins));

  const publicInterview = async (id: string | undefined) => {
    const interview = await deps.interviews.get(parseId(id, 'The interview'));
    if (!interview || interview.status === 'draft') throw new NotFoundError('The interview');
    return interview;
  };

  router.get('/api/public/interviews/:id/chapters', async (req, res) => {
    const interview = await publicInterview(req.params.id);
    const chapters = await deps.replay.chapters(interview);
    // Chapters change only when a question is marked answered; a short cache spares the database.
    res.set('Cache-Control', 'public, max-age=10');
    res.json({
      chapters: chapters.map(({ thumbnailPath, ...chapter }) => ({
        ...chapter,
        thumbnailUrl: thumbnailPath === null ? null : deps.urls.media(thumbnailPath),
      })),
    });
  });

  router.get('/media/interviews/:id/replay/:file', async (req, res, next) => {
    const interview = await publicInterview(req.params.id);
    if (!/^chapter-\d+\.jpg$/.test(req.params.file)) throw new NotFoundError('The file');
    res.set({ 'Content-Type': 'image/jpeg', 'Cache-Control': 'public, max-age=86400' });
    res.sendFile(req.params.file, { root: path.join(deps.dataDir, 'interviews', interview.id, 'replay') }, (error) => {
      if (!error) return;
      if ((error as { status?: number }).status === 404) next(new NotFoundError('The file'));
      else next(error);
    });
  });

  return router;
}
