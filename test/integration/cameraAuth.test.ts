import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

let server: TestApp;
let staff: ApiSession;
let interviewId: string;
beforeAll(async () => {
  server = await startTestApp();
  staff = await server.login();
  interviewId = (await staff.post('/api/interviews', { title: '令牌测试' })).body.id;
});
afterAll(() => server?.close());

async function addCamera(name: string): Promise<{ id: string; token: string }> {
  return (await staff.post(`/api/interviews/${interviewId}/cameras`, { name })).body;
}

describe('authenticateCamera', () => {
  it("accepts the camera's token and names its interview", async () => {
    const camera = await addCamera('A');
    expect(await server.app.authenticateCamera(camera.id, camera.token)).toEqual({ cameraId: camera.id, interviewId });
  });

  it('refuses a wrong token, another camera’s token, a "Bearer "-prefixed token and nonsense ids', async () => {
    const camera = await addCamera('B');
    const other = await addCamera('C');
    const authenticate = server.app.authenticateCamera;
    expect(await authenticate(camera.id, `${camera.token.slice(0, -1)}x`)).toBeNull();
    expect(await authenticate(camera.id, other.token)).toBeNull();
    expect(await authenticate(camera.id, `Bearer ${camera.token}`)).toBeNull();
    expect(await authenticate(camera.id, '')).toBeNull();
    expect(await authenticate('00000000-0000-4000-8000-000000000000', camera.token)).toBeNull();
    expect(await authenticate('not-a-uuid', camera.token)).toBeNull();
  });

  it('stops accepting a removed camera', async () => {
    const camera = await addCamera('D');
    const studio = (await staff.post(`/api/cameras/${camera.id}/studio-token`)).body;
    await staff.delete(`/api/cameras/${camera.id}`);
    expect(await server.app.authenticateCamera(camera.id, camera.token)).toBeNull();
    expect(await server.app.authenticateCamera(camera.id, studio.token)).toBeNull();
  });

  it('accepts only the new token after regeneration', async () => {
    const camera = await addCamera('E');
    const { token } = (await staff.post(`/api/cameras/${camera.id}/token`)).body;
    expect(await server.app.authenticateCamera(camera.id, camera.token)).toBeNull();
    expect(await server.app.authenticateCamera(camera.id, token)).toEqual({ cameraId: camera.id, interviewId });
  });

  it('accepts a studio token for its own camera until it expires', async () => {
    const camera = await addCamera('F');
    const other = await addCamera('G');
    const studio = (await staff.post(`/api/cameras/${camera.id}/studio-token`)).body;
    expect(await server.app.authenticateCamera(camera.id, studio.token)).toEqual({ cameraId: camera.id, interviewId });
    expect(await server.app.authenticateCamera(other.id, studio.token)).toBeNull();
    // The camera's own token keeps working beside it.
    expect(await server.app.authenticateCamera(camera.id, camera.token)).not.toBeNull();

    await server.app.database.dataSource.query(
      `UPDATE camera_studio_tokens SET expires_at = now() - interval '1 second' WHERE camera_id = $1`,
      [camera.id],
    );
    expect(await server.app.authenticateCamera(camera.id, studio.token)).toBeNull();
  });

  it('stores only hashes', async () => {
    const camera = await addCamera('H');
    const studio = (await staff.post(`/api/cameras/${camera.id}/studio-token`)).body;
    const dump = JSON.stringify(
      await server.app.database.dataSource.query(
        `SELECT c.token_hash, s.token_hash AS studio_hash FROM cameras c JOIN camera_studio_tokens s ON s.camera_id = c.id WHERE c.id = $1`,
        [camera.id],
      ),
    );
    expect(dump).not.toContain(camera.token);
    expect(dump).not.toContain(studio.token);
    expect(dump).toMatch(/[0-9a-f]{64}/);
  });
});
