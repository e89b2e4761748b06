import { apiUrl } from './client.js';
import type { Interview } from './types.js';

/** Close code the server sends when the interview does not exist: no point reconnecting. */
export const CLOSE_NOT_FOUND = 4404;

const RECONNECT_BASE_MS = 1000;
const RECONNECT_MAX_MS = 60000;
/**
 * A socket that has said nothing by then is treated as failed: some proxies accept the upgrade and then hold it
 * silently, and the server always sends the interview first thing.
 */
const FIRST_MESSAGE_TIMEOUT_MS = 15000;

const STATUSES: ReadonlySet<string> = new Set(['scheduled', 'live', 'ended']);

export interface InterviewEventsHandlers {
  /** The interview as it is now: on connect and after each change. */
  onInterview(interview: Interview): void;
  /** True once the socket delivers, false when it drops: callers poll less while it is true. */
  onLiveChange(live: boolean): void;
  /** The server says the interview does not exist; the socket is closed for good. */
  onNotFound(): void;
}

/**
 * `ws(s)://…/api/public/interviews/<id>/events` for a server origin (empty = this page's origin, taken from
 * `baseUrl`). The scheme follows the page's or server's: http → ws, https → wss.
 */
export function interviewEventsUrl(server: string | null | undefined, interviewId: string, baseUrl: string): string {
  const path = `/api/public/interviews/${encodeURIComponent(interviewId)}/events`;
  return new URL(apiUrl(server, path), baseUrl).href.replace(/^http/, 'ws');
}

/** The interview from one socket message, or null for anything else (unknown types are for newer clients). */
export function parseInterviewMessage(data: unknown): Interview | null {
  if (typeof data !== 'string') return null;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'interview') return null;
  const interview = (message as { interview?: unknown }).interview;
  if (typeof interview !== 'object' || interview === null) return null;
  const fields = interview as Partial<Record<keyof Interview, unknown>>;
  const valid =
    typeof fields.id === 'string' &&
    typeof fields.title === 'string' &&
    typeof fields.status === 'string' &&
    STATUSES.has(fields.status) &&
    Array.isArray(fields.guests) &&
    (fields.hlsUrl === null || typeof fields.hlsUrl === 'string');
  return valid ? (interview as Interview) : null;
}

/** Milliseconds before reconnect attempt `attempt` (0-based): exponential, with jitter so viewers spread out. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(RECONNECT_BASE_MS * 2 ** attempt, RECONNECT_MAX_MS);
  return base * (0.5 + random());
}

/**
 * Follows one interview over the server's WebSocket, reconnecting with backoff whenever it drops (1001 when the
 * server restarts, or any network failure), until close() or a 4404. Does nothing where WebSocket is missing.
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
    socket.onmessage = (event) => {
      const interview = parseInterviewMessage(event.data);
      if (!interview || socket !== this.socket) return;
      clearTimeout(this.silenceTimer);
      this.attempt = 0;
      this.handlers.onInterview(interview);
      this.setLive(true);
    };
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      if (event.code === CLOSE_NOT_FOUND) {
        this.close();
        this.handlers.onNotFound();
        return;
      }
      this.retry();
    };
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
    if (socket) {
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
    if (!this.closed) this.handlers.onLiveChange(live);
  }
}
