import type { IncomingHttpHeaders } from 'node:http';
import { WebSocket } from 'ws';

export interface QaSocketOptions {
  /** The seq to resume after; omit to send no hello (interview messages only). */
  since?: number;
  deviceToken?: string;
  headers?: Record<string, string>;
}

/** A message from the realtime socket; tests assert their shapes. */
export type SocketMessage = { type: string; [key: string]: any };

const WAIT_MS = 5000;

/** A realtime socket client for tests: records every message, waits for those a test expects. */
export class QaSocket {
  readonly messages: SocketMessage[] = [];
  readonly closed: Promise<{ code: number }>;
  readonly #ws: WebSocket;
  #wake: (() => void) | null = null;
  #upgradeHeaders: IncomingHttpHeaders = {};

  private constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.once('upgrade', (response) => (this.#upgradeHeaders = response.headers));
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as SocketMessage);
      this.#wake?.();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve({ code })));
  }

  /** Opens the socket at `path` of the server and sends the hello when `since` is given. */
  static async open(baseUrl: string, path: string, options: QaSocketOptions = {}): Promise<QaSocket> {
    const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + path, { headers: options.headers ?? {} });
    const socket = new QaSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    if (options.since !== undefined) {
      ws.send(JSON.stringify({ type: 'hello', since: options.since, ...(options.deviceToken && { deviceToken: options.deviceToken }) }));
    }
    return socket;
  }

  /** The headers of the server's 101 answer (behind nginx: X-Upstream names the process that took the socket). */
  get upgradeHeaders(): IncomingHttpHeaders {
    return this.#upgradeHeaders;
  }

  /** The Q&A events received so far, in arrival order. */
  get qa(): SocketMessage[] {
    return this.messages.filter((message) => message.type === 'qa');
  }

  /** Waits until a message matches (looking at those already received too) and returns it. */
  async waitFor(predicate: (message: SocketMessage) => boolean, what = 'the expected message', timeoutMs = WAIT_MS): Promise<SocketMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((m) => m.type === 'qa' ? `${m.seq}:${m.audience}:${m.event}` : m.type))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Waits for the replay's end marker; returns its seq. */
  async synced(): Promise<number> {
    return (await this.waitFor((message) => message.type === 'qa-synced', 'qa-synced')).seq as number;
  }

  /** Waits for a Q&A event with this seq or a later one. */
  waitForSeq(seq: number): Promise<SocketMessage> {
    return this.waitFor((message) => message.type === 'qa' && message.seq >= seq, `qa event with seq ≥ ${seq}`);
  }

  close(): Promise<{ code: number }> {
    this.#ws.close();
    return this.closed;
  }
}
