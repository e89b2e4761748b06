import type { Logger } from 'pino';
import type { QaEventFilter, QaEventLog, QaEventRecord } from '../db/QaEventLog.js';
import { textFrame } from './textFrame.js';

/** What the feed reads: the committed seq and the events (QaEventLog over PostgreSQL). */
export type QaEventSource = Pick<QaEventLog, 'lastSeq' | 'eventsAfter'>;

/** One socket following an interview's Q&A. */
export interface QaSubscriber {
  /** Which events it may see. */
  readonly filter: QaEventFilter;
  /**
   * Writes WebSocket text frames (one or several back to back, see textFrame); false when the socket is gone (or was
   * just dropped for falling behind).
   */
  send(frames: Buffer): boolean;
  /** Resolves true once the socket's send buffer has room again, false when it never does (then it was dropped). */
  drained(): Promise<boolean>;
}

/** `{type:'qa', seq, event, audience, item}`: one stored event as a client gets it. */
export interface QaMessage {
  type: 'qa';
  seq: number;
  event: QaEventRecord['type'];
  audience: QaEventRecord['audience'];
  item: unknown;
}

/** Events read per query, both when replaying to one socket and when pulling new ones for a room. */
const PAGE_SIZE = 500;
/** After a failed read (the database away), the room pulls again this much later. */
const RETRY_MS = 1000;
/**
 * A room's fan-out yields to the event loop after this many sockets: at ~20 µs of CPU each, a 10,000-viewer room
 * would otherwise hold the process for 200 ms, starving heartbeats, HTTP requests and other rooms.
 */
const FAN_OUT_SLICE = 1000;

/** The sockets following one interview, and how far each has been served. */
interface Room {
  interviewId: string;
  /** Every subscriber of the room, replaying or live. */
  members: Set<QaSubscriber>;
  /** Live subscribers and the seq each has been served up to (events it may not see count as served). */
  live: Map<QaSubscriber, number>;
  /** The highest seq pulled for this room; null until the first subscriber goes live. */
  cursor: number | null;
  /**
   * New events were announced (or may have been, after a resync) while no subscriber was live to pull them for: the
   * next one to go live pulls, since its replay may have ended before them.
   */
  stale: boolean;
  /** The room's work (pulls and joins) runs one task at a time, in order. */
  tail: Promise<void>;
  retry: NodeJS.Timeout | undefined;
}

/**
 * Serves an interview's Q&A events (the qa_events log) to sockets: first a replay of what a socket missed, then
 * every new event as PostgreSQL announces it.
 *
 * Each room reads new events once for all its sockets (from its cursor) and hands each socket those it may see.
 * A socket replays on its own, up to the last seq committed when it began, then joins the live set inside the
 * room's task queue: any event pulled for the room meanwhile is sent to it then, so nothing falls between replay
 * and live, and nothing comes twice. When notifications were lost (the LISTEN connection dropped), resync pulls
 * from each room's cursor: everything after it is still in the log.
 */
export class QaFeed {
  readonly #log: QaEventSource;
  readonly #logger: Logger;
  readonly #rooms = new Map<string, Room>();
  readonly #fanOutSlice: number;
  #closed = false;

  /** `fanOutSlice`: sockets served between yields to the event loop (tests make it small). */
  constructor(log: QaEventSource, logger: Logger, options: { fanOutSlice?: number } = {}) {
    this.#log = log;
    this.#logger = logger;
    this.#fanOutSlice = options.fanOutSlice ?? FAN_OUT_SLICE;
  }

  /**
   * Replays the events after `since` that the subscriber may see, sends `qa-synced`, then keeps it live until
   * unsubscribe. Resolves once it is live (or was dropped, or the interview is gone); rejects when the log could not
   * be read, and the caller closes the socket so its client reconnects.
   */
  async subscribe(interviewId: string, subscriber: QaSubscriber, since: number): Promise<void> {
    const room = this.#room(interviewId);
    room.members.add(subscriber);
    const upTo = await this.#log.lastSeq(interviewId);
    if (upTo === null) return;
    if (!(await this.#replay(interviewId, subscriber, since, upTo))) return;
    await this.#enqueue(room, async () => {
      if (!room.members.has(subscriber) || this.#closed) return;
      // Nobody live depends on the cursor: start it where this subscriber's replay ended.
      if (room.cursor === null || (room.live.size === 0 && room.cursor < upTo)) room.cursor = upTo;
      let position = upTo;
      if (room.cursor > upTo) {
        // Events pulled for the room while this one replayed: they are past its replay, so send them now.
        if (!(await this.#replay(interviewId, subscriber, upTo, room.cursor))) return;
        position = room.cursor;
      }
      room.live.set(subscriber, position);
      subscriber.send(textFrame(JSON.stringify({ type: 'qa-synced', seq: position })));
      if (room.stale) {
        room.stale = false;
        this.#schedulePull(room);
      }
    });
  }

  unsubscribe(interviewId: string, subscriber: QaSubscriber): void {
    const room = this.#rooms.get(interviewId);
    if (!room) return;
    room.members.delete(subscriber);
    room.live.delete(subscriber);
    if (room.members.size === 0) {
      clearTimeout(room.retry);
      this.#rooms.delete(interviewId);
    }
  }

  /** The interview's events up to `seq` are committed (a NOTIFY arrived). */
  notify(interviewId: string, seq: number): void {
    const room = this.#rooms.get(interviewId);
    if (!room || (room.cursor !== null && seq <= room.cursor)) return;
    this.#schedulePull(room);
  }

  /** Notifications may have been missed: every room pulls what is new since its cursor. */
  resync(): void {
    for (const room of this.#rooms.values()) this.#schedulePull(room);
  }

  /** Stops serving: queued work ends without sending, retries are cancelled. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const room of this.#rooms.values()) clearTimeout(room.retry);
    this.#rooms.clear();
  }

  #room(interviewId: string): Room {
    let room = this.#rooms.get(interviewId);
    if (!room) {
      room = { interviewId, members: new Set(), live: new Map(), cursor: null, stale: false, tail: Promise.resolve(), retry: undefined };
      this.#rooms.set(interviewId, room);
    }
    return room;
  }

  /**
   * Sends the subscriber its events in (after, upTo], a page at a time (one write each), letting its buffer drain
   * between pages.
   */
  async #replay(interviewId: string, subscriber: QaSubscriber, after: number, upTo: number): Promise<boolean> {
    for (let from = after; from < upTo; ) {
      const page = await this.#log.eventsAfter(interviewId, from, upTo, subscriber.filter, PAGE_SIZE);
      if (page.length > 0 && !subscriber.send(Buffer.concat(page.map(toFrame)))) return false;
      if (page.length < PAGE_SIZE) break;
      from = page[page.length - 1]!.seq;
      if (!(await subscriber.drained())) return false;
    }
    return true;
  }

  /** Reads the room's new events once and hands each live subscriber those it may see and has not had. */
  async #pull(room: Room): Promise<void> {
    if (room.cursor === null || room.live.size === 0) {
      room.stale = true;
      return;
    }
    for (;;) {
      if (this.#closed) return;
      const page = await this.#log.eventsAfter(room.interviewId, room.cursor, null, { everyAudience: true }, PAGE_SIZE);
      if (page.length > 0) await this.#fanOut(room, page);
      if (page.length < PAGE_SIZE) return;
    }
  }

  /**
   * Writes a page of new events to every live subscriber: each event encoded once, and each socket written once
   * with all the page's events it may see. Most sockets of a big room are viewers seeing just the public events, so
   * those share one buffer. Yields every `fanOutSlice` sockets; the room's task queue keeps the next pull and any
   * subscriber going live waiting until this one is done, and one that leaves meanwhile is skipped, so the order and
   * the exactly-once delivery hold across the yields.
   */
  async #fanOut(room: Room, page: QaEventRecord[]): Promise<void> {
    const frames = page.map(toFrame);
    const publicFrames = Buffer.concat(frames.filter((_, i) => page[i]!.audience === 'public'));
    const devices = new Set(page.flatMap((event) => (event.audience === 'device' && event.deviceHash !== null ? [event.deviceHash] : [])));
    const first = page[0]!.seq;
    const last = page[page.length - 1]!.seq;
    let served = 0;
    // A Map iterates safely while entries are deleted (a socket closing during a yield); none are added meanwhile.
    for (const [subscriber, position] of room.live) {
      if (this.#closed) return;
      const { filter } = subscriber;
      const publicOnly = !filter.everyAudience && (filter.deviceHash === null || !devices.has(filter.deviceHash));
      const batch =
        publicOnly && position < first
          ? publicFrames
          : Buffer.concat(frames.filter((_, i) => page[i]!.seq > position && maySee(filter, page[i]!)));
      if (batch.length > 0) subscriber.send(batch);
      room.live.set(subscriber, Math.max(position, last));
      if (++served % this.#fanOutSlice === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    room.cursor = last;
  }

  /** Runs `task` after the room's earlier tasks; its failure is the caller's, and does not stop the tasks after it. */
  #enqueue<T>(room: Room, task: () => Promise<T>): Promise<T> {
    const run = room.tail.then(task);
    room.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Queues a pull. A failed read (the database away) is logged and the room pulls again shortly. */
  #schedulePull(room: Room): void {
    this.#enqueue(room, () => this.#pull(room)).catch((error: unknown) => {
      this.#logger.error({ err: error, interviewId: room.interviewId }, 'could not read new Q&A events; retrying');
      clearTimeout(room.retry);
      room.retry = setTimeout(() => {
        if (this.#rooms.get(room.interviewId) === room) this.#schedulePull(room);
      }, RETRY_MS);
    });
  }
}

function maySee(filter: QaEventFilter, event: QaEventRecord): boolean {
  if (filter.everyAudience || event.audience === 'public') return true;
  return event.audience === 'device' && filter.deviceHash !== null && event.deviceHash === filter.deviceHash;
}

function toFrame(event: QaEventRecord): Buffer {
  const message: QaMessage = { type: 'qa', seq: event.seq, event: event.type, audience: event.audience, item: event.payload };
  return textFrame(JSON.stringify(message));
}
