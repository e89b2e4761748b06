import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { apiSecurityPolicy } from '../helpers/apiSecurityPolicy.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * Security headers, CSRF defence, CORS allowlist and uploads (docs/security.md, ASVS V14.4, V4.2.2, V12, V13).
 * One app over http with the default corsOrigins (*), one with an https publicUrl and an allowlist.
 */
let server: TestApp;
let staff: ApiSession;
let interviewId: string;

beforeAll(async () => {
  server = await startTestApp();
  staff = await server.login();
  interviewId = (await staff.post('/api/interviews', { title: '安全响应头测试' })).body.id;
}, 120_000);
afterAll(() => server?.close());

describe('headers on every answer', () => {
  it('JSON: a policy that allows nothing, nosniff, no-referrer, no X-Powered-By, no HSTS over http', async () => {
    const response = await staff.get('/api/auth/me');
    expect(response.headers.get('Content-Security-Policy')).toBe(apiSecurityPolicy(server.app.publicUrl));
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(response.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
    expect(response.headers.get('X-Powered-By')).toBeNull();
    expect(response.headers.get('Strict-Transport-Security')).toBeNull();
  });

  it('lets other sites embed only what portals embed (Cross-Origin-Resource-Policy)', async () => {
    for (const path of ['/api/public/interviews', '/media/interviews/00000000-0000-4000-8000-000000000000/hls/index.m3u8']) {
      expect((await fetch(server.url + path)).headers.get('Cross-Origin-Resource-Policy'), path).toBe('cross-origin');
    }
  });
});

describe('CSRF defence on cookie-authenticated writes', () => {
  const evil = 'https://evil.example';

  it('refuses changes from another origin on JSON, raw-body and body-less routes, and takes the same from its own', async () => {
    const own = new URL(server.app.publicUrl).origin;
    const jpeg = new Uint8Array(await sharp({ create: { width: 40, height: 50, channels: 3, background: '#888' } }).jpeg().toBuffer());
    const attempts: [string, string, Record<string, string>, string | Uint8Array<ArrayBuffer> | undefined][] = [
      ['POST', '/api/interviews', { 'Content-Type': 'application/json' }, JSON.stringify({ title: 'x' })],
      ['POST', `/api/interviews/${interviewId}/portraits`, { 'Content-Type': 'image/jpeg' }, jpeg],
      ['POST', '/api/auth/logout', {}, undefined],
    ];
    for (const [method, path, headers, body] of attempts) {
      const refused = await fetch(server.url + path, { method, headers: { ...headers, Cookie: staff.cookie!, Origin: evil }, body });
      expect(refused.status, path).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden_origin');
    }
    for (const [method, path, headers, body] of attempts.slice(0, 2)) {
      const accepted = await fetch(server.url + path, { method, headers: { ...headers, Cookie: staff.cookie!, Origin: own }, body });
      expect(accepted.status, path).toBe(201);
    }
  });

  it('refuses a cross-site request whose Origin a proxy dropped, by Sec-Fetch-Site', async () => {
    const response = await staff.post('/api/interviews', { title: 'x' }, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden_origin');
    expect((await staff.post('/api/interviews', { title: 'x' }, { headers: { 'Sec-Fetch-Site': 'same-origin' } })).status).toBe(201);
  });

  it('refuses the bodies a cross-site form can send (urlencoded, multipart, text/plain), even without Origin', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
      const response = await staff.request('POST', '/api/interviews', { body: 'title=x', headers: { 'Content-Type': type } });
      expect(response.status, type).toBe(415);
      expect(response.body.error.code).toBe('unsupported_media_type');
    }
  });

  it('answers no CORS preflight for the staff API, so another origin cannot send JSON with cookies', async () => {
    const response = await fetch(`${server.url}/api/interviews`, {
      method: 'OPTIONS',
      headers: { Origin: evil, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });
});

describe('uploads', () => {
  it('refuses a file that is not the picture its type claims, and serves pictures re-encoded with safe headers', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const spoofed = await staff.request('POST', `/api/interviews/${interviewId}/portraits`, {
      body: html.toString(),
      headers: { 'Content-Type': 'image/jpeg' },
    });
    expect(spoofed.status).toBeGreaterThanOrEqual(400);
    expect(spoofed.status).toBeLessThan(500);
    expect(spoofed.body.error.code).toMatch(/image/);

    const png = await sharp({ create: { width: 40, height: 50, channels: 3, background: '#468' } }).png().toBuffer();
    const uploaded = await fetch(`${server.url}/api/interviews/${interviewId}/portraits`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/png', Cookie: staff.cookie! },
      body: png,
    });
    expect(uploaded.status).toBe(201);
    const { photoUrl } = (await uploaded.json()) as { photoUrl: string };
    const served = await fetch(photoUrl.replace(server.app.publicUrl, server.url), { headers: { Cookie: staff.cookie! } });
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe('image/jpeg');
    expect(served.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(served.headers.get('Content-Security-Policy')).toMatch(/sandbox/);
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });
});

describe('behind TLS, with a CORS allowlist', () => {
  let secure: TestApp;
  beforeAll(async () => {
    secure = await startTestApp({ publicUrl: 'https://interview.example.gov.cn', corsOrigins: ['https://www.example.gov.cn'] });
  }, 120_000);
  afterAll(() => secure?.close());

  it('sends HSTS for this host only, and upgrades the pages’ insecure requests', async () => {
    const response = await fetch(`${secure.url}/api/public/interviews`);
    expect(response.headers.get('Strict-Transport-Security')).toBe('max-age=31536000');
  });

  it('lets the listed portal read the public API, no other origin, and never the staff API', async () => {
    const listed = await fetch(`${secure.url}/api/public/interviews`, { headers: { Origin: 'https://www.example.gov.cn' } });
    expect(listed.headers.get('Access-Control-Allow-Origin')).toBe('https://www.example.gov.cn');
    const other = await fetch(`${secure.url}/api/public/interviews`, { headers: { Origin: 'https://evil.example' } });
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const staffApi = await fetch(`${secure.url}/api/auth/me`, { headers: { Origin: 'https://www.example.gov.cn' } });
    expect(staffApi.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
