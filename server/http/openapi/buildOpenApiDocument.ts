import { z } from 'zod';
import { SESSION_COOKIE } from '../sessionCookie.js';
import { API_ROUTES, API_TAGS, ERROR_STATUS, type ApiRoute } from './apiRoutes.js';

const ERROR_REF = { $ref: '#/components/schemas/Error' };

/** OpenAPI 3.1 for every route in API_ROUTES; the request bodies are the routers' own zod schemas. */
export function buildOpenApiDocument(): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of API_ROUTES) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'online-interview HTTP API',
      version: '0.1.0',
      description:
        'Errors are `{ "error": { "code", "message", "field"? } }`. Writes under /api are accepted only from the server\'s own ' +
        'origin; JSON bodies need `Content-Type: application/json` and are at most 100 kB.',
    },
    tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', description: 'Stable, for programs' },
                message: { type: 'string', description: 'For people' },
                field: { type: 'string', description: 'The invalid field or header, for invalid_request' },
              },
            },
          },
        },
      },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/auth/login' },
        whipBearer: { type: 'http', scheme: 'bearer', description: "A camera's token or a studio token" },
      },
    },
  };
}

function operation(route: ApiRoute): object {
  const parameters: object[] = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (route.deviceToken) {
    parameters.push({
      name: 'X-Device-Token',
      in: 'header',
      required: true,
      description: "The netizen's device token: 32–128 URL-safe characters the browser keeps",
      schema: { type: 'string', minLength: 32, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' },
    });
  }
  return {
    tags: [route.tag],
    summary: route.summary,
    operationId: `${route.method} ${route.path}`,
    ...(parameters.length > 0 && { parameters }),
    ...(route.auth === 'none' ? { security: [] } : { security: [route.auth === 'session' ? { session: [] } : { whipBearer: [] }] }),
    ...(route.body && { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } }),
    ...(route.rawBody && {
      requestBody: {
        required: true,
        description: route.rawBody.description,
        content: Object.fromEntries(route.rawBody.contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
      },
    }),
    responses: { [route.success.status]: success(route), ...errorResponses(route) },
  };
}

/** The body as a client sends it: the input side, since the routers' transforms (trimming, defaults) happen after. */
function jsonSchema(schema: z.ZodType): object {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest;
}

function success(route: ApiRoute): object {
  const { status, description, contentType } = route.success;
  if (status === 204) return { description };
  return { description, content: { [contentType ?? 'application/json']: {} } };
}

/** One response per status, naming the codes this route can answer with it. */
function errorResponses(route: ApiRoute): Record<string, object> {
  const byStatus = new Map<number, Set<string>>();
  for (const code of route.errors) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      status,
      { description: [...codes].map((code) => `\`${code}\``).join(', '), content: { 'application/json': { schema: ERROR_REF } } },
    ]),
  );
}
