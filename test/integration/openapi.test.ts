import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES, API_TAGS } from '../../server/http/openapi/apiRoutes.js';
import { registeredRoutes } from '../helpers/expressRoutes.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/** The HTML pages and their assets: not part of the JSON API, so not in the document. */
const PAGES = ['GET /demo', 'GET /watch/{id}', 'GET /console', 'GET /console/{path}'];

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, Record<string, unknown>> };
}

let server: TestApp;
let document: OpenApiDocument;

beforeAll(async () => {
  server = await startTestApp();
  document = (await server.anonymous().get('/api/docs')).body as OpenApiDocument;
});
afterAll(async () => {
  await server?.close();
});

describe('GET /api/docs', () => {
  it('serves an OpenAPI 3.1 document, public and cacheable', async () => {
    const response = await server.anonymous().get('/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBeTruthy();
    expect(Object.keys(document.paths).length).toBeGreaterThan(0);
    expect(document.tags.map((tag) => tag.name)).toEqual(Object.keys(API_TAGS));
    expect(document.components.schemas).toHaveProperty('Error');
    expect(document.components.securitySchemes['session']).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'oi_session' });
    expect(document.components.securitySchemes['whipBearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents exactly the routes the express app registers', () => {
    const all = registeredRoutes(server);
    // The pages left out must exist, or the list would hide a route that is gone.
    expect(all).toEqual(expect.arrayContaining(PAGES));
    const registered = all.filter((route) => !PAGES.includes(route));
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(registered.length).toBeGreaterThan(30);
    expect([...new Set(registered)].sort()).toEqual(documented.sort());
  });

  it('takes the request bodies from the schemas the routers validate with', () => {
    const withBodies = API_ROUTES.filter((route) => route.body);
    expect(withBodies.length).toBeGreaterThan(5);
    for (const route of withBodies) {
      const schema = document.paths[route.path]![route.method]!.requestBody!.content['application/json']!.schema;
      const requiresFields = (Array.isArray(schema['required']) && schema['required'].length > 0) || 'oneOf' in schema || 'anyOf' in schema;
      // A body with required fields must refuse an empty object; one of optional settings only must take it.
      expect(route.body!.safeParse({}).success, `${route.method} ${route.path}`).toBe(!requiresFields);
    }
  });

  it('answers a documented body refusal as documented', async () => {
    const response = await server.anonymous().post('/api/auth/login', {});
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect(Object.keys(document.paths['/api/auth/login']!['post']!)).toContain('requestBody');
  });
});
