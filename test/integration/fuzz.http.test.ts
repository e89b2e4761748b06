import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { registeredRoutes } from '../helpers/expressRoutes.js';
import { createInterview } from '../helpers/qaFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * Input fuzzing (issue 7): malformed bodies (wrong types, huge strings, deep nesting, invalid JSON, wrong content
 * types), headers, query strings, path parameters and SDP thrown at every route the express app registers, as a
 * netizen and as the admin (who gets past the permission checks to the validators). Never a 5xx, never a crash,
 * always a JSON error with a code. fast-check prints the seed and the shrunk request of a failure; rerun it with
 * FUZZ_SEED=<seed>. FUZZ_RUNS raises the number of random requests (default 400: the file stays well under a minute).
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 400);
const SEED = process.env['FUZZ_SEED'] === undefined ? undefined : Number(process.env['FUZZ_SEED']);

let app: TestApp;
let routes: string[];
let adminCookie: string;
/** The camera's WHIP token: sent as `Authorization: Bearer CAMERA_TOKEN`, so SDP reaches the media node's parser. */
let cameraToken: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  const admin = await app.login();
  adminCookie = admin.cookie!;
  ids['id'] = await createInterview(admin, '模糊测试');
  const camera = (await admin.post(`/api/interviews/${ids['id']}/cameras`, { name: '机位' })).body;
  ids['cameraId'] = camera.id;
  cameraToken = camera.token;
  // Not the pages: they are files, their paths take anything and are answered 404 or the page.
  routes = registeredRoutes(app).filter((route) => !/^GET \/(console|demo|watch)/.test(route));
}, 120_000);
afterAll(async () => {
  await app?.close();
});

interface FuzzRequest {
  route: string;
  asAdmin: boolean;
  /** Path parameters replaced by hostile text instead of the fixture's ids. */
  hostileParams: string | null;
  query: string;
  contentType: string | null;
  body: string | null;
  headers: Record<string, string>;
}

function fill(template: string, hostile: string | null): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) =>
    encodeURIComponent(hostile ?? ids[name] ?? (name === 'year' ? '2026' : '00000000-0000-4000-8000-000000000000')),
  );
}

/** Sends one fuzzed request; the answer's status, content type and body. */
async function send(request: FuzzRequest): Promise<{ status: number; type: string; text: string }> {
  const [method, template] = request.route.split(' ') as [string, string];
  const headers: Record<string, string> = { ...request.headers };
  if (headers['Authorization'] === 'Bearer CAMERA_TOKEN') headers['Authorization'] = `Bearer ${cameraToken}`;
  if (request.asAdmin) headers['Cookie'] = adminCookie;
  if (request.contentType !== null) headers['Content-Type'] = request.contentType;
  const withBody = request.body !== null && method !== 'GET' && method !== 'HEAD';
  const response = await fetch(`${app.url}${fill(template, request.hostileParams)}${request.query}`, {
    method,
    headers,
    ...(withBody && { body: request.body }),
  });
  return { status: response.status, type: response.headers.get('Content-Type') ?? '', text: await response.text() };
}

/** Never a 5xx; a refusal is JSON `{error:{code,message}}`. */
function check(answer: { status: number; type: string; text: string }, request: FuzzRequest): void {
  const context = `${request.route} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, context).toBeLessThan(500);
  if (answer.status < 400 || request.route.startsWith('HEAD ')) return;
  expect(answer.type, context).toMatch(/^application\/json/);
  const body = JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, context).toBe('string');
  expect(typeof body.error?.message, context).toBe('string');
}

const text = fc.string({ unit: 'binary', maxLength: 64 });
/** Values of the wrong type where a string, number or object is expected. */
const wrongValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), text, fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 2 }));
const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.dictionary(fc.constantFrom('title', 'body', 'nickname', 'status', 'action', 'roles', 'entries', 'year', 'name', 'guests', 'cameraId', 'questionId', 'answer', 'username', 'password', 'done', 'published', 'organisationIds', '__proto__', 'constructor'), wrongValue, { maxKeys: 5 }).map((value) => JSON.stringify(value)),
);
const brokenJson = fc.constantFrom('{', '{"a":', '[1,2', '{"title":"x",}', "{'a':1}", 'nul', '\u0000', '{"a":"\\ud800"}', '"', '{}}');
const deepNesting = fc.integer({ min: 500, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth));
const deepObject = fc.integer({ min: 500, max: 5_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
const hugeString = fc.integer({ min: 90_000, max: 400_000 }).map((length) => JSON.stringify({ title: '访'.repeat(length / 3), body: 'x'.repeat(length) }));
const sdp = fc.oneof(
  fc.constant('v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 H264/90000\r\n'),
  fc.array(fc.constantFrom('v=0', 'm=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=rtpmap:111 opus/48000/2', 'a=ice-ufrag:', 'a=fingerprint:sha-256 zz', 'a=mid:', 'a=setup:actpass', 'a=sendonly', 'c=IN IP4 x', 'm=video 0 RTP/AVP', 'a=candidate:1 1 udp 1 1.1.1.1 1 typ host'), { maxLength: 12 }).map((lines) => lines.join('\r\n')),
  text,
);
const body = fc.oneof(jsonBody, brokenJson, deepNesting, deepObject, hugeString, sdp, text);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/sdp',
  'application/trickle-ice-sdpfrag',
  'image/png',
  'text/csv',
  'application/octet-stream',
  '',
  ';;;',
  null,
);
const query = fc.oneof(
  fc.constant(''),
  fc.dictionary(fc.constantFrom('year', 'since', 'limit', 'status', 'x', 'year[]', '__proto__'), text, { maxKeys: 3 }).map((entries) => `?${new URLSearchParams(entries)}`),
  fc.constantFrom('?year=-1', '?year=99999999999999999999', '?year=2026&year=2027', '?year[a]=1', '?%', '?year=%E0%A4%A'),
);
const headers = fc.record(
  {
    'X-Device-Token': text.filter((value) => /^[\x20-\x7e]*$/.test(value)),
    'If-Match': fc.constantFrom('*', '"x"', 'W/"x"', ''),
    Authorization: fc.constantFrom('Bearer CAMERA_TOKEN', 'Bearer CAMERA_TOKEN', 'Bearer ', 'Bearer x', 'Basic Zm9vOmJhcg==', 'Bearer ' + 'a'.repeat(5000)),
    'Accept-Language': fc.constantFrom('zh-CN', 'en', '*', ';q=x'),
  },
  { requiredKeys: [] },
);
const hostile = fc.oneof(fc.constant(null), fc.constant(null), text.filter((value) => value !== ''), fc.constantFrom('..', '../..', '%00', ' ', 'a'.repeat(2000)));

const request = (routeList: string[]) =>
  fc.record({
    route: fc.constantFrom(...routeList),
    asAdmin: fc.boolean(),
    hostileParams: hostile,
    query,
    contentType,
    body: fc.option(body, { nil: null }),
    headers,
  });

describe('fuzzing every route', () => {
  it('answers each hostile body kind at every route with a JSON error, never a 5xx', async () => {
    const kinds: [string, string | null, string][] = [
      ['invalid JSON', 'application/json', '{"title": "x",'],
      ['deep nesting', 'application/json', '['.repeat(20_000) + ']'.repeat(20_000)],
      ['a huge string', 'application/json', JSON.stringify({ title: 'x'.repeat(300_000) })],
      ['a form post', 'application/x-www-form-urlencoded', 'title=x&status=live'],
      ['an array where an object goes', 'application/json', '[{"title":1}]'],
    ];
    for (const route of routes) {
      const requests = kinds.flatMap(([, type, payload]) =>
        [false, true].map((asAdmin): FuzzRequest => ({ route, asAdmin, hostileParams: null, query: '', contentType: type, body: payload, headers: {} })),
      );
      for (const [fuzz, answer] of await Promise.all(requests.map(async (fuzz) => [fuzz, await send(fuzz)] as const))) check(answer, fuzz);
    }
  }, 180_000);

  it('answers random malformed requests with a JSON error, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(request(routes), async (fuzz) => {
        check(await send(fuzz), fuzz);
      }),
      { numRuns: RUNS, ...(SEED !== undefined && { seed: SEED }), endOnFailure: true },
    );
  }, 180_000);

  it('closes a socket that sends anything but a hello, never with a server error', async () => {
    // A fresh login: the routes fuzzed above include signing out, which may have ended the first one.
    const staffCookie = (await app.login()).cookie!;
    const message = fc.oneof(text, jsonBody, brokenJson, fc.uint8Array({ maxLength: 2048 }), fc.constant(JSON.stringify({ type: 'hello', since: -1 })), hugeString);
    await fc.assert(
      fc.asyncProperty(message, fc.boolean(), async (data, staffSocket) => {
        const path = staffSocket ? `/api/interviews/${ids['id']}/staff-events` : `/api/public/interviews/${ids['id']}/events`;
        const ws = new WebSocket(app.url.replace(/^http/, 'ws') + path, { headers: staffSocket ? { Cookie: staffCookie, Origin: app.url } : {} });
        const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
        await new Promise((resolve, reject) => {
          ws.once('open', resolve);
          ws.once('error', reject);
        });
        ws.send(data);
        const code = await closed;
        // 4400: not a hello (socketMessages.ts); 1009: over the 1 kB a client may send. Never 1011 (server error).
        expect([4400, 1009], `closed with ${code}`).toContain(code);
      }),
      { numRuns: Math.ceil(RUNS / 10), ...(SEED !== undefined && { seed: SEED }), endOnFailure: true },
    );
  }, 120_000);

  it('is still up and serving afterwards', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect((await app.anonymous().get(`/api/public/interviews/${ids['id']}`)).status).toBe(200);
  });
});
