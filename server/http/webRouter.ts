import fs from 'node:fs/promises';
import path from 'node:path';
import express from 'express';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import { pickFeaturedInterview } from '../domain/featuredInterview.js';
import { InvalidRequestError, NotFoundError, WebNotBuiltError } from './httpErrors.js';
import { isUuid } from '../domain/isUuid.js';
import { publicCors } from './publicCors.js';
import { parseId } from './validate.js';

const INTERVIEW_ID_PLACEHOLDER = /__INTERVIEW_ID__/g;

/**
 * The pages and bundles built into `webDir` (dist/web): /demo, /watch/:id, /console and /assets/*. Pages are read
 * on each request so a rebuild shows without a restart. No X-Frame-Options: portals embed /demo. The assets may be
 * loaded from any origin: a portal loads the module with <script type="module">, which browsers fetch in CORS mode,
 * and the bundle is public code without credentials; which portals may read the data is corsOrigins' business (the
 * public API, the HLS files).
 */
export function webRouter(deps: { webDir: string; interviews: InterviewRepository }): express.Router {
  const router = express.Router();
  const pagesDir = path.join(deps.webDir, 'pages');
  const assetsDir = path.join(deps.webDir, 'assets');

  router.use('/assets', publicCors(['*']));
  router.use('/assets', async (_req, _res, next) => {
    if (!(await exists(assetsDir))) throw new WebNotBuiltError();
    next();
  });
  router.use('/assets', express.static(assetsDir, { fallthrough: false, dotfiles: 'deny' }));

  router.get('/demo', async (req, res) => {
    const requested = req.query['interview'];
    let interviewId: string;
    if (requested !== undefined) {
      if (typeof requested !== 'string' || !isUuid(requested)) {
        throw new InvalidRequestError('interview', 'Invalid interview: must be an interview id (a UUID).');
      }
      interviewId = requested;
    } else {
      interviewId = pickFeaturedInterview(await deps.interviews.featuredCandidates(), new Date())?.id ?? '';
    }
    await sendPage(res, pagesDir, 'demo.html', interviewId);
  });

  router.get('/watch/:id', async (req, res) => {
    const id = parseId(req.params.id, 'The interview');
    if (!(await deps.interviews.get(id))) throw new NotFoundError('The interview');
    await sendPage(res, pagesDir, 'watch.html', id);
  });

  router.get(['/console', '/console/*path'], async (_req, res) => {
    await sendPage(res, pagesDir, 'console.html', null);
  });

  return router;
}

/** Sends a built page, with the interview id written in where the page expects it. */
async function sendPage(res: express.Response, pagesDir: string, page: string, interviewId: string | null): Promise<void> {
  let html: string;
  try {
    html = await fs.readFile(path.join(pagesDir, page), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new WebNotBuiltError();
    throw error;
  }
  if (interviewId !== null) html = html.replace(INTERVIEW_ID_PLACEHOLDER, interviewId);
  res.set('Cache-Control', 'no-cache').type('html').send(html);
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
