import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import type { InterviewChangeListener } from './InterviewChangeListener.js';

/** What the hub sends: the whole public view of the interview, each time it changes. */
export interface InterviewMessage<T> {
  type: 'interview';
  interview: T;
}

export interface RealtimeHubOptions<T> {
  server: http.Server;
  changes: InterviewChangeListener;
  /** The public view of an interview, or null when it does not exist. */
  snapshot: (interviewId: string) => Promise<T | null>;
  logger: Logger;
}

/** `/api/public/interviews/<id>/events`: one socket per viewer, on the interview it watches. */
const PATH = /^\/api\/public\/interviews\/([0-9a-f-]{36})\/events$/i;
const HEARTBEAT_MS = 30_000;

/**
 * Pushes interview changes to viewers over WebSocket, so a portal page switches to 直播中 the
 * moment the first segment is listed instead of at its next poll. A new socket gets the current
 * state at once; after that, each committed change (announced by PostgreSQL) is sent to every
 * socket of that interview. Clients keep polling as a fallback when sockets are blocked.
 */
export class RealtimeHub<T> {
  readonly #options: RealtimeHubOptions<T>;
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  readonly #rooms = new Map<string, Set<WebSocket>>();
  readonly #alive = new WeakSet<WebSocket>();
  readonly #heartbeat: NodeJS.Timeout;
  readonly #onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => this.#upgrade(req, socket, head);
  #closed = false;

  constructor(options: RealtimeHubOptions<T>) {
    this.#options = options;
    options.server.on('upgrade', this.#onUpgrade);
    options.changes.on('changed', (interviewId) => void this.#broadcast(interviewId));
    options.changes.on('resync', () => {
      for (const interviewId of this.#rooms.keys()) void this.#broadcast(interviewId);
    });
    // Dead sockets (a phone that lost its network) are found by missing pongs and dropped.
    this.#heartbeat = setInterval(() => {
      for (const socket of this.#wss.clients) {
        if (!this.#alive.has(socket)) {
          socket.terminate();
          continue;
        }
        this.#alive.delete(socket);
        socket.ping();
      }
    }, HEARTBEAT_MS);
  }

  /** Number of open sockets (all interviews). */
  get clientCount(): number {
    return this.#wss.clients.size;
  }

  #upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const match = PATH.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!match || this.#closed) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const interviewId = match[1]!.toLowerCase();
    this.#wss.handleUpgrade(req, socket, head, (ws) => void this.#join(ws, interviewId));
  }

  async #join(ws: WebSocket, interviewId: string): Promise<void> {
    this.#alive.add(ws);
    ws.on('pong', () => this.#alive.add(ws));
    ws.on('error', (error) => this.#options.logger.debug({ err: error }, 'viewer socket error'));
    let room = this.#rooms.get(interviewId);
    if (!room) this.#rooms.set(interviewId, (room = new Set()));
    room.add(ws);
    ws.on('close', () => {
      room.delete(ws);
      if (room.size === 0 && this.#rooms.get(interviewId) === room) this.#rooms.delete(interviewId);
    });
    try {
      const interview = await this.#options.snapshot(interviewId);
      if (!interview) {
        ws.close(4404, 'interview not found');
        return;
      }
      send(ws, { type: 'interview', interview });
    } catch (error) {
      this.#options.logger.error({ err: error, interviewId }, 'could not send the interview to a new viewer');
      ws.close(1011, 'server error');
    }
  }

  async #broadcast(interviewId: string): Promise<void> {
    const room = this.#rooms.get(interviewId);
    if (!room || room.size === 0) return;
    try {
      const interview = await this.#options.snapshot(interviewId);
      if (!interview) return;
      const message = JSON.stringify({ type: 'interview', interview } satisfies InterviewMessage<T>);
      for (const ws of room) if (ws.readyState === WebSocket.OPEN) ws.send(message);
    } catch (error) {
      this.#options.logger.error({ err: error, interviewId }, 'could not push an interview change');
    }
  }

  /** Closes every socket with "going away" (clients reconnect to another server) and stops listening. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    this.#options.server.off('upgrade', this.#onUpgrade);
    for (const socket of this.#wss.clients) socket.close(1001, 'server restarting');
    this.#wss.close();
  }
}

function send<T>(ws: WebSocket, message: InterviewMessage<T>): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}
