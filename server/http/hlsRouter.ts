import path from 'node:path';
import express from 'express';
import { HlsFileCache } from './HlsFileCache.js';
import { NotFoundError } from './httpErrors.js';
import { publicCors } from './publicCors.js';
import { parseId } from './validate.js';

/** The files of an HLS program: content type and how long players and CDNs may cache them. */
const HLS_FILES: Record<string, { type: string; cacheControl: string }> = {
  // The live playlist changes every segment: always revalidate.
  '.m3u8': { type: 'application/vnd.apple.mpegurl', cacheControl: 'no-cache' },
  // Segments never change once listed.
  '.ts': { type: 'video/mp2t', cacheControl: 'public, max-age=86400' },
  '.m4s': { type: 'video/iso.segment', cacheControl: 'public, max-age=86400' },
  '.mp4': { type: 'video/mp4', cacheControl: 'public, max-age=86400' },
};

/**
 * GET /interviews/:id/hls/<file> from `<dataDir>/interviews/<id>/hls/`. Only that folder is served: recordings
 * beside it stay private. Plain static files, so any proxy or CDN in front can cache them. Whole-file requests are
 * answered from HlsFileCache (checked against the disk each time); range requests and big files stream from disk.
 */
export function hlsRouter(deps: { dataDir: string; corsOrigins: readonly string[] }): express.Router {
  const router = express.Router();
  const cache = new HlsFileCache();
  router.use(publicCors(deps.corsOrigins));

  router.get('/interviews/:id/hls/*file', async (req, res, next) => {
    const id = parseId(req.params.id, 'The interview');
    const segments = (req.params as { file: string[] }).file;
    // No way out of the folder, and no hidden files (as express's dotfiles: 'deny').
    if (segments.some((segment) => segment.startsWith('.') || segment.includes('/') || segment.includes('\\') || segment.includes('\0'))) {
      throw new NotFoundError('The file');
    }
    const file = segments.join('/');
    const kind = HLS_FILES[path.extname(file)];
    if (!kind) throw new NotFoundError('The file');
    const root = path.join(deps.dataDir, 'interviews', id, 'hls');
    res.set({ 'Content-Type': kind.type, 'Cache-Control': kind.cacheControl });
    const cached = req.headers.range === undefined ? await cache.read(path.join(root, file)) : 'too-big';
    if (cached === null) throw new NotFoundError('The file');
    if (cached !== 'too-big') {
      res.set({ 'Accept-Ranges': 'bytes', ETag: cached.etag, 'Last-Modified': cached.lastModified });
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      res.set('Content-Length', String(cached.body.length));
      res.status(200).end(req.method === 'HEAD' ? undefined : cached.body);
      return;
    }
    res.sendFile(file, { root, dotfiles: 'deny' }, (error) => {
      if (!error) return;
      if ((error as { status?: number }).status === 404) next(new NotFoundError('The file'));
      // A player that moved on (a phone leaving the page, a seek) closed the connection mid-file: nothing to answer, and
      // not a server error worth a log line each.
      else if ((error as { code?: string }).code === 'ECONNABORTED' || res.headersSent) res.destroy();
      else next(error);
    });
  });

  return router;
}
