import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN, type TestApp } from '../helpers/startTestApp.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let server: TestApp;
beforeAll(async () => {
  server = await startTestApp();
});
afterAll(() => server?.close());

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source, as `online-interview` would run from dist. */
function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/cli/main.ts', ...args],
      { cwd: repoRoot, env: { PATH: process.env['PATH'], ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const login = () => ['--server', server.url, '--user', TEST_ADMIN.username, '--password', TEST_ADMIN.password];

// Each case spawns a Node process: run them side by side.
describe.concurrent('online-interview CLI', () => {
  it('creates an interview and prints one JSON object', async () => {
    const result = await cli([
      ...login(),
      'interview',
      'create',
      '--title',
      '乡村振兴政策解读',
      '--department',
      '县农业农村局',
      '--starts-at',
      '2026-06-01T10:00:00+08:00',
      '--guest',
      '张伟:县农业农村局局长',
      '--guest',
      '刘芳：副局长',
      '--json',
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const interview = JSON.parse(result.stdout);
    expect(interview).toMatchObject({
      id: expect.any(String),
      title: '乡村振兴政策解读',
      status: 'scheduled',
      startsAt: '2026-06-01T02:00:00.000Z',
      department: '县农业农村局',
      guests: [
        { name: '张伟', position: '县农业农村局局长' },
        { name: '刘芳', position: '副局长' },
      ],
      hlsUrl: null,
      pageUrl: `${server.app.publicUrl}/watch/${interview.id}`,
    });

    const shown = await cli([...login(), 'interview', 'show', interview.id, '--json']);
    expect(JSON.parse(shown.stdout)).toEqual(interview);
  });

  it('adds a camera whose token works, reading the connection from the environment', async () => {
    const env = { OI_SERVER: server.url, OI_USER: TEST_ADMIN.username, OI_PASSWORD: TEST_ADMIN.password };
    const interview = JSON.parse((await cli(['interview', 'create', '--title', '机位', '--json'], env)).stdout);
    const result = await cli(['camera', 'add', interview.id, '--name', '主机位', '--json'], env);
    expect(result.code).toBe(0);
    const camera = JSON.parse(result.stdout);
    expect(Object.keys(camera).sort()).toEqual(['id', 'name', 'token', 'whipUrl']);
    expect(camera.whipUrl).toBe(`${server.app.publicUrl}/whip/${camera.id}`);
    expect(await server.app.authenticateCamera(camera.id, camera.token)).toEqual({ cameraId: camera.id, interviewId: interview.id });

    const human = await cli(['camera', 'add', interview.id, '--name', '副机位'], env);
    expect(human.stdout).toMatch(/^Camera added: 副机位\n/);
    expect(human.stdout).toMatch(/token: +oi_cam_/);
  });

  it('prints an interview for people without --json', async () => {
    const result = await cli([...login(), 'interview', 'create', '--title', '人读格式', '--guest', '王五:主任']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Interview created: 人读格式\n/);
    expect(result.stdout).toMatch(/status: +scheduled/);
    expect(result.stdout).toMatch(/guests: +王五 \(主任\)/);
  });

  it('exits 2 with the usage on a wrong command line (parseCommand has the cases)', async () => {
    const result = await cli([...login(), 'interview', 'create', '--colour', 'red']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/Unknown option '--colour'/);
    expect(result.stderr).toContain('Usage: online-interview');
  });

  it("exits 1 with the server's message when the server refuses", async () => {
    const wrongPassword = await cli(['--server', server.url, '--user', 'admin', '--password', 'nope', 'interview', 'show', 'x']);
    expect(wrongPassword).toMatchObject({ code: 1, stdout: '' });
    expect(wrongPassword.stderr).toContain('Wrong username or password. (invalid_credentials)');

    const invalid = await cli([...login(), 'interview', 'create', '--title', 't', '--starts-at', 'tomorrow']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/startsAt.*\(invalid_request\)/);
  });

  it('exits 1 when the server cannot be reached', async () => {
    const result = await cli(['--server', 'http://127.0.0.1:9', '--user', 'a', '--password', 'b', 'interview', 'show', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot reach the server at http:\/\/127\.0\.0\.1:9.*\(unreachable\)/);
  });
});
