import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiSession } from '../helpers/ApiSession.js';
import { startTestApp, TEST_ADMIN, type TestApp } from '../helpers/startTestApp.js';

/** Sessions, login throttling and the password policy (docs/security.md, ASVS V2 and V3). */
let server: TestApp;
const query = (sql: string, parameters: unknown[] = []) => server.app.database.dataSource.query(sql, parameters);

beforeAll(async () => {
  server = await startTestApp({ loginFailuresPerAccount: 3, loginFailuresPerAddress: 5, loginLockoutMinutes: 15, sessionIdleMinutes: 30 });
});
afterAll(() => server?.close());
beforeEach(async () => {
  await query('DELETE FROM login_failures');
});

function sessionCookie(response: { headers: Headers }): string | undefined {
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith('oi_session='))?.split(';')[0];
}

describe('sessions (ASVS 3.2, 3.3)', () => {
  it('gives a new session id at every login and ends the one the browser still held', async () => {
    const first = await server.login();
    const again = await new ApiSession(server.url, first.cookie).post('/api/auth/login', TEST_ADMIN);
    expect(again.status).toBe(200);
    const second = sessionCookie(again)!;
    expect(second).not.toBe(first.cookie);
    expect((await first.get('/api/auth/me')).status).toBe(401);
    expect((await new ApiSession(server.url, second).get('/api/auth/me')).status).toBe(200);
  });

  it('never adopts a session id the client brought (fixation)', async () => {
    const planted = 'oi_session=attacker-chosen-value';
    const response = await new ApiSession(server.url, planted).post('/api/auth/login', TEST_ADMIN);
    expect(sessionCookie(response)).not.toBe(planted);
    expect((await new ApiSession(server.url, planted).get('/api/auth/me')).status).toBe(401);
  });

  it('stores only a hash of the session token', async () => {
    const session = await server.login();
    const token = session.cookie!.split('=')[1]!;
    const rows: unknown[] = await query('SELECT 1 FROM sessions WHERE token_hash = $1', [token]);
    expect(rows).toHaveLength(0);
  });

  it('ends a session unused for sessionIdleMinutes, and keeps one in use alive', async () => {
    const idle = await server.login();
    const busy = await server.login();
    const hashes: { token_hash: string }[] = await query('SELECT token_hash FROM sessions ORDER BY created_at DESC LIMIT 2');
    expect(hashes).toHaveLength(2);
    await query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = $1`, [hashes[1]!.token_hash]);
    await query(`UPDATE sessions SET last_seen_at = now() - interval '20 minutes' WHERE token_hash = $1`, [hashes[0]!.token_hash]);

    const refused = await idle.get('/api/auth/me');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('unauthenticated');
    expect((await busy.get('/api/auth/me')).status).toBe(200);
    const [touched]: { idle_seconds: number }[] = await query(
      'SELECT extract(epoch FROM now() - last_seen_at)::float AS idle_seconds FROM sessions WHERE token_hash = $1',
      [hashes[0]!.token_hash],
    );
    expect(touched!.idle_seconds).toBeLessThan(60);
  });

  it('ends a session at its absolute expiry even while it is in use', async () => {
    const session = await server.login();
    await query(`UPDATE sessions SET expires_at = now() - interval '1 second', last_seen_at = now()`);
    expect((await session.get('/api/auth/me')).status).toBe(401);
  });

  it('sets the cookie httpOnly, SameSite=Lax, for the whole site, expiring with the session', async () => {
    const response = await server.anonymous().post('/api/auth/login', TEST_ADMIN);
    const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith('oi_session='))!;
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).toMatch(/; Path=\//);
    const expires = Date.parse(/Expires=([^;]+)/.exec(header)![1]!);
    expect(Math.abs(expires - (Date.now() + 12 * 3_600_000))).toBeLessThan(60_000);
  });
});

describe('login throttling (ASVS 2.2.1)', () => {
  const wrong = (username: string) => server.anonymous().post('/api/auth/login', { username, password: 'not-the-password' });

  it('locks an account after loginFailuresPerAccount failures, without checking the password, with Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await wrong(i === 1 ? 'ADMIN' : 'admin')).status).toBe(401);
    const locked = await server.anonymous().post('/api/auth/login', TEST_ADMIN);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('login_locked');
    expect(locked.body.error.message).toMatch(/try again in 15 minute\(s\).*administrator/);
    const retryAfter = Number(locked.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(sessionCookie(locked)).toBeUndefined();
  });

  it('locks an unknown username the same way, so a lock does not reveal which accounts exist', async () => {
    for (let i = 0; i < 3; i++) expect((await wrong('nobody-here')).body.error.code).toBe('invalid_credentials');
    const locked = await wrong('nobody-here');
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('login_locked');
  });

  it('lets the account in again once its failures leave the window, and forgets them on success', async () => {
    for (let i = 0; i < 3; i++) await wrong('admin');
    expect((await server.anonymous().post('/api/auth/login', TEST_ADMIN)).status).toBe(429);
    await query(`UPDATE login_failures SET failed_at = failed_at - interval '15 minutes'`);
    expect((await server.anonymous().post('/api/auth/login', TEST_ADMIN)).status).toBe(200);
    await query(`UPDATE login_failures SET failed_at = now()`);
    const [{ count }]: { count: string }[] = await query(`SELECT count(*) FROM login_failures WHERE username = 'admin'`);
    expect(Number(count)).toBe(0);
  });

  it('refuses an address after loginFailuresPerAddress failures over any usernames', async () => {
    for (let i = 0; i < 5; i++) expect((await wrong(`guess-${i}`)).status).toBe(401);
    const refused = await server.anonymous().post('/api/auth/login', TEST_ADMIN);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('login_rate_limited');
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('counts failures in the database, where every server process sees them', async () => {
    await wrong('admin');
    const rows: { username: string; address: string }[] = await query('SELECT username, address FROM login_failures');
    expect(rows).toEqual([{ username: 'admin', address: expect.stringMatching(/127\.0\.0\.1/) }]);
  });
});

describe('password policy on new and reset passwords (ASVS 2.1)', () => {
  it('refuses weak passwords naming the field, and takes a passphrase', async () => {
    const admin = await server.login();
    const cases: [string, string, RegExp][] = [
      ['policy-short', 'short-pw1', /at least 12 characters/],
      ['policy-common', 'qwerty123456', /most common/],
      ['policy-self', 'policy-self-2026!', /username/],
      ['policy-repeat', 'abcabcabcabcabc', /too few characters/],
    ];
    for (const [username, password, message] of cases) {
      const response = await admin.post('/api/users', { username, password, roles: [] });
      expect(response.status, username).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'invalid_request', field: 'password', message: expect.stringMatching(message) });
    }
    const created = await admin.post('/api/users', { username: 'policy-ok', password: 'three random words here', roles: [] });
    expect(created.status).toBe(201);
    const reset = await admin.post(`/api/users/${created.body.id}/password`, { password: 'password1234' });
    expect(reset.status).toBe(400);
    expect(reset.body.error.field).toBe('password');
    expect((await ApiSession.login(server.url, 'policy-ok', 'three random words here')).cookie).toMatch(/^oi_session=/);
  });
});
