import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOST = '127.0.0.1';
export const ADMIN = { username: 'admin', password: 'bench-admin-password' };

/**
 * The server from source (a dist/ build may lag behind it) as its own process, on loopback only, with its own
 * embedded PostgreSQL. Its log (warnings and worse) is copied to stderr. `env` adds settings.
 */
export function startServer(dataDir: string, port: number, pgPort: number, env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      OI_DATA_DIR: dataDir,
      OI_HOST: HOST,
      OI_PORT: String(port),
      OI_EMBEDDED_PG_PORT: String(pgPort),
      OI_ADMIN_PASSWORD: ADMIN.password,
      OI_LOG_LEVEL: 'warn',
      OI_MEDIASOUP_WORKERS: '1',
      OI_WEBRTC_LISTEN_IP: HOST,
      OI_WEBRTC_ANNOUNCED_IP: HOST,
      ...env,
    },
  });
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8');
    stream.on('data', (text: string) => process.stderr.write(text.replace(/^(?=.)/gm, 'server: ')));
  }
  return child;
}

/** Resolves once /healthz answers; fails when the server exits or 120 s pass. */
export async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode})`);
    // Bounded: a server still starting may accept the connection before it can answer.
    const ok = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) }).then((res) => res.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('server not healthy within 120 s');
}

/** SIGTERM (the server closes sockets and stops PostgreSQL), then SIGKILL if it has not exited within 30 s. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    process.stderr.write('server still running 30 s after SIGTERM: SIGKILL (its PostgreSQL may be left running)\n');
    child.kill('SIGKILL');
  }, 30_000);
  await exited;
  clearTimeout(timer);
}
