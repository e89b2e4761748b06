import express from 'express';
import type { RecordsServices } from '../records/RecordsServices.js';
import { transcriptHtml } from '../records/transcriptHtml.js';
import { transcriptMarkdown } from '../records/transcriptMarkdown.js';
import { NotFoundError } from './httpErrors.js';
import { publicCors } from './publicCors.js';
import { parseId } from './validate.js';

/** The exported HTML page loads nothing but our pictures and its own style. */
const EXPORT_CSP = "default-src 'none'; img-src * data:; style-src 'unsafe-inline'";

/**
 * What portals read after a show (mounted at /api/public): the published transcript (contract C3) as JSON, HTML,
 * Markdown and DOCX, and the published follow-up answers. A draft interview answers as an unknown one.
 */
export function recordsPublicRouter(deps: { records: RecordsServices; corsOrigins: readonly string[] }): express.Router {
  const router = express.Router();
  const cors = publicCors(deps.corsOrigins);
  const filename = (title: string, ext: string) => `${title.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim()}-文字实录.${ext}`;

  router.get('/interviews/:id/transcript', cors, async (req, res) => {
    const json = await deps.records.transcripts.publicJson(parseId(String(req.params.id), 'The interview'));
    res.set('Cache-Control', 'public, max-age=60').json(json);
  });

  router.get('/interviews/:id/transcript.html', cors, async (req, res) => {
    const transcript = await deps.records.transcripts.published(parseId(String(req.params.id), 'The interview'));
    res.type('html').set({ 'Content-Security-Policy': EXPORT_CSP, 'Cache-Control': 'public, max-age=60' }).send(transcriptHtml(transcript));
  });

  router.get('/interviews/:id/transcript.md', cors, async (req, res) => {
    const transcript = await deps.records.transcripts.published(parseId(String(req.params.id), 'The interview'));
    res.type('text/markdown; charset=utf-8').set('Cache-Control', 'public, max-age=60').send(transcriptMarkdown(transcript));
  });

  router.get('/interviews/:id/transcript.docx', cors, async (req, res) => {
    const interviewId = parseId(String(req.params.id), 'The interview');
    const transcript = await deps.records.transcripts.published(interviewId);
    const file = await deps.records.docx.get(interviewId, transcript);
    res.attachment(filename(transcript.title, 'docx')).set('Cache-Control', 'public, max-age=60').send(file);
  });

  router.get('/interviews/:id/follow-ups', cors, async (req, res) => {
    const list = await deps.records.followUps.published(parseId(String(req.params.id), 'The interview'));
    if (list === null) throw new NotFoundError('The interview');
    res.set('Cache-Control', 'public, max-age=60').json({ followUps: list });
  });

  return router;
}
