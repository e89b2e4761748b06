import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

let server: TestApp;
let staff: ApiSession;
beforeAll(async () => {
  server = await startTestApp();
  staff = await server.login();
});
afterAll(() => server?.close());

async function upload(bytes: Uint8Array, cookie: string | null) {
  const response = await fetch(`${server.url}/api/preflight/upload`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', ...(cookie ? { Cookie: cookie } : {}) },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: await response.json() };
}

describe('POST /api/preflight/upload', () => {
  it('reads and counts the bytes for a logged-in user', async () => {
    const answer = await upload(crypto.randomBytes(2 * 1024 * 1024), staff.cookie);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ bytes: 2 * 1024 * 1024, receiveMs: expect.any(Number) });
  });

  it('refuses anonymous callers and bodies over 4 MB, saying why', async () => {
    expect((await upload(new Uint8Array(10), null)).body.error.code).toBe('unauthenticated');
    const big = await upload(new Uint8Array(5 * 1024 * 1024), staff.cookie);
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/4 MB/) });
  });
});
