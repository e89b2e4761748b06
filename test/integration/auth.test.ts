import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAdmin } from '../../server/auth/bootstrapAdmin.js';
import { Database } from '../../server/db/Database.js';
import { UserRepository } from '../../server/db/UserRepository.js';
import { ApiSession } from '../helpers/ApiSession.js';
import { createTestDatabase } from '../helpers/createTestDatabase.js';
import { startTestApp, TEST_ADMIN, type TestApp } from '../helpers/startTestApp.js';

let server: TestApp;
beforeAll(async () => {
  server = await startTestApp();
});
afterAll(() => server?.close());

describe('POST /api/auth/login', () => {
  it('logs in with the right password and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const response = await server.anonymous().post('/api/auth/login', TEST_ADMIN);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ user: { id: expect.any(String), username: 'admin', role: 'admin' } });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('oi_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    for (const credentials of [
      { username: 'admin', password: 'wrong password' },
      { username: 'nobody', password: TEST_ADMIN.password },
    ]) {
      const response = await server.anonymous().post('/api/auth/login', credentials);
      expect(response.status).toBe(401);
      expect(response.body.error).toEqual({ code: 'invalid_credentials', message: 'Wrong username or password.' });
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });

  it('names the missing field', async () => {
    const response = await server.anonymous().post('/api/auth/login', { username: 'admin' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'invalid_request', field: 'password' });
    expect(response.body.error.message).toMatch(/password/);
  });

  it('wants JSON', async () => {
    const form = await server.anonymous().request('POST', '/api/auth/login', {
      body: 'username=admin&password=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe('unsupported_media_type');
    const broken = await server.anonymous().request('POST', '/api/auth/login', {
      body: '{"username":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
  });
});

describe('GET /api/auth/me and POST /api/auth/logout', () => {
  it('answers 401 unauthenticated without a session, or with an unknown one', async () => {
    for (const session of [server.anonymous(), new ApiSession(server.url, 'oi_session=forged')]) {
      const response = await session.get('/api/auth/me');
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthenticated');
    }
  });

  it('knows the logged-in user until logout', async () => {
    const session = await server.login();
    expect((await session.get('/api/auth/me')).body).toEqual({ user: { id: expect.any(String), username: 'admin', role: 'admin' } });

    const logout = await session.post('/api/auth/logout');
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie()[0]).toMatch(/^oi_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await session.get('/api/auth/me')).status).toBe(401);
  });

  it('ends a session when it expires', async () => {
    const session = await server.login();
    await server.app.database.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second'`);
    expect((await session.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses changes posted by a page of another site', async () => {
    const session = await server.login();
    const response = await session.post('/api/interviews', { title: 'x' }, { headers: { Origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden_origin');
    const own = await session.post('/api/interviews', { title: 'x' }, { headers: { Origin: new URL(server.app.publicUrl).origin } });
    expect(own.status).toBe(201);
  });
});

describe('session cookie over https', () => {
  it('is Secure when publicUrl is https', async () => {
    const secure = await startTestApp({ publicUrl: 'https://interview.example.gov.cn' });
    try {
      const response = await secure.anonymous().post('/api/auth/login', TEST_ADMIN);
      expect(response.headers.getSetCookie()[0]).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });
});

describe('bootstrapAdmin', () => {
  it('creates "admin" with a random password printed once in a box, and does nothing once a user exists', async () => {
    const logged: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(line) });
    const database = await Database.open({ databaseUrl: await createTestDatabase(), dataDir: server.dataDir, embeddedPgPort: 1 }, logger);
    try {
      const users = new UserRepository(database.dataSource);
      const printed: string[] = [];
      await bootstrapAdmin({ users, adminPassword: undefined, logger, print: (text) => printed.push(text) });
      expect(printed).toHaveLength(1);
      const password = /Password: (\S+)/.exec(printed[0]!)?.[1];
      expect(password).toMatch(/^[\w-]{24}$/);
      expect(printed[0]).toMatch(/┌─+┐/);
      expect(logged.join('')).not.toContain(password);
      expect(await users.count()).toBe(1);

      await bootstrapAdmin({ users, adminPassword: undefined, logger, print: (text) => printed.push(text) });
      expect(printed).toHaveLength(1);
      expect(await users.count()).toBe(1);
    } finally {
      await database.close();
    }
  });
});
