import type { RequestHandler } from 'express';
import { HttpError } from './httpErrors.js';

/**
 * The paths only the media node answers: they drive mediasoup or FFmpeg, or read and write its data directory
 * (cameras, monitors, the program and overlays, status moves and ending a show, recordings, clips and exports, uploaded
 * pictures and photos, every file under /media/). docs/nginx.conf routes exactly these to the media node; a unit test
 * keeps the two in step.
 */
export const MEDIA_NODE_PATHS: readonly RegExp[] = [
  /^\/(whip|whep)\//,
  /^\/media\//,
  /^\/api\/interviews\/[0-9a-fA-F-]{36}\/(program|overlays|media-status|cameras|end|status|recordings|clips|exports|images|portraits|transcript\/build)(\/|$)/,
  /^\/api\/cameras\//,
];

export function isMediaNodePath(pathname: string): boolean {
  return MEDIA_NODE_PATHS.some((pattern) => pattern.test(pathname));
}

/**
 * For an API process (setting role api): a media-node path that reached it was misrouted by the proxy. 503 with a code
 * rather than a half-answer from a process that holds no camera and no files.
 */
export function refuseMediaNodePaths(): RequestHandler {
  return (req, _res, next) => {
    if (!isMediaNodePath(req.path)) {
      next();
      return;
    }
    next(
      new HttpError(
        503,
        'media_node_elsewhere',
        'This server process runs the API only (setting role api); the media node answers this address. Route it to the media node as docs/nginx.conf does.',
      ),
    );
  };
}
