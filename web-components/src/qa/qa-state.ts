import type { MyQuestion, QaAudience, QaEventMessage, ReviewSettings } from './types.js';

/**
 * Every value is versioned by the seq of the change that produced it, and only ever replaced by a newer one. So
 * snapshot and events can arrive in any order, twice, or across a reconnect, and the result is the same: the
 * newest state of each item. Removed items keep their version (a tombstone), so an older copy cannot bring them back.
 */
export class VersionedMap<T extends { id: string }> {
  private readonly entries = new Map<string, { version: number; value: T | null }>();

  /** Stores `value` unless a newer or equal version is stored; true when it changed. */
  set(value: T, version: number): boolean {
    const entry = this.entries.get(value.id);
    if (entry && entry.version >= version) return false;
    this.entries.set(value.id, { version, value });
    return true;
  }

  remove(id: string, version: number): boolean {
    const entry = this.entries.get(id);
    if (entry && entry.version >= version) return false;
    this.entries.set(id, { version, value: null });
    return entry?.value != null;
  }

  get(id: string): T | undefined {
    return this.entries.get(id)?.value ?? undefined;
  }

  /**
   * The version for an HTTP answer about `id` requested when `seq` was the last seq seen: newer than all that was
   * known then (events up to `seq`, earlier answers), older than any event after it. Each answer halves the gap to
   * seq + 1, so answers in a row (approve, then select) keep their order.
   */
  answerVersion(id: string, seq: number): number {
    const current = this.entries.get(id)?.version;
    const known = current !== undefined && current > seq && current < seq + 1 ? current : seq;
    return (known + seq + 1) / 2;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  values(): T[] {
    const values: T[] = [];
    for (const { value } of this.entries.values()) if (value) values.push(value);
    return values;
  }

  /** Makes the map equal `values` as of `version`: older entries missing from them are removed. */
  replaceAll(values: readonly T[], version: number): boolean {
    const present = new Set(values.map((value) => value.id));
    let changed = false;
    for (const [id, entry] of this.entries) {
      if (!present.has(id) && entry.value && entry.version < version) changed = this.remove(id, version) || changed;
    }
    for (const value of values) changed = this.set(value, version) || changed;
    return changed;
  }
}

/** The common part of the public and the staff snapshot. */
export interface QaSnapshotBase<Q, P> {
  seq: number;
  questions: Q[];
  posts: P[];
  /** Public snapshot only; the staff one marks it on the question. */
  answeringQuestionId?: string | null;
  /** Public snapshot only; the staff one has the whole settings. */
  questionsOpen?: boolean;
  settings?: ReviewSettings;
}

/** What one snapshot or event did, for the elements: which items are new (to announce them). */
export interface QaChange {
  changed: boolean;
  newQuestions: string[];
  newPosts: string[];
  /** Ids of this device's questions whose status changed. */
  myStatusChanged: string[];
  /** A ban was made or lifted (staff): the ban list, which the state does not hold, should be read again. */
  bansChanged: boolean;
}

interface Question {
  id: string;
  createdAt: string;
  answering?: boolean;
  status?: string;
}
interface Post {
  id: string;
}

const NO_CHANGE = (): QaChange => ({ changed: false, newQuestions: [], newPosts: [], myStatusChanged: [], bansChanged: false });

/**
 * The Q&A of one interview as one audience sees it (public, or staff), built from a snapshot and the socket's
 * `qa` events. Pure: no I/O, so the merge rules are tested on their own.
 */
export class QaState<Q extends Question, P extends Post> {
  /** Whose view this is: the staff socket also carries the public and device events, which staff state skips. */
  readonly audience: Exclude<QaAudience, 'device'>;
  readonly questions = new VersionedMap<Q>();
  readonly posts = new VersionedMap<P>();
  /** This device's own questions, in every status (public state only). */
  readonly mine = new VersionedMap<MyQuestion>();
  private answering: { version: number; id: string | null } = { version: -1, id: null };
  private settingsValue: { version: number; value: Partial<ReviewSettings> } = { version: -1, value: {} };
  /** The highest seq seen (snapshot, event or qa-synced): the `since` of the next hello. */
  private lastSeq = 0;
  /** Seq of the newest snapshot applied: events up to it are already in it. */
  private floor = -1;

  constructor(audience: Exclude<QaAudience, 'device'> = 'public') {
    this.audience = audience;
  }

  get seq(): number {
    return this.lastSeq;
  }

  get loaded(): boolean {
    return this.floor >= 0;
  }

  get answeringQuestionId(): string | null {
    return this.answering.id;
  }

  get settings(): Partial<ReviewSettings> {
    return this.settingsValue.value;
  }

  applySnapshot(snapshot: QaSnapshotBase<Q, P>): QaChange {
    const version = snapshot.seq;
    const change = NO_CHANGE();
    if (version < this.floor) return change;
    const hadQuestions = new Set(this.questions.values().map((q) => q.id));
    const hadPosts = new Set(this.posts.values().map((p) => p.id));
    change.changed = this.questions.replaceAll(snapshot.questions, version) || change.changed;
    change.changed = this.posts.replaceAll(snapshot.posts, version) || change.changed;
    change.newQuestions = snapshot.questions.map((q) => q.id).filter((id) => !hadQuestions.has(id) && this.questions.has(id));
    change.newPosts = snapshot.posts.map((p) => p.id).filter((id) => !hadPosts.has(id) && this.posts.has(id));
    const answeringId =
      snapshot.answeringQuestionId !== undefined
        ? snapshot.answeringQuestionId
        : (snapshot.questions.find((q) => q.answering)?.id ?? null);
    change.changed = this.setAnswering(answeringId, version) || change.changed;
    const settings = snapshot.settings ?? (snapshot.questionsOpen === undefined ? {} : { questionsOpen: snapshot.questionsOpen });
    change.changed = this.setSettings(settings, version, true) || change.changed;
    for (const question of snapshot.questions) this.followPublic(question, version, change);
    this.floor = version;
    this.lastSeq = Math.max(this.lastSeq, version);
    return change;
  }

  /**
   * One `qa` event. Those at or below the last snapshot's seq are in it already; any other is applied per item,
   * only over older versions, so a repeat or a late older event changes nothing.
   */
  applyEvent(message: QaEventMessage): QaChange {
    const { seq, item, audience } = message;
    const change = NO_CHANGE();
    this.lastSeq = Math.max(this.lastSeq, seq);
    // Another audience's view of a change this state sees in its own event.
    if (audience !== undefined && audience !== this.audience && !(audience === 'device' && this.audience === 'public')) {
      return change;
    }
    const id = typeof item['id'] === 'string' ? item['id'] : null;
    switch (message.event) {
      case 'question': {
        if (id === null) break;
        if (item['removed'] === true) {
          if (seq > this.floor) change.changed = this.questions.remove(id, seq);
        } else if (audience === 'device' || (audience === undefined && this.audience === 'public' && isDeviceQuestion(item))) {
          // Not bounded by the snapshot: the public snapshot has no device items.
          const before = this.mine.get(id)?.status;
          if (this.mine.set(item as unknown as MyQuestion, seq)) {
            change.changed = true;
            if (before !== item['status']) change.myStatusChanged.push(id);
          }
        } else if (seq > this.floor) {
          const isNew = !this.questions.has(id);
          if (this.questions.set(item as unknown as Q, seq)) {
            change.changed = true;
            if (isNew) change.newQuestions.push(id);
            this.followPublic(item as unknown as Q, seq, change);
          }
        }
        break;
      }
      case 'post': {
        if (id === null || seq <= this.floor) break;
        if (item['removed'] === true) {
          change.changed = this.posts.remove(id, seq);
        } else {
          const isNew = !this.posts.has(id);
          if (this.posts.set(item as unknown as P, seq)) {
            change.changed = true;
            if (isNew) change.newPosts.push(id);
          }
        }
        break;
      }
      case 'answering': {
        const answeringId = item['answeringQuestionId'];
        if (seq > this.floor && (typeof answeringId === 'string' || answeringId === null)) {
          change.changed = this.setAnswering(answeringId, seq);
        }
        break;
      }
      case 'settings':
        if (seq > this.floor) change.changed = this.setSettings(item as Partial<ReviewSettings>, seq, false);
        break;
      case 'ban':
        change.changed = change.bansChanged = true;
        break;
    }
    return change;
  }

  /** The replay after hello is complete up to `seq`; nothing this audience may see is missing below it. */
  synced(seq: number): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
  }

  /**
   * This device's questions from an HTTP answer (the list, or one created or withdrawn). It has no seq: it is at
   * least as new as everything seen before the request was made, and may be older than anything after.
   */
  applyMine(questions: readonly MyQuestion[], seqAtRequest: number): QaChange {
    const change = NO_CHANGE();
    for (const question of questions) {
      const before = this.mine.get(question.id)?.status;
      if (this.mine.set(question, this.mine.answerVersion(question.id, seqAtRequest))) {
        change.changed = true;
        if (before !== undefined && before !== question.status) change.myStatusChanged.push(question.id);
      }
    }
    return change;
  }

  /**
   * A staff action's answer: the item's state, at least as new as the seq seen when the action was sent (placed as
   * for applyMine). Its `answering` flag moves the marker too, which the socket's own event confirms.
   */
  applyAnswer(kind: 'question' | 'post', item: Q | P, seqAtRequest: number): QaChange {
    const change = NO_CHANGE();
    if (kind === 'post') {
      const isNew = !this.posts.has(item.id);
      change.changed = this.posts.set(item as P, this.posts.answerVersion(item.id, seqAtRequest));
      if (change.changed && isNew) change.newPosts.push(item.id);
      return change;
    }
    const question = item as Q;
    const isNew = !this.questions.has(question.id);
    const version = this.questions.answerVersion(question.id, seqAtRequest);
    change.changed = this.questions.set(question, version);
    if (!change.changed) return change;
    if (isNew) change.newQuestions.push(question.id);
    if (question.answering === true) this.setAnswering(question.id, version);
    else if (question.answering === false && this.answering.id === question.id) this.setAnswering(null, version);
    return change;
  }

  /** A public question that is also this device's: its approval or answer shows in "我的提问" too. */
  private followPublic(question: Q, version: number, change: QaChange): void {
    const mine = this.mine.get(question.id);
    if (!mine || typeof question.status !== 'string' || mine.status === question.status) return;
    const body = typeof (question as { body?: unknown }).body === 'string' ? (question as unknown as { body: string }).body : mine.body;
    if (this.mine.set({ ...mine, status: question.status as MyQuestion['status'], body }, version)) {
      change.changed = true;
      change.myStatusChanged.push(question.id);
    }
  }

  private setAnswering(id: string | null, version: number): boolean {
    if (this.answering.version >= version) return false;
    const changed = this.answering.id !== id;
    this.answering = { version, id };
    return changed;
  }

  /** Events carry part of the settings (the public sees only questionsOpen); a snapshot carries all it shows. */
  private setSettings(value: Partial<ReviewSettings>, version: number, whole: boolean): boolean {
    if (this.settingsValue.version >= version) return false;
    const next = whole ? { ...value } : { ...this.settingsValue.value, ...value };
    const changed = JSON.stringify(next) !== JSON.stringify(this.settingsValue.value);
    this.settingsValue = { version, value: next };
    return changed;
  }
}

/** Without an audience field, a device event's item is told by its shape: the asker's fields, no public-only ones. */
function isDeviceQuestion(item: Record<string, unknown>): boolean {
  return 'rejectReason' in item && !('answering' in item);
}
