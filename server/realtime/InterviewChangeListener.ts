import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from 'pino';
import { QA_EVENT_CHANNEL } from '../db/QaTransaction.js';

/** The channel the database trigger announces interview changes on (see the InterviewChangeNotify migration). */
export const INTERVIEW_CHANGED_CHANNEL = 'interview_changed';

/** `<interviewId>:<seq>`, as QaTransaction.appendEvents announces it. */
const QA_EVENT_PAYLOAD = /^([0-9a-f-]{36}):(\d+)$/i;

export interface InterviewChangeListenerEvents {
  /** An interview (or one of its guests) changed and the change is committed. */
  changed: [interviewId: string];
  /** Q&A events up to `seq` of the interview are committed. */
  qaEvent: [interviewId: string, seq: number];
  /** The LISTEN connection is (again) up; anything may have changed while it was down. */
  resync: [];
}

const RECONNECT_DELAYS_MS = [500, 1000, 2000, 5000];
/**
 * A connect attempt gives up after this: without it, a database host that drops packets (rather than refusing) would
 * hold the attempt forever and the listener would never come back.
 */
const CONNECT_TIMEOUT_MS = 5000;

/**
 * LISTENs on PostgreSQL for interview changes and Q&A events, on one dedicated connection (a pooled one would
 * lose its LISTEN when returned). This is what lets several server processes share one database
 * and still push every change to every viewer. Reconnects with backoff when the database goes away.
 */
export class InterviewChangeListener extends EventEmitter<InterviewChangeListenerEvents> {
  readonly #url: string;
  readonly #logger: Logger;
  #client: pg.Client | undefined;
  #closed = false;
  #attempt = 0;
  #retryTimer: NodeJS.Timeout | undefined;

  private constructor(url: string, logger: Logger) {
    super();
    this.#url = url;
    this.#logger = logger;
  }

  static async start(url: string, logger: Logger): Promise<InterviewChangeListener> {
    const listener = new InterviewChangeListener(url, logger);
    await listener.#connect();
    return listener;
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    client.on('notification', (message) => {
      if (!message.payload) return;
      if (message.channel === INTERVIEW_CHANGED_CHANNEL) {
        this.emit('changed', message.payload);
      } else if (message.channel === QA_EVENT_CHANNEL) {
        const match = QA_EVENT_PAYLOAD.exec(message.payload);
        if (match) this.emit('qaEvent', match[1]!.toLowerCase(), Number(match[2]));
        else this.#logger.warn({ payload: message.payload }, 'ignored a malformed qa_event notification');
      }
    });
    client.on('error', (error) => {
      this.#logger.warn({ err: error }, 'interview change listener lost its database connection');
      this.#reconnectLater(client);
    });
    client.on('end', () => this.#reconnectLater(client));
    await client.connect();
    await client.query(`LISTEN ${INTERVIEW_CHANGED_CHANNEL}; LISTEN ${QA_EVENT_CHANNEL}`);
    this.#client = client;
    this.#attempt = 0;
  }

  #reconnectLater(failed: pg.Client): void {
    if (this.#closed || this.#client !== failed) return;
    this.#client = undefined;
    failed.end().catch(() => undefined);
    const delay = RECONNECT_DELAYS_MS[Math.min(this.#attempt++, RECONNECT_DELAYS_MS.length - 1)]!;
    this.#retryTimer = setTimeout(() => {
      this.#connect().then(
        () => {
          this.#logger.info('interview change listener reconnected');
          this.emit('resync');
        },
        (error: unknown) => {
          this.#logger.warn({ err: error, delay }, 'interview change listener could not reconnect yet');
          this.#client = failed;
          this.#reconnectLater(failed);
        },
      );
    }, delay);
  }

  /** Stops listening. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }
}
