import { ApiError, apiUrl, fetchJson } from '../api/client.js';
import { InterviewEvents, interviewEventsUrl } from '../api/interview-events.js';
import type { Interview } from '../api/types.js';
import { peekDeviceToken } from './device-token.js';
import { QaState, type QaChange, type QaSnapshotBase } from './qa-state.js';
import type {
  MyQuestion,
  PublicPost,
  PublicQaSnapshot,
  PublicQuestion,
  StaffPost,
  StaffQaSnapshot,
  StaffQuestion,
} from './types.js';

/** While the socket does not deliver (blocked by a proxy, or reconnecting), the snapshot is fetched this often. */
const POLL_MS = 15000;
const POLL_MAX_MS = 120000;

export interface QaStoreListener {
  onInterview?(interview: Interview): void;
  onLiveChange?(live: boolean): void;
  onNotFound?(): void;
  /**
   * The Q&A changed. `live` is false for the snapshot and for a socket's replay (catching up, not news), true for
   * events streamed after the replay: only those are announced to screen readers.
   */
  onChange?(change: QaChange, live: boolean): void;
}

export interface QaStoreOptions<S> {
  eventsUrl: string;
  loadSnapshot(): Promise<S>;
  /** Public stores: this device's questions, with the token. */
  loadMine?(token: string): Promise<MyQuestion[]>;
  /** Public stores send the device token (when the device has one) in hello and keep "我的提问". */
  audience: 'public' | 'staff';
}

/**
 * The Q&A of one interview for one audience, shared on the page: one socket (which also brings the interview
 * messages <online-interview> follows), one snapshot, any number of elements listening. The snapshot is loaded
 * first and the socket's hello waits for it, so the replay starts right after it; if the snapshot cannot be had,
 * hello asks for everything from 0 and the replay builds the state instead.
 */
export class QaStore<Q extends { id: string; createdAt: string }, P extends { id: string }, S extends QaSnapshotBase<Q, P>> {
  readonly state: QaState<Q, P>;
  /** The last snapshot (for what only it carries, e.g. the staff `me`). */
  snapshot: S | null = null;
  viewers: number | null = null;
  /** True while the socket delivers. */
  live = false;
  /** Why the last snapshot load failed, while none has succeeded since. */
  loadError: ApiError | null = null;
  notFound = false;
  private readonly options: QaStoreOptions<S>;
  private readonly listeners = new Set<QaStoreListener>();
  private readonly events: InterviewEvents;
  /** Set once the first snapshot load settled (either way): hello waits for it. */
  private firstLoadSettled = false;
  /** Between hello and qa-synced the socket replays what was missed. */
  private replaying = true;
  private usingDevice = false;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private closed = false;

  constructor(options: QaStoreOptions<S>) {
    this.options = options;
    this.state = new QaState<Q, P>(options.audience);
    this.events = new InterviewEvents(options.eventsUrl, {
      onInterview: (interview) => this.each((l) => l.onInterview?.(interview)),
      onLiveChange: (live) => {
        this.live = live;
        if (!live) this.replaying = true;
        this.each((l) => l.onLiveChange?.(live));
        this.schedulePoll();
      },
      onNotFound: () => {
        this.notFound = true;
        this.close();
        this.each((l) => l.onNotFound?.());
      },
      hello: () => {
        if (!this.firstLoadSettled) return null;
        this.replaying = true;
        const token = this.options.audience === 'public' ? peekDeviceToken() : null;
        return token ? { since: this.state.seq, deviceToken: token } : { since: this.state.seq };
      },
      onQa: (message) => this.emit(this.state.applyEvent(message), !this.replaying),
      onQaSynced: (seq) => {
        this.state.synced(seq);
        this.replaying = false;
        this.failures = 0;
        this.loadError = null;
        // Elements waiting for the first state learn it is complete now.
        this.emit({ changed: true, newQuestions: [], newPosts: [], myStatusChanged: [], bansChanged: false }, false);
        this.schedulePoll();
      },
      onViewers: (count) => {
        this.viewers = count;
        this.emit({ changed: true, newQuestions: [], newPosts: [], myStatusChanged: [], bansChanged: false }, false);
      },
    });
    void this.poll();
  }

  /** The Q&A is known: from a snapshot, or from a complete replay. */
  get ready(): boolean {
    return this.state.loaded || (this.firstLoadSettled && !this.replaying && this.live);
  }

  subscribe(listener: QaStoreListener): () => void {
    this.listeners.add(listener);
    if (this.live) listener.onLiveChange?.(true);
    return () => this.listeners.delete(listener);
  }

  /**
   * The netizen's side, called when a question element appears and again once the device got its token (with its
   * first question; viewers who never ask get none): loads "我的提问", and when the socket said hello without the
   * token, reconnects so this device's events come too.
   */
  useDevice(): void {
    if (this.options.audience !== 'public') return;
    this.usingDevice = true;
    const token = peekDeviceToken();
    if (!token) return;
    const sent = this.events.helloSent;
    if (sent && sent.deviceToken !== token) this.events.reconnect();
    void this.loadMine();
  }

  /** A question of this device from an HTTP answer (created, withdrawn). */
  applyMine(questions: MyQuestion[], seqAtRequest: number): void {
    this.emit(this.state.applyMine(questions, seqAtRequest), false);
  }

  /** The answer to a staff action on a question or post, shown before the socket's event confirms it. */
  applyAnswer(kind: 'question', item: Q, seqAtRequest: number): void;
  applyAnswer(kind: 'post', item: P, seqAtRequest: number): void;
  applyAnswer(kind: 'question' | 'post', item: Q | P, seqAtRequest: number): void {
    this.emit(this.state.applyAnswer(kind, item, seqAtRequest), false);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.pollTimer);
    this.events.close();
  }

  private each(call: (listener: QaStoreListener) => void): void {
    for (const listener of [...this.listeners]) call(listener);
  }

  private emit(change: QaChange, live: boolean): void {
    if (change.changed) this.each((l) => l.onChange?.(change, live));
  }

  private async loadMine(): Promise<void> {
    const load = this.options.loadMine;
    const token = peekDeviceToken();
    if (!load || !token) return;
    const seq = this.state.seq;
    try {
      this.applyMine(await load(token), seq);
    } catch {
      // The list is refreshed with the next poll; the socket brings changes meanwhile.
    }
  }

  /** Loads the snapshot now, then again while the socket does not deliver. */
  private async poll(): Promise<void> {
    clearTimeout(this.pollTimer);
    try {
      const snapshot = await this.options.loadSnapshot();
      if (this.closed) return;
      this.snapshot = snapshot;
      this.loadError = null;
      this.failures = 0;
      this.emit({ ...this.state.applySnapshot(snapshot), changed: true }, false);
    } catch (error) {
      if (this.closed) return;
      this.failures++;
      this.loadError = error instanceof ApiError ? error : new ApiError(0, 'network', String(error));
      this.emit({ changed: true, newQuestions: [], newPosts: [], myStatusChanged: [], bansChanged: false }, false);
    }
    if (this.usingDevice && this.firstLoadSettled) await this.loadMine();
    if (!this.firstLoadSettled) {
      this.firstLoadSettled = true;
      this.events.sayHello();
    }
    this.schedulePoll();
  }

  private schedulePoll(): void {
    clearTimeout(this.pollTimer);
    if (this.closed || this.notFound || (this.live && this.ready)) return;
    const delay = Math.min(POLL_MS * 2 ** Math.max(0, this.failures - 1), POLL_MAX_MS);
    // Jitter, so a portal's viewers do not all come back at once after an outage.
    this.pollTimer = setTimeout(() => void this.poll(), delay * (0.8 + Math.random() * 0.4));
  }
}

export type PublicQaStore = QaStore<PublicQuestion, PublicPost, PublicQaSnapshot>;
export type StaffQaStore = QaStore<StaffQuestion, StaffPost, StaffQaSnapshot>;

export interface QaStoreHandle<T> {
  store: T;
  release(): void;
}

const shared = new Map<string, { store: { close(): void }; users: number }>();

/** One store per key on the page, closed a moment after its last user leaves (not when an element merely moves). */
function acquire<T extends { close(): void }>(key: string, create: () => T): QaStoreHandle<T> {
  let entry = shared.get(key);
  if (!entry) {
    entry = { store: create(), users: 0 };
    shared.set(key, entry);
  }
  entry.users++;
  const held = entry;
  let released = false;
  return {
    // The key names the store's kind, so the entry holds a T.
    store: held.store as T,
    release: () => {
      if (released) return;
      released = true;
      held.users--;
      setTimeout(() => {
        if (held.users > 0 || shared.get(key) !== held) return;
        shared.delete(key);
        held.store.close();
      }, 0);
    },
  };
}

function interviewPath(interviewId: string): string {
  return encodeURIComponent(interviewId);
}

/** The public Q&A of an interview (and its viewer socket) on a server, shared by every element on the page. */
export function acquirePublicQaStore(server: string | null | undefined, interviewId: string): QaStoreHandle<PublicQaStore> {
  const eventsUrl = interviewEventsUrl(server, interviewId, document.baseURI);
  return acquire(`public ${eventsUrl}`, () => {
    const base = `/api/public/interviews/${interviewPath(interviewId)}`;
    return new QaStore<PublicQuestion, PublicPost, PublicQaSnapshot>({
      eventsUrl,
      audience: 'public',
      loadSnapshot: () => fetchJson<PublicQaSnapshot>(server, `${base}/qa`, { cache: 'no-store' }),
      loadMine: (token) =>
        fetchJson<MyQuestion[]>(server, `${base}/my-questions`, { cache: 'no-store', headers: { 'X-Device-Token': token } }),
    });
  });
}

/** The staff view (console, same origin, session cookie) over /api/interviews/:id/staff-events. */
export function acquireStaffQaStore(
  interviewId: string,
  loadSnapshot: (path: string) => Promise<StaffQaSnapshot>,
): QaStoreHandle<StaffQaStore> {
  const path = `/api/interviews/${interviewPath(interviewId)}`;
  const eventsUrl = new URL(apiUrl('', `${path}/staff-events`), document.baseURI).href.replace(/^http/, 'ws');
  return acquire(`staff ${eventsUrl}`, () => {
    return new QaStore<StaffQuestion, StaffPost, StaffQaSnapshot>({
      eventsUrl,
      audience: 'staff',
      loadSnapshot: () => loadSnapshot(`${path}/qa`),
    });
  });
}
