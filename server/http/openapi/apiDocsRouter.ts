import express from 'express';
import { buildOpenApiDocument } from './buildOpenApiDocument.js';

/** GET /docs (mounted at /api): the OpenAPI document, built once; it changes only with the code. */
export function apiDocsRouter(): express.Router {
  const router = express.Router();
  const document = buildOpenApiDocument();
  router.get('/docs', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(document);
  });
  return router;
}
