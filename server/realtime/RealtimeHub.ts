import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import type { QaEventFilter } from '../db/QaEventLog.js';
import { hashDeviceToken } from '../qa/netizenHashes.js';
import type { InterviewChangeListener } from './InterviewChangeListener.js';
import type { QaFeed, QaSubscriber } from './QaFeed.js';
import { CLOSE_CODES, helloMessage, SOCKET_ENDPOINTS, socketPathPattern } from './socketMessages.js';
import { textFrame } from './textFrame.js';

/** What the hub sends: the whole public view of the interview, each time it changes. */
export interface InterviewMessage<T> {
  type: 'interview';
  interview: T;
}

/** Whether a staff socket's request may follow the interview: its session, its role in the interview, its origin. */
export type StaffSocketAccess = 'allowed' | 'unauthenticated' | 'forbidden' | 'not_found';

export interface RealtimeHubOptions<T> {
  server: http.Server;
  changes: InterviewChangeListener;
  /** The public view of an interview, or null when it does not exist. */
  snapshot: (interviewId: string) => Promise<T | null>;
  /** Serves the Q&A events after a client's `hello`. */
  qa: QaFeed;
  /** Checks a staff socket's upgrade request (session cookie, membership, Origin). */
  authorizeStaff: (req: http.IncomingMessage, interviewId: string) => Promise<StaffSocketAccess>;
  /** Keeps each interview's peak and total viewers for the statistics (see AudienceRecorder); optional for tests. */
  audience?: { joined(interviewId: string): void; watching(interviewId: string, count: number): void };
  logger: Logger;
}

/** `/api/public/interviews/<id>/events`: one socket per viewer, on the interview it watches. */
const VIEWER_PATH = socketPathPattern(SOCKET_ENDPOINTS.viewer);
/** `/api/interviews/<id>/staff-events`: the console's socket, carrying every audience's events. */
const STAFF_PATH = socketPathPattern(SOCKET_ENDPOINTS.staff);
const HEARTBEAT_MS = 30_000;
/**
 * The heartbeat visits a tenth of the sockets every 3 s rather than all of them every 30 s: pinging 10,000 sockets
 * (and reading their pongs) at once stalled the event loop for ~0.8 s, which showed as the p99 of Q&A delivery.
 */
const HEARTBEAT_SLICES = 10;
const VIEWER_COUNT_MS = 5_000;
/**
 * A socket with more than this waiting in its send buffer is not keeping up (a stalled phone): it is dropped rather
 * than let the server's memory grow. Its client reconnects and resumes from its last seq, so it loses nothing.
 */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** A replay sends its next page once the buffer is below this; it gives up after DRAIN_TIMEOUT_MS. */
const DRAINED_BYTES = 256 * 1024;
const DRAIN_POLL_MS = 20;
const DRAIN_TIMEOUT_MS = 10_000;

const REFUSALS: Record<Exclude<StaffSocketAccess, 'allowed'>, string> = {
  unauthenticated: '401 Unauthorized',
  forbidden: '403 Forbidden',
  not_found: '404 Not Found',
};

interface Client {
  ws: WebSocket;
  /**
   * The socket under `ws`: messages are written to it as ready frames (see textFrame), encoded once for a whole
   * room. ws writes only whole frames too (pings, close), so frames never interleave.
   */
  socket: Duplex;
  interviewId: string;
  kind: 'viewer' | 'staff';
  /** Set by the client's hello; null until then (a client that never says hello gets only the interview). */
  qa: QaSubscriber | null;
  /** Settles once the interview's state was sent: true, or false when the socket is being closed instead. */
  welcomed: Promise<boolean>;
}

/**
 * Pushes interview changes and the live Q&A to viewers and staff over WebSocket.
 *
 * A new socket gets the interview's current state at once, then each committed change (announced by PostgreSQL).
 * After its `hello {since}` it also gets the Q&A events it missed and every new one (see QaFeed and docs/qa.md),
 * and every 5 s the number of viewers. Clients keep polling as a fallback when sockets are blocked.
 */
export class RealtimeHub<T> {
  readonly #options: RealtimeHubOptions<T>;
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  readonly #rooms = new Map<string, Set<Client>>();
  readonly #alive = new WeakSet<WebSocket>();
  readonly #heartbeat: NodeJS.Timeout;
  readonly #viewerCounts: NodeJS.Timeout;
  /** The viewer count each room was last told. */
  readonly #sentCounts = new WeakMap<Set<Client>, number>();
  readonly #onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void this.#upgrade(req, socket, head);
  #closed = false;

  constructor(options: RealtimeHubOptions<T>) {
    this.#options = options;
    options.server.on('upgrade', this.#onUpgrade);
    options.changes.on('changed', (interviewId) => void this.#broadcast(interviewId));
    options.changes.on('qaEvent', (interviewId, seq) => options.qa.notify(interviewId, seq));
    options.changes.on('resync', () => {
      for (const interviewId of this.#rooms.keys()) void this.#broadcast(interviewId);
      options.qa.resync();
    });
    // Dead sockets (a phone that lost its network) are found by missing pongs and dropped; each socket is visited
    // once per HEARTBEAT_MS, a slice at a time.
    let slice = 0;
    this.#heartbeat = setInterval(() => {
      let index = 0;
      for (const socket of this.#wss.clients) {
        if (index++ % HEARTBEAT_SLICES !== slice) continue;
        if (!this.#alive.has(socket)) {
          socket.terminate();
          continue;
        }
        this.#alive.delete(socket);
        socket.ping();
      }
      slice = (slice + 1) % HEARTBEAT_SLICES;
    }, HEARTBEAT_MS / HEARTBEAT_SLICES);
    this.#viewerCounts = setInterval(() => this.#sendViewerCounts(), VIEWER_COUNT_MS);
  }

  /** Number of open sockets (all interviews). */
  get clientCount(): number {
    return this.#wss.clients.size;
  }

  async #upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const viewer = VIEWER_PATH.exec(pathname);
    const staff = viewer ? null : STAFF_PATH.exec(pathname);
    const match = viewer ?? staff;
    if (!match || this.#closed) {
      refuse(socket, '404 Not Found');
      return;
    }
    const interviewId = match[1]!.toLowerCase();
    if (staff) {
      let access: StaffSocketAccess;
      try {
        access = await this.#options.authorizeStaff(req, interviewId);
      } catch (error) {
        this.#options.logger.error({ err: error, interviewId }, 'could not check a staff socket');
        refuse(socket, '500 Internal Server Error');
        return;
      }
      if (access !== 'allowed') {
        refuse(socket, REFUSALS[access]);
        return;
      }
      if (this.#closed || socket.destroyed) return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#join(ws, socket, interviewId, staff ? 'staff' : 'viewer'));
  }

  #join(ws: WebSocket, socket: Duplex, interviewId: string, kind: Client['kind']): void {
    const client: Client = { ws, socket, interviewId, kind, qa: null, welcomed: Promise.resolve(false) };
    this.#alive.add(ws);
    ws.on('pong', () => this.#alive.add(ws));
    ws.on('error', (error) => this.#options.logger.debug({ err: error }, 'realtime socket error'));
    let room = this.#rooms.get(interviewId);
    if (!room) this.#rooms.set(interviewId, (room = new Set()));
    room.add(client);
    if (kind === 'viewer') this.#options.audience?.joined(interviewId);
    ws.on('message', (data, isBinary) => this.#receive(client, isBinary ? null : String(data)));
    ws.on('close', () => {
      room.delete(client);
      if (room.size === 0 && this.#rooms.get(interviewId) === room) this.#rooms.delete(interviewId);
      if (client.qa) this.#options.qa.unsubscribe(interviewId, client.qa);
    });
    client.welcomed = this.#welcome(client);
  }

  /** Sends the interview's current state first, so a client knows what it watches before any Q&A arrives. */
  async #welcome(client: Client): Promise<boolean> {
    const { ws, interviewId } = client;
    try {
      const interview = await this.#options.snapshot(interviewId);
      if (!interview) {
        ws.close(CLOSE_CODES.notFound, 'interview not found');
        return false;
      }
      return this.#send(client, textFrame(JSON.stringify({ type: 'interview', interview } satisfies InterviewMessage<T>)));
    } catch (error) {
      this.#options.logger.error({ err: error, interviewId }, 'could not send the interview to a new socket');
      ws.close(1011, 'server error');
      return false;
    }
  }

  /** The client's hello: start its Q&A. Anything else, or a second hello, is a client bug worth closing over. */
  #receive(client: Client, text: string | null): void {
    const parsed = text === null ? null : helloMessage.safeParse(safeJson(text));
    if (!parsed?.success || client.qa) {
      client.ws.close(CLOSE_CODES.badHello, client.qa ? 'hello only once' : 'expected {type:"hello", since, deviceToken?}');
      return;
    }
    const { since, deviceToken } = parsed.data;
    const filter: QaEventFilter =
      client.kind === 'staff'
        ? { everyAudience: true }
        : { everyAudience: false, deviceHash: deviceToken === undefined ? null : hashDeviceToken(deviceToken) };
    const ws = client.ws;
    const subscriber: QaSubscriber = { filter, send: (frames) => this.#send(client, frames), drained: () => drained(ws) };
    client.qa = subscriber;
    void client.welcomed
      .then(async (welcomed) => {
        if (!welcomed) return;
        await this.#options.qa.subscribe(client.interviewId, subscriber, since);
        // Counts go out only when they change; a newcomer gets the last one at once.
        const room = this.#rooms.get(client.interviewId);
        const count = room === undefined ? undefined : this.#sentCounts.get(room);
        if (count !== undefined) this.#send(client, textFrame(JSON.stringify({ type: 'viewers', count })));
      })
      .catch((error: unknown) => {
        this.#options.logger.error({ err: error, interviewId: client.interviewId }, 'could not replay Q&A events to a socket');
        ws.close(1011, 'server error');
      });
  }

  async #broadcast(interviewId: string): Promise<void> {
    const room = this.#rooms.get(interviewId);
    if (!room || room.size === 0) return;
    try {
      const interview = await this.#options.snapshot(interviewId);
      if (!interview) {
        // Withdrawn (back to draft) or deleted: its open pages are told, as a new socket would be, instead of
        // showing stale details until someone reloads.
        for (const client of room) client.ws.close(CLOSE_CODES.notFound, 'interview not found');
        return;
      }
      const frame = textFrame(JSON.stringify({ type: 'interview', interview } satisfies InterviewMessage<T>));
      for (const client of room) this.#send(client, frame);
    } catch (error) {
      this.#options.logger.error({ err: error, interviewId }, 'could not push an interview change');
    }
  }

  /**
   * Viewers of each interview, sent to its sockets that said hello (older clients know only the interview message).
   * Counted per server process: with several processes behind a load balancer each reports its own share. Enough
   * for the studio's sense of the audience today; a total would need the processes to publish their counts (through
   * PostgreSQL, like the events).
   */
  #sendViewerCounts(): void {
    for (const [interviewId, room] of this.#rooms) {
      let count = 0;
      for (const client of room) if (client.kind === 'viewer') count++;
      this.#options.audience?.watching(interviewId, count);
      // Only when it changed: a send to every socket of a big room costs as much as a Q&A event. A socket that says
      // hello is sent the last count at once.
      if (this.#sentCounts.get(room) === count) continue;
      this.#sentCounts.set(room, count);
      const frame = textFrame(JSON.stringify({ type: 'viewers', count }));
      for (const client of room) if (client.qa) this.#send(client, frame);
    }
  }

  /**
   * Writes ready frames unless the socket is closed or closing; drops a socket whose send buffer is over the limit
   * (bufferedAmount counts what waits in the socket, so these writes too).
   */
  #send(client: Client, frames: Buffer): boolean {
    const { ws } = client;
    if (ws.readyState !== WebSocket.OPEN) return false;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.#options.logger.info({ bufferedBytes: ws.bufferedAmount }, 'dropped a socket that is not keeping up');
      ws.terminate();
      return false;
    }
    client.socket.write(frames);
    return true;
  }

  /** Closes every socket with "going away" (clients reconnect to another server) and stops listening. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    clearInterval(this.#viewerCounts);
    this.#options.server.off('upgrade', this.#onUpgrade);
    this.#options.qa.close();
    for (const socket of this.#wss.clients) socket.close(1001, 'server restarting');
    this.#wss.close();
  }
}

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Resolves true once the socket's send buffer is low enough for the next page of a replay; false if it never is. */
async function drained(ws: WebSocket): Promise<boolean> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while (ws.readyState === WebSocket.OPEN && ws.bufferedAmount > DRAINED_BYTES) {
    if (Date.now() > deadline) {
      ws.terminate();
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
  }
  return ws.readyState === WebSocket.OPEN;
}
