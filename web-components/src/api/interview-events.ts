import { apiUrl } from './client.js';
import type { Interview } from './types.js';
import type { QaEventKind, QaEventMessage } from '../qa/types.js';

/** Close code the server sends when the interview does not exist: no point reconnecting. */
export const CLOSE_NOT_FOUND = 4404;

const RECONNECT_BASE_MS = 1000;
const RECONNECT_MAX_MS = 60000;
/**
 * A socket that has said nothing by then is treated as failed: some proxies accept the upgrade and then hold it
 * silently, and the server always sends the interview (viewer socket) or the replay's end (after hello) promptly.
 */
const FIRST_MESSAGE_TIMEOUT_MS = 15000;

/** WebSocket.OPEN, spelled out: the global may be missing (see connect()). */
const OPEN = 1;

const STATUSES: ReadonlySet<string> = new Set(['draft', 'scheduled', 'live', 'ended', 'replay']);
const QA_KINDS: ReadonlySet<string> = new Set<QaEventKind>(['question', 'post', 'answering', 'settings', 'ban']);

/** `{ type: 'hello' }` as sent after each open: the last Q&A seq the client has, and the netizen's device token. */
export interface Hello {
  since: number;
  deviceToken?: string;
}

export type ServerMessage =
  | { type: 'interview'; interview: Interview }
  | QaEventMessage
  | { type: 'qa-synced'; seq: number }
  | { type: 'viewers'; count: number };

export interface InterviewEventsHandlers {
  /** The interview as it is now: on connect and after each change. */
  onInterview?(interview: Interview): void;
  /** True once the socket delivers, false when it drops: callers poll less while it is true. */
  onLiveChange?(live: boolean): void;
  /** The server says the interview does not exist; the socket is closed for good. */
  onNotFound?(): void;
  /**
   * The hello to send when a socket opens, read then so it carries the latest seq; null holds it until sayHello().
   * Without this handler no hello is sent.
   */
  hello?(): Hello | null;
  onQa?(message: QaEventMessage): void;
  /** The replay after hello is complete up to `seq`: what follows is live. */
  onQaSynced?(seq: number): void;
  onViewers?(count: number): void;
}

/**
 * `ws(s)://…/api/public/interviews/<id>/events` for a server origin (empty = this page's origin, taken from
 * `baseUrl`). The scheme follows the page's or server's: http → ws, https → wss.
 */
export function interviewEventsUrl(server: string | null | undefined, interviewId: string, baseUrl: string): string {
  const path = `/api/public/interviews/${encodeURIComponent(interviewId)}/events`;
  return new URL(apiUrl(server, path), baseUrl).href.replace(/^http/, 'ws');
}

const isSeq = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** One socket message, checked, or null for anything else (unknown types are for newer clients). */
export function parseServerMessage(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null) return null;
  const fields = message as Record<string, unknown>;
  switch (fields['type']) {
    case 'interview':
      return isInterview(fields['interview']) ? { type: 'interview', interview: fields['interview'] } : null;
    case 'qa': {
      const item = fields['item'];
      const valid =
        isSeq(fields['seq']) &&
        typeof fields['event'] === 'string' &&
        QA_KINDS.has(fields['event']) &&
        typeof item === 'object' &&
        item !== null &&
        !Array.isArray(item);
      return valid ? (message as QaEventMessage) : null;
    }
    case 'qa-synced':
      return isSeq(fields['seq']) ? { type: 'qa-synced', seq: fields['seq'] } : null;
    case 'viewers':
      return isSeq(fields['count']) ? { type: 'viewers', count: fields['count'] } : null;
    default:
      return null;
  }
}

function isInterview(interview: unknown): interview is Interview {
  if (typeof interview !== 'object' || interview === null) return false;
  const fields = interview as Partial<Record<keyof Interview, unknown>>;
  return (
    typeof fields.id === 'string' &&
    typeof fields.title === 'string' &&
    typeof fields.status === 'string' &&
    STATUSES.has(fields.status) &&
    Array.isArray(fields.guests) &&
    (fields.hlsUrl === null || typeof fields.hlsUrl === 'string')
  );
}

/** The interview from one socket message, or null for anything else. */
export function parseInterviewMessage(data: unknown): Interview | null {
  const message = parseServerMessage(data);
  return message?.type === 'interview' ? message.interview : null;
}

/** Milliseconds before reconnect attempt `attempt` (0-based): exponential, with jitter so viewers spread out. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(RECONNECT_BASE_MS * 2 ** attempt, RECONNECT_MAX_MS);
  return base * (0.5 + random());
}

/**
 * Follows one interview over the server's WebSocket, reconnecting with backoff whenever it drops (1001 when the
 * server restarts, or any network failure), until close() or a 4404. Does nothing where WebSocket is missing.
 * With a hello handler, each new socket says hello (since = the last Q&A seq), so a reconnect resumes the Q&A.
 */
export class InterviewEvents {
  private readonly url: string;
  private readonly handlers: InterviewEventsHandlers;
  private socket: WebSocket | null = null;
  private attempt = 0;
  private live = false;
  private closed = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The hello the current socket sent, or null while it has not said one. */
  private sentHello: Hello | null = null;

  constructor(url: string, handlers: InterviewEventsHandlers) {
    this.url = url;
    this.handlers = handlers;
    this.connect();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.drop();
  }

  /** Sends the hello now if the socket is open and has not sent one (it was held back). */
  sayHello(): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN || this.sentHello || !this.handlers.hello) return;
    const hello = this.handlers.hello();
    if (!hello) return;
    this.sentHello = hello;
    socket.send(JSON.stringify({ type: 'hello', ...hello }));
  }

  /** The hello the current socket sent, if any: callers check what it carried (e.g. the device token). */
  get helloSent(): Hello | null {
    return this.sentHello;
  }

  /** Replaces the socket at once (no backoff): for a new hello, e.g. one that now carries a device token. */
  reconnect(): void {
    if (this.closed) return;
    clearTimeout(this.retryTimer);
    this.drop();
    this.connect();
  }

  private connect(): void {
    if (this.closed || typeof WebSocket === 'undefined') return;
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url);
    } catch {
      // A page on https may not open ws:// (mixed content): polling is all there is.
      return;
    }
    this.socket = socket;
    this.silenceTimer = setTimeout(() => this.retry(), FIRST_MESSAGE_TIMEOUT_MS);
    socket.onopen = () => {
      if (socket === this.socket) this.sayHello();
    };
    socket.onmessage = (event) => {
      const message = parseServerMessage(event.data);
      if (!message || socket !== this.socket) return;
      clearTimeout(this.silenceTimer);
      this.attempt = 0;
      this.deliver(message);
      this.setLive(true);
    };
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      if (event.code === CLOSE_NOT_FOUND) {
        this.close();
        this.handlers.onNotFound?.();
        return;
      }
      this.retry();
    };
  }

  private deliver(message: ServerMessage): void {
    const handlers = this.handlers;
    if (message.type === 'interview') handlers.onInterview?.(message.interview);
    else if (message.type === 'qa') handlers.onQa?.(message);
    else if (message.type === 'qa-synced') handlers.onQaSynced?.(message.seq);
    else handlers.onViewers?.(message.count);
  }

  private retry(): void {
    this.drop();
    if (this.closed) return;
    this.retryTimer = setTimeout(() => this.connect(), reconnectDelay(this.attempt++));
  }

  /** Forgets the current socket (its late events are ignored) and marks the push channel down. */
  private drop(): void {
    clearTimeout(this.silenceTimer);
    const socket = this.socket;
    this.socket = null;
    this.sentHello = null;
    if (socket) {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
      socket.close();
    }
    this.setLive(false);
  }

  private setLive(live: boolean): void {
    if (live === this.live) return;
    this.live = live;
    // After close() the owner has moved on and needs no news.
    if (!this.closed) this.handlers.onLiveChange?.(live);
  }
}
