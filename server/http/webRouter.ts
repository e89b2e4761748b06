import fs from 'node:fs/promises';
import path from 'node:path';
import express from 'express';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import { pickFeaturedInterview } from '../domain/featuredInterview.js';
import { InvalidRequestError, NotFoundError, WebNotBuiltError } from './httpErrors.js';
import { isUuid } from '../domain/isUuid.js';
import { pageSecurityPolicy } from './pageSecurityPolicy.js';
import { publicCors } from './publicCors.js';
import { parseId } from './validate.js';

const INTERVIEW_ID_PLACEHOLDER = /__INTERVIEW_ID__/g;

/**
 * The pages and bundles built into `webDir` (dist/web): /demo, /watch/:id, /console and /assets/*. Pages are read
 * on each request so a rebuild shows without a restart. No X-Frame-Options: portals embed /demo. The assets may be
 * loaded from any origin: a portal loads the module with <script type="module">, which browsers fetch in CORS mode,
 * and the bundle is public code without credentials; which portals may read the data is corsOrigins' business (the
 * public API, the HLS files). Each page carries its own Content-Security-Policy (pageSecurityPolicy): the portal
 * pages may be framed by the corsOrigins, the console by no one.
 */
export function webRouter(deps: { webDir: string; interviews: InterviewRepository; publicUrl: string; corsOrigins: readonly string[] }): express.Router {
  const router = express.Router();
  const portalPage = { publicUrl: deps.publicUrl, frameAncestors: deps.corsOrigins.includes('*') ? ['*'] : ["'self'", ...deps.corsOrigins] };
  const consolePage = { publicUrl: deps.publicUrl, frameAncestors: ["'none'"] };
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
    await sendPage(res, pagesDir, 'demo.html', interviewId, portalPage);
  });

  router.get('/watch/:id', async (req, res) => {
    const id = parseId(req.params.id, 'The interview');
    if (!(await deps.interviews.get(id))) throw new NotFoundError('The interview');
    await sendPage(res, pagesDir, 'watch.html', id, portalPage);
  });

  router.get(['/console', '/console/*path'], async (_req, res) => {
    // X-Frame-Options too, for browsers that predate frame-ancestors.
    res.set('X-Frame-Options', 'DENY');
    await sendPage(res, pagesDir, 'console.html', null, consolePage);
  });

  return router;
}

/** Sends a built page, with the interview id written in where the page expects it. */
async function sendPage(
  res: express.Response,
  pagesDir: string,
  page: string,
  interviewId: string | null,
  policy: { publicUrl: string; frameAncestors: readonly string[] },
): Promise<void> {
  let html: string;
  try {
    html = await fs.readFile(path.join(pagesDir, page), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new WebNotBuiltError();
    throw error;
  }
  if (interviewId !== null) html = html.replace(INTERVIEW_ID_PLACEHOLDER, interviewId);
  res.set({ 'Cache-Control': 'no-cache', 'Content-Security-Policy': pageSecurityPolicy(html, policy) }).type('html').send(html);
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
