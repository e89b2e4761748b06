import { z } from 'zod';
import { serverMessage, helloMessage, SOCKET_ENDPOINTS } from '../../realtime/socketMessages.js';
import { SESSION_COOKIE } from '../sessionCookie.js';
import { API_ROUTES, API_TAGS, ERROR_STATUS, type ApiRoute, type ErrorCode } from './apiRoutes.js';

const ERROR_REF = { $ref: '#/components/schemas/Error' };

const COMPONENT_REF = '#/components/schemas/';

/**
 * OpenAPI 3.1 for every route in API_ROUTES; the request bodies are the routers' own zod schemas, the answers the
 * Q&A's response schemas (qaResponseSchemas.ts). Named schemas (`.meta({ id })`) become components. The WebSocket
 * endpoints, which OpenAPI cannot describe, are listed under `x-websockets` with their messages as components.
 */
export function buildOpenApiDocument(): object {
  // Referencing the socket messages registers them (with everything they use) before the components are built.
  const socketSchemas = { in: [helloMessage], out: serverMessage.options };
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
        'origin; JSON bodies need `Content-Type: application/json` and are at most 100 kB.\n\n' +
        'WebSocket endpoints (see `x-websockets`): ' +
        Object.values(SOCKET_ENDPOINTS)
          .map((endpoint) => `\`${endpoint.path}\` — ${endpoint.description}`)
          .join(' ') +
        ' The client sends `SocketHello` once; the server sends `SocketInterview` first, then after the hello the ' +
        'missed `SocketQaEvent`s in seq order, `SocketQaSynced`, and from then on each new event and `SocketViewers`.',
    },
    tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
    paths,
    'x-websockets': Object.values(SOCKET_ENDPOINTS).map((endpoint) => ({
      ...endpoint,
      messagesIn: socketSchemas.in.map(componentRef),
      messagesOut: socketSchemas.out.map(componentRef),
    })),
    components: {
      schemas: {
        ...namedSchemas(),
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
  const { status, description, contentType, schema } = route.success;
  if (status === 204) return { description };
  return { description, content: { [contentType ?? 'application/json']: schema ? { schema: responseSchema(schema) } : {} } };
}

/** An answer as the server sends it (the output side); its named parts refer to the components. */
function responseSchema(schema: z.ZodType): object {
  const { $schema: _dialect, $defs: _named, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', `"${COMPONENT_REF}`)) as object;
}

/** Every schema given an id (`.meta({ id })`), as OpenAPI components. */
function namedSchemas(): Record<string, object> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { io: 'output', unrepresentable: 'any', uri: (id) => `${COMPONENT_REF}${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]),
  );
}

/** `{ $ref }` to a named schema's component. */
function componentRef(schema: z.ZodType): { $ref: string } {
  const id = z.globalRegistry.get(schema)?.id;
  if (id === undefined) throw new Error('a WebSocket message schema needs .meta({ id })');
  return { $ref: `${COMPONENT_REF}${id}` };
}

/** One response per status, naming the codes this route can answer with it. */
function errorResponses(route: ApiRoute): Record<string, object> {
  const byStatus = new Map<number, Set<string>>();
  // Whatever reads or writes PostgreSQL answers database_unavailable while it cannot be reached (docs/operations.md).
  const database: ErrorCode[] = /^\/(api|whip|whep)\//.test(route.path) ? ['database_unavailable'] : [];
  for (const code of [...route.errors, ...database]) {
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
