import { EventEmitter } from 'node:events';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Logger } from 'pino';
import { INPUT_SILENCE_SECONDS } from './rtpInputArgs.js';

export interface FfmpegExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when we asked it to stop; false means it died on its own (crash, kill -9, input error). */
  requested: boolean;
  /** The last error lines FFmpeg printed, for the log and for the operator. */
  errors: string[];
}

export interface FfmpegProcessEvents {
  exit: [exit: FfmpegExit];
  /** A line of FFmpeg's stderr (progress and warnings). */
  line: [line: string];
}

const ERROR_PATTERN = /error|invalid|failed|could not|cannot|no such file/i;
const STOP_GRACE_MS = 10_000;

/**
 * One supervised FFmpeg child process. `stop()` sends a single SIGINT (a second one would abort
 * the trailers: a 0-byte playlist) and escalates to SIGKILL only if FFmpeg does not exit in time.
 */
export class FfmpegProcess extends EventEmitter<FfmpegProcessEvents> {
  readonly #child: ChildProcess;
  readonly #logger: Logger;
  #errors: string[] = [];
  #stopRequested = false;
  #exited: Promise<FfmpegExit>;

  constructor(binary: string, args: string[], logger: Logger) {
    super();
    this.#logger = logger;
    this.#child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let buffered = '';
    this.#child.stderr!.setEncoding('utf8');
    this.#child.stderr!.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split(/\r?\n|\r/);
      buffered = lines.pop() ?? '';
      for (const line of lines) this.#onLine(line);
    });
    this.#exited = new Promise((resolve) => {
      this.#child.on('error', (error) => {
        this.#errors.push(error.message);
        this.#logger.error({ err: error }, 'FFmpeg could not be started');
      });
      this.#child.on('close', (code, signal) => {
        if (buffered) this.#onLine(buffered);
        const exit: FfmpegExit = { code, signal, requested: this.#stopRequested, errors: this.#errors.slice(-10) };
        this.#logger[exit.requested || code === 0 ? 'info' : 'error'](exit, 'FFmpeg exited');
        resolve(exit);
        this.emit('exit', exit);
      });
    });
    this.#logger.debug({ args: args.join(' ') }, 'FFmpeg started');
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  get exited(): Promise<FfmpegExit> {
    return this.#exited;
  }

  #onLine(line: string): void {
    if (!line.trim()) return;
    if (ERROR_PATTERN.test(line)) {
      this.#errors.push(line);
      if (this.#errors.length > 50) this.#errors.shift();
      this.#logger.warn({ line }, 'FFmpeg');
    } else {
      this.#logger.trace({ line }, 'FFmpeg');
    }
    this.emit('line', line);
  }

  /**
   * Asks FFmpeg to finish its outputs and exit; resolves when it has. Idempotent.
   * FFmpeg notices SIGINT only when its input delivers a packet: with live RTP that is within milliseconds and it
   * writes its trailers. When the input has gone silent (camera gone, worker dead) it notices once its RTP input
   * times out by itself (INPUT_SILENCE_SECONDS), and still writes everything it received and its trailers. Should
   * that not come, a second SIGINT after `silentInputMs` interrupts the read: FFmpeg exits without the trailers
   * (the Matroska clusters and HLS segments already written stay).
   */
  stop(silentInputMs = (INPUT_SILENCE_SECONDS + 2) * 1000): Promise<FfmpegExit> {
    if (!this.#stopRequested && this.#child.exitCode === null && this.#child.signalCode === null) {
      this.#stopRequested = true;
      this.#child.kill('SIGINT');
      const interrupt = setTimeout(() => {
        this.#logger.info('FFmpeg input is silent; interrupting it');
        this.#child.kill('SIGINT');
      }, silentInputMs);
      const kill = setTimeout(() => {
        this.#logger.warn('FFmpeg did not stop after SIGINT; killing it');
        this.#child.kill('SIGKILL');
      }, STOP_GRACE_MS);
      void this.#exited.then(() => {
        clearTimeout(interrupt);
        clearTimeout(kill);
      });
    }
    return this.#exited;
  }
}
