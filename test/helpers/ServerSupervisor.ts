import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';

/** How much of the servers' output is kept for failure messages. */
const OUTPUT_KEPT = 20_000;
/** A restart follows an exit after this, as a service manager's RestartSec would. */
const RESTART_DELAY_MS = 500;

/** The environment of a test server process: loopback, one mediasoup worker, its own UDP range, the test admin. */
export function serverEnv(options: {
  port: number;
  dataDir: string;
  databaseUrl: string;
  adminPassword: string;
  rtcPorts: [number, number];
  logLevel?: string;
}): Record<string, string> {
  return {
    OI_PORT: String(options.port),
    OI_HOST: '127.0.0.1',
    OI_DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl,
    OI_ADMIN_PASSWORD: options.adminPassword,
    OI_MEDIASOUP_WORKERS: '1',
    OI_WEBRTC_LISTEN_IP: '127.0.0.1',
    OI_WEBRTC_ANNOUNCED_IP: '127.0.0.1',
    OI_RTC_MIN_PORT: String(options.rtcPorts[0]),
    OI_RTC_MAX_PORT: String(options.rtcPorts[1]),
    OI_LOG_LEVEL: options.logLevel ?? 'warn',
  };
}

/**
 * What a service manager (systemd with Restart=always, docker's restart policy) does for the real server process
 * (`node --import tsx server/main.ts`, the same code `npm start` runs once built): starts it, and starts it again
 * whenever it exits, until stop(). The fault tests kill it with crash() and watch it come back on the same port.
 */
export class ServerSupervisor {
  readonly #env: NodeJS.ProcessEnv;
  #child: ChildProcess | undefined;
  #starts = 0;
  #stopped = false;
  #restartTimer: NodeJS.Timeout | undefined;
  #output = '';

  private constructor(env: NodeJS.ProcessEnv) {
    this.#env = env;
  }

  /** Starts the server with `env` added to this process's environment (OI_PORT, DATABASE_URL…). */
  static start(env: Record<string, string>): ServerSupervisor {
    const supervisor = new ServerSupervisor({ ...process.env, ...env });
    supervisor.#spawn();
    return supervisor;
  }

  /** How many times the server was started (1 before any restart). */
  get starts(): number {
    return this.#starts;
  }

  /** The running server's pid, if one is running. */
  get pid(): number | undefined {
    return this.#child?.exitCode === null && this.#child.signalCode === null ? this.#child.pid : undefined;
  }

  /** The last of everything the servers wrote to stdout and stderr. */
  get output(): string {
    return this.#output;
  }

  /** Resolves once `url`/healthz answers 200 from the server of start number `start` (the current one by default). */
  async healthy(url: string, timeoutMs = 90_000, start = this.#starts): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.#starts >= start && this.pid !== undefined) {
        if ((await httpStatus(`${url}/healthz`)) === 200) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the server did not answer /healthz within ${timeoutMs} ms:\n${this.#output.slice(-3000)}`);
  }

  /** kill -9 of the running server; the supervisor starts the next one. Returns when (Date.now) it died. */
  async crash(): Promise<number> {
    const child = this.#child;
    if (!child || this.pid === undefined) throw new Error('no server is running');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    const killedAt = Date.now();
    await exited;
    return killedAt;
  }

  /**
   * Stops restarting and ends the server: SIGTERM, then SIGKILL after 30 s. Resolves with its exit code (null when it
   * was already gone or had to be killed). Idempotent.
   */
  async stop(): Promise<number | null> {
    this.#stopped = true;
    clearTimeout(this.#restartTimer);
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await exited;
    clearTimeout(force);
    return code;
  }

  #spawn(): void {
    this.#starts++;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: this.#env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    const keep = (chunk: Buffer) => (this.#output = (this.#output + String(chunk)).slice(-OUTPUT_KEPT));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.once('exit', (code, signal) => {
      this.#output += `\n[supervisor] server ${child.pid} exited (${signal ?? code})\n`;
      if (!this.#stopped) this.#restartTimer = setTimeout(() => this.#spawn(), RESTART_DELAY_MS);
    });
  }
}

/**
 * The status of a GET on a fresh connection, given up after 3 s (0 for no answer, e.g. connection refused). Not fetch: under vitest a fetch to the restarted
 * server was seen to hang for minutes while curl got its answer at once.
 */
export function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 3000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
  });
}
