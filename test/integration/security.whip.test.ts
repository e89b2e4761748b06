import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { publishLavfi, type LavfiPublisher } from '../helpers/lavfiPublisher.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * WHIP/WHEP abuse limits (docs/security.md): the node's publisher limit (503 with Retry-After), unguessable session
 * resources, and PATCH/DELETE on session resources limited per address (429 with Retry-After).
 */
let server: TestApp;
let staff: ApiSession;
let publisher: LavfiPublisher | null = null;
type Camera = { id: string; whipUrl: string; token: string };
const cameras: Camera[] = [];

beforeAll(async () => {
  server = await startTestApp({ maxPublishers: 1 });
  staff = await server.login();
  const interviewId = (await staff.post('/api/interviews', { title: '推流上限测试' })).body.id;
  for (const name of ['一号机位', '二号机位']) cameras.push((await staff.post(`/api/interviews/${interviewId}/cameras`, { name })).body);
}, 120_000);

afterAll(async () => {
  await publisher?.stop().catch(() => undefined);
  await server?.close();
});

/** An offer the server never gets to parse when the limit refuses it (and refuses as SDP when it does). */
function offer(camera: Camera): Promise<Response> {
  return fetch(camera.whipUrl, {
    method: 'POST',
    headers: { Authorization: `Bearer ${camera.token}`, 'Content-Type': 'application/sdp' },
    body: 'v=0\r\n',
  });
}

describe('publisher limit (maxPublishers)', () => {
  it('refuses a further camera with 503 publisher_limit and Retry-After, never the camera already publishing', async () => {
    publisher = await publishLavfi(cameras[0]!.whipUrl, cameras[0]!.token);
    const refused = await offer(cameras[1]!);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('Retry-After')).toBe('30');
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('publisher_limit');
    expect(body.error.message).toMatch(/maxPublishers/);

    // The publishing camera offering again (a reconnect) is let through to the SDP checks.
    const again = await offer(cameras[0]!);
    expect(again.status).not.toBe(503);
    expect(again.status).toBeLessThan(500);
  });

  it('takes the other camera once the first stops', async () => {
    await publisher!.stop();
    publisher = null;
    await expect.poll(async () => (await offer(cameras[1]!)).status, { timeout: 20_000 }).not.toBe(503);
  });
});

describe('session resources', () => {
  it('are named by 128 random bits, different at every publish', async () => {
    const locations = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const live = await publishLavfi(cameras[0]!.whipUrl, cameras[0]!.token);
      const sessionId = live.location.split('/').pop()!;
      expect(sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
      locations.add(live.location);
      await live.stop();
    }
    expect(locations.size).toBe(2);
  });

  // The window is fixed (10 s on the clock), so a burst may straddle two: 121 requests hold more than 60 in one.
  it('limit PATCH and DELETE per address: more than 60 in a 10 s window get 429 with Retry-After (WHIP)', async () => {
    const resource = `${cameras[1]!.whipUrl}/AAAAAAAAAAAAAAAAAAAAAA`;
    const statuses: number[] = [];
    for (let i = 0; i < 121 && !statuses.includes(429); i++) {
      const response = await fetch(resource, {
        method: i % 2 === 0 ? 'PATCH' : 'DELETE',
        headers: { Authorization: `Bearer ${cameras[1]!.token}`, 'Content-Type': 'application/trickle-ice-sdpfrag' },
        ...(i % 2 === 0 && { body: 'a=end-of-candidates\r\n' }),
      });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
      } else {
        await response.arrayBuffer();
      }
    }
    expect(statuses.at(-1)).toBe(429);
    // Up to 60 pass in the first window (less the stops above); before that, an unknown session is 404.
    expect(statuses.length).toBeGreaterThan(55);
    expect(statuses.slice(0, -1).every((status) => status === 404)).toBe(true);
  });

  it('limit PATCH and DELETE per address on WHEP monitors too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 121 && !statuses.includes(429); i++) {
      statuses.push((await staff.request('DELETE', '/whep/sessions/AAAAAAAAAAAAAAAAAAAAAA')).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.length).toBeGreaterThan(60);
  });
});
