import type { NewQaEvent } from '../db/QaTransaction.js';
import type { Post, Question, ReviewSettings } from '../domain/qa/types.js';
import {
  deviceQuestionView,
  publicPostView,
  publicQuestionView,
  staffPostView,
  staffQuestionView,
} from '../domain/qa/views.js';

/** Turns a stored image path into the URL clients load it from. */
export type ImageUrl = (path: string) => string;

/** What a viewer gets for an item that stopped being public: drop it. */
export interface RemovedItem {
  id: string;
  removed: true;
}

/**
 * The events a question's change makes, one per audience that may see it: viewers get the public view while it is
 * public and `{id, removed}` once when it stops being public; the asker's device gets its own view; staff get
 * everything. An audience whose view did not change gets nothing.
 */
export function questionEvents(before: Question | null, after: Question, deviceHash: string): NewQaEvent[] {
  const events: NewQaEvent[] = [];
  const publicBefore = before && publicQuestionView(before);
  const publicAfter = publicQuestionView(after);
  if (publicAfter && !sameJson(publicBefore, publicAfter)) {
    events.push({ audience: 'public', deviceHash: null, type: 'question', payload: publicAfter });
  } else if (!publicAfter && publicBefore) {
    events.push({ audience: 'public', deviceHash: null, type: 'question', payload: removed(after.id) });
  }
  const mine = deviceQuestionView(after);
  if (!before || !sameJson(deviceQuestionView(before), mine)) {
    events.push({ audience: 'device', deviceHash, type: 'question', payload: mine });
  }
  events.push({ audience: 'staff', deviceHash: null, type: 'question', payload: staffQuestionView(after) });
  return events;
}

/**
 * The `answering` events after the question being answered changed: viewers learn which public question it is
 * (null when none, or when it is not public), staff which question at all.
 */
export function answeringEvents(answering: Question | null): NewQaEvent[] {
  const publicId = answering && publicQuestionView(answering) ? answering.id : null;
  return [
    { audience: 'public', deviceHash: null, type: 'answering', payload: { answeringQuestionId: publicId } },
    { audience: 'staff', deviceHash: null, type: 'answering', payload: { answeringQuestionId: answering?.id ?? null } },
  ];
}

/** Like questionEvents, for a post: viewers see it once published. */
export function postEvents(before: Post | null, after: Post, imageUrl: ImageUrl): NewQaEvent[] {
  const events: NewQaEvent[] = [];
  const publicBefore = before && publicPostView(before, imageUrl);
  const publicAfter = publicPostView(after, imageUrl);
  if (publicAfter && !sameJson(publicBefore, publicAfter)) {
    events.push({ audience: 'public', deviceHash: null, type: 'post', payload: publicAfter });
  } else if (!publicAfter && publicBefore) {
    events.push({ audience: 'public', deviceHash: null, type: 'post', payload: removed(after.id) });
  }
  events.push({ audience: 'staff', deviceHash: null, type: 'post', payload: staffPostView(after, imageUrl) });
  return events;
}

/** Staff get the whole settings; viewers only whether they may ask, and only when that changed. */
export function settingsEvents(before: ReviewSettings, after: ReviewSettings): NewQaEvent[] {
  const events: NewQaEvent[] = [];
  if (before.questionsOpen !== after.questionsOpen) {
    events.push({ audience: 'public', deviceHash: null, type: 'settings', payload: { questionsOpen: after.questionsOpen } });
  }
  events.push({ audience: 'staff', deviceHash: null, type: 'settings', payload: after });
  return events;
}

function removed(id: string): RemovedItem {
  return { id, removed: true };
}

/** The views are flat objects built field by field in a fixed order, so their JSON compares them exactly. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
