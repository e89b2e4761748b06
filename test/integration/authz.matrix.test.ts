import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { API_ROUTES } from '../../server/http/openapi/apiRoutes.js';
import { SOCKET_ENDPOINTS } from '../../server/realtime/socketMessages.js';
import type { ApiResponse } from '../helpers/ApiSession.js';
import { World } from '../helpers/authzWorld.js';
import { registeredRoutes } from '../helpers/expressRoutes.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { EXPECTED_ACCESS, PRINCIPALS, type AuthzRequest, type Expected, type Principal } from './authz.access.js';

/**
 * The authorisation matrix (issue 7): every HTTP route the express app registers and every WebSocket endpoint, called
 * by every principal (authz.access.ts), on real PostgreSQL. Each call must get exactly the declared access: allowed →
 * anything but 401/403 (and never a 5xx), refused → 401/403 with a JSON error code, hidden → 404 not_found. Within a
 * route the refused principals go first, so an allowed call that changes the item cannot mask a refusal.
 */
type Verdict = 'allowed' | 'refused' | 'hidden';

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await startTestApp();
  world = await World.create(app);
}, 180_000);
afterAll(async () => {
  await app?.close();
});

const socketKey = (path: string) => `WS ${path}`;

describe('the authorisation matrix covers every endpoint', () => {
  it('has an expected access for every registered route and WebSocket, and nothing else', () => {
    const registered = [...registeredRoutes(app), ...Object.values(SOCKET_ENDPOINTS).map((endpoint) => socketKey(endpoint.path))];
    const declared = Object.keys(EXPECTED_ACCESS);
    expect(registered.filter((route) => !declared.includes(route)), 'routes with no entry in authz.access.ts').toEqual([]);
    expect(declared.filter((route) => !registered.includes(route)), 'entries in authz.access.ts with no route').toEqual([]);
    const documented = API_ROUTES.map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(documented.filter((route) => !registered.includes(route)), 'apiRoutes.ts entries with no route').toEqual([]);
  });
});

/** The principal's request as sent: its cookie (or the camera's bearer token), the netizen's device token. */
async function send(method: string, template: string, expected: Expected, who: Principal): Promise<ApiResponse> {
  const request: AuthzRequest = (await expected.request?.(world, who)) ?? {};
  const path = request.path ?? template.replace(/\{(\w+)\}/g, (_match, name: string) => world.param(name, template));
  const headers: Record<string, string> = { 'X-Device-Token': world.deviceToken, ...request.headers };
  if (who === 'camera') headers['Authorization'] = `Bearer ${world.cameraToken}`;
  const session = world.sessions[who];
  if (request.json !== undefined) return session.request(method, path, { json: request.json, headers });
  if (request.body !== undefined) {
    // ApiSession sends text; a picture or an upload is bytes.
    if (typeof request.body === 'string') return session.request(method, path, { body: request.body, headers });
    if (session.cookie !== null) headers['Cookie'] = session.cookie;
    const response = await fetch(session.baseUrl + path, { method, headers, body: request.body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: response.headers.get('Content-Type')?.includes('json') ? JSON.parse(text) : text };
  }
  const writes = !['GET', 'HEAD', 'OPTIONS', 'DELETE'].includes(method);
  return session.request(method, path, writes ? { json: {}, headers } : { headers });
}

/** Opens the socket as the principal; its upgrade answer's status (101 when it opened). */
function openSocket(template: string, who: Principal): Promise<number> {
  const path = template.replace('{id}', world.interviewId);
  const cookie = world.sessions[who].cookie;
  const ws = new WebSocket(app.url.replace(/^http/, 'ws') + path, {
    headers: { Origin: app.url, ...(cookie !== null && { Cookie: cookie }) },
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

function verdictOf(status: number, body: unknown): string {
  if (status >= 500) return `server error ${status}: ${JSON.stringify(body)}`;
  if (status === 401 || status === 403) {
    const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
    return typeof code === 'string' && code !== '' ? 'refused' : `refused without a JSON error code (${status}: ${JSON.stringify(body)})`;
  }
  if (status === 404 && (body as { error?: { code?: unknown } } | null)?.error?.code === 'not_found') return 'hidden';
  return 'allowed';
}

const entries = Object.entries(EXPECTED_ACCESS).sort(([, a], [, b]) => Number(a.last ?? false) - Number(b.last ?? false));

describe('every principal gets exactly the declared access', () => {
  for (const [route, expected] of entries) {
    it(route, async () => {
      const [method, template] = route.split(' ') as [string, string];
      const want = (who: Principal): Verdict => (expected.allow.includes(who) ? 'allowed' : expected.hidden?.includes(who) ? 'hidden' : 'refused');
      // Refused first (all at once: a refusal changes nothing), then hidden, then allowed one by one: an allowed
      // call may change or remove the item.
      const got: Record<string, string> = {};
      const wanted = Object.fromEntries(PRINCIPALS.map((who) => [who, want(who)]));
      const call = async (who: Principal) => {
        if (method === 'WS') {
          const status = await openSocket(template, who);
          got[who] = status === 101 ? 'allowed' : status === 401 || status === 403 ? 'refused' : status === 404 ? 'hidden' : `status ${status}`;
          return;
        }
        const response = await send(method, template, expected, who);
        const verdict = verdictOf(response.status, response.body);
        // An allowed call may be answered 404 (an item it already removed); only the declared access counts.
        got[who] = verdict === 'hidden' && wanted[who] === 'allowed' ? 'allowed' : verdict;
        if (got[who] !== wanted[who]) got[who] += ` (${response.status} ${JSON.stringify(response.body).slice(0, 200)})`;
      };
      await Promise.all(PRINCIPALS.filter((who) => want(who) === 'refused').map(call));
      await Promise.all(PRINCIPALS.filter((who) => want(who) === 'hidden').map(call));
      for (const who of PRINCIPALS.filter((who) => want(who) === 'allowed')) await call(who);
      expect(got).toEqual(wanted);
    });
  }
});
