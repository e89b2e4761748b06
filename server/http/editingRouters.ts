import express from 'express';
import type { Editing } from '../recording/Editing.js';
import { chaptersRouter } from './chaptersRouter.js';
import { clipsRouter } from './clipsRouter.js';
import type { PublicUrls } from './PublicUrls.js';
import { recordingsRouter } from './recordingsRouter.js';

/** Staff routes of recordings, replay and clips (mounted at /api/interviews behind requireUser). */
export function editingStaffRouter(editing: Editing): express.Router {
  const router = express.Router();
  router.use(recordingsRouter({ dataDir: editing.dataDir, interviews: editing.interviews, recordings: editing.recordings, derived: editing.derived }));
  router.use(clipsRouter({ interviews: editing.interviews, clips: editing.clips }));
  return router;
}

/** Public routes of the replay: chapters (contract C4) and chapter thumbnails (mounted at the root, before /api's chain). */
export function editingPublicRouter(editing: Editing, urls: PublicUrls, corsOrigins: readonly string[]): express.Router {
  return chaptersRouter({ dataDir: editing.dataDir, interviews: editing.interviews, replay: editing.replay, urls, corsOrigins });
}
