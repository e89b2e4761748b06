import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort } from './freePort.js';
import { makeTempDir, removeTempDir } from './tempDir.js';

/** Debian's nginx (scripts/setup.sh installs it); NGINX_PATH to use another. */
export const NGINX_PATH = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';

export interface NginxOptions {
  /** http-context configuration (upstreams, maps, server blocks) whose server listens on `{{port}}` and `{{dir}}`. */
  site: (vars: { port: number; dir: string }) => string;
  /** Worker processes; 1 by default (a fair match for one Node process in the benchmark). */
  workers?: number;
}

/**
 * nginx run unprivileged for a test or a benchmark: its own temp dir for the pid file, logs, temp files and caches,
 * a free loopback port, in the foreground so it dies with its parent's close(). Nothing under /etc or /var is used.
 */
export class NginxProcess {
  readonly url: string;
  readonly dir: string;
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  #closed = false;

  private constructor(url: string, dir: string, child: ChildProcess) {
    this.url = url;
    this.dir = dir;
    this.#child = child;
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  static async start(options: NginxOptions): Promise<NginxProcess> {
    if (!fs.existsSync(NGINX_PATH)) throw new Error(`${NGINX_PATH} not found: run scripts/setup.sh (it installs Debian's nginx) or set NGINX_PATH`);
    const dir = makeTempDir('nginx');
    const port = await freePort();
    const main = [
      'daemon off;',
      // As root nginx would hand its workers to "nobody", who cannot reach this temp dir; as anyone else this is ignored.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      `worker_processes ${options.workers ?? 1};`,
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 4096; }',
      'http {',
      '  access_log off;',
      `  client_body_temp_path ${dir}/body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi;`,
      `  scgi_temp_path ${dir}/scgi;`,
      `  include ${dir}/site.conf;`,
      '}',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'site.conf'), options.site({ port, dir }));
    fs.writeFileSync(path.join(dir, 'nginx.conf'), main);
    const child = spawn(NGINX_PATH, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const nginx = new NginxProcess(`http://127.0.0.1:${port}`, dir, child);
    try {
      await waitForPort(port, child, () => stderr + readIfExists(path.join(dir, 'error.log')));
    } catch (error) {
      await nginx.close();
      throw error;
    }
    return nginx;
  }

  /** The master's pid and its workers' (for CPU accounting from /proc). */
  processIds(): number[] {
    const pid = this.#child.pid;
    if (pid === undefined) return [];
    const children = readIfExists(`/proc/${pid}/task/${pid}/children`).trim();
    return [pid, ...(children === '' ? [] : children.split(/\s+/).map(Number))];
  }

  /** What nginx logged (warnings and errors). */
  errorLog(): string {
    return readIfExists(path.join(this.dir, 'error.log'));
  }

  /** Stops nginx (SIGQUIT: graceful, then SIGKILL after 5 s) and removes its temp dir. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#child.exitCode === null && this.#child.signalCode === null) {
      this.#child.kill('SIGQUIT');
      const timer = setTimeout(() => this.#child.kill('SIGKILL'), 5000);
      await this.#exited;
      clearTimeout(timer);
    }
    removeTempDir(this.dir);
  }
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port} within 10 s: ${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function readIfExists(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
