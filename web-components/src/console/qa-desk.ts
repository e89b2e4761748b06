import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Interview } from '../api/types.js';
import { formatTime, t, type MessageKey } from '../i18n/index.js';
import { QaStoreController } from '../qa/qa-controller.js';
import type { QaChange } from '../qa/qa-state.js';
import { acquireStaffQaStore, type StaffQaStore } from '../qa/qa-store.js';
import type { StaffPost, StaffQaSnapshot, StaffQuestion } from '../qa/types.js';
import { baseStyles } from '../styles.js';
import { api, errorMessage } from './api.js';
import { consoleStyles } from './console-styles.js';

/** What a question action sends (POST …/questions/:qid/actions). */
export interface QuestionAction {
  action: 'approve' | 'reject' | 'edit' | 'select' | 'unselect' | 'merge' | 'answering' | 'answered';
  reason?: string;
  body?: string;
  into?: string;
}

/**
 * The common part of the Q&A desks (#/interviews/:id/moderate, /host, /guest, /review): the interview, the staff
 * Q&A store over /staff-events (shared by every desk open on the page), the actions with their errors, and one
 * polite live region for what happened. Subclasses render the desk itself.
 */
export abstract class QaDesk extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    interviewId: { type: String, attribute: 'interview-id' },
    interview: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  declare lang: string;
  declare interviewId: string;
  declare interview: Interview | null;
  declare error: string;
  /** Read out politely: the outcome of an action, or news from the socket. */
  declare notice: string;
  declare busy: boolean;

  /** The desk's name in the catalogue, for its heading. */
  protected abstract readonly titleKey: MessageKey;

  protected readonly qa = new QaStoreController<StaffQaStore>(
    this,
    () => this.interviewId ?? '',
    () => acquireStaffQaStore(this.interviewId, (path) => api<StaffQaSnapshot>(path)),
    (change, live) => this.onQaChange(change, live),
  );

  constructor() {
    super();
    this.interview = null;
    this.error = '';
    this.notice = '';
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('interviewId') && this.interviewId) void this.loadInterview();
  }

  /** News from the socket for this desk (e.g. new questions for the moderator). */
  protected onQaChange(_change: QaChange, _live: boolean): void {}

  protected msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  protected get path(): string {
    return `/api/interviews/${encodeURIComponent(this.interviewId)}`;
  }

  private async loadInterview(): Promise<void> {
    try {
      this.interview = await api<Interview>(this.path);
    } catch (error) {
      this.error = this.msg('errGeneric', { message: errorMessage(error) });
    }
  }

  /** Runs one staff action: one at a time, errors shown, the answer applied at once (the socket confirms it). */
  protected async run(work: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = '';
    try {
      await work();
      return true;
    } catch (error) {
      this.error = this.msg('errGeneric', { message: errorMessage(error) });
      return false;
    } finally {
      this.busy = false;
    }
  }

  protected async questionAction(question: StaffQuestion, action: QuestionAction): Promise<StaffQuestion> {
    const store = this.qa.store;
    const seq = store?.state.seq ?? 0;
    const updated = await api<StaffQuestion>(`${this.path}/questions/${encodeURIComponent(question.id)}/actions`, {
      method: 'POST',
      body: action,
    });
    store?.applyAnswer('question', updated, seq);
    return updated;
  }

  protected async postAction(post: StaffPost, action: { action: 'approve' | 'reject'; reason?: string }): Promise<StaffPost> {
    const store = this.qa.store;
    const seq = store?.state.seq ?? 0;
    const updated = await api<StaffPost>(`${this.path}/posts/${encodeURIComponent(post.id)}/actions`, {
      method: 'POST',
      body: action,
    });
    store?.applyAnswer('post', updated, seq);
    return updated;
  }

  protected time(iso: string | null): TemplateResult | typeof nothing {
    return iso ? html`<time datetime=${iso}>${formatTime(this.lang, iso)}</time>` : nothing;
  }

  override render(): TemplateResult {
    const store = this.qa.store;
    const title = this.interview?.title ?? '';
    return html`
      <p class="actions">
        <a class="link-button" href="#/interviews/${encodeURIComponent(this.interviewId ?? '')}">${this.msg('backToInterview')}</a>
      </p>
      <h1>${this.msg(this.titleKey)}${title ? html`<span class="subtitle">${title}</span>` : nothing}</h1>
      <p class="connection ${store?.live ? 'ok' : 'down'}">
        ${this.msg(store?.live ? 'qaConnLive' : 'qaConnOffline')}
      </p>
      <p class="error" role="alert">${this.error}</p>
      <p class="notice" role="status">${this.notice}</p>
      ${!store
        ? nothing
        : store.ready
          ? this.renderDesk(store)
          : html`<p>${store.loadError ? this.msg('errGeneric', { message: store.loadError.message }) : this.msg('loading')}</p>`}
    `;
  }

  protected abstract renderDesk(store: StaffQaStore): TemplateResult;

  static override styles = [
    baseStyles,
    consoleStyles,
    css`
      .subtitle {
        display: block;
        font-size: 0.7em;
        font-weight: normal;
      }
      .connection {
        margin: 0 0 0.5em;
        font-size: 0.95em;
      }
      .connection.down {
        color: #7a4a00;
        font-weight: bold;
      }
      .notice:empty {
        display: none;
      }
      .notice {
        padding: 0.4em 0.8em;
        border-left: 4px solid var(--oi-scheduled, #0b5e3a);
        background: #eef7f1;
      }
      .items {
        list-style: none;
        margin: 0 0 1.5em;
        padding: 0;
      }
      .item {
        border: 1px solid var(--oi-border, #c4c4c4);
        border-radius: var(--oi-radius, 4px);
        padding: 0.6em 0.8em;
        margin: 0 0 0.6em;
        background: var(--oi-surface, #fff);
      }
      .item[aria-current='true'] {
        border: 3px solid var(--oi-focus, #1a5fb4);
        padding: calc(0.6em - 2px) calc(0.8em - 2px);
      }
      .item:focus {
        outline: 3px solid var(--oi-focus, #1a5fb4);
        outline-offset: 2px;
      }
      .item.flagged {
        border-left: 8px solid #8a5a00;
        background: #fff7e0;
      }
      .item.answering {
        border-left: 8px solid var(--oi-live, var(--oi-accent, #a8141c));
      }
      .item-text {
        margin: 0.3em 0;
        white-space: pre-line;
        overflow-wrap: anywhere;
        font-size: 1.05em;
      }
      .item-meta {
        margin: 0;
        font-size: 0.95em;
        color: var(--oi-muted-text, #444);
      }
      .item-meta > * + * {
        margin-left: 0.8em;
      }
      .tag {
        display: inline-block;
        padding: 0 0.5em;
        border: 1px solid currentColor;
        border-radius: var(--oi-radius, 4px);
        font-weight: bold;
      }
      .tag.flag {
        color: #6b4500;
      }
      .tag.live {
        color: var(--oi-live, var(--oi-accent, #a8141c));
      }
      .original,
      .quote {
        margin: 0.3em 0;
        padding: 0.3em 0.6em;
        border-left: 3px solid var(--oi-border, #a0a0a0);
        background: #f4f4f4;
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .hint {
        margin: 0.2em 0 0;
        font-size: 0.95em;
        color: var(--oi-muted-text, #444);
      }
      .images img {
        display: block;
        max-width: 100%;
        height: auto;
        margin: 0.4em 0;
      }
      .help {
        margin: 0 0 1em;
        padding: 0.4em 0.8em;
        background: #f1f1f1;
        border-radius: var(--oi-radius, 4px);
      }
      kbd {
        display: inline-block;
        min-width: 1.6em;
        padding: 0 0.3em;
        border: 1px solid #6b6b6b;
        border-radius: 3px;
        background: #fff;
        font-family: inherit;
        font-weight: bold;
        text-align: center;
      }
      textarea {
        font: inherit;
        line-height: 1.5;
        padding: 0.4em 0.6em;
        border: 1px solid #6b6b6b;
        border-radius: var(--oi-radius, 4px);
        min-height: 6em;
        resize: vertical;
      }
      textarea:focus {
        outline: 3px solid var(--oi-focus, #1a5fb4);
        outline-offset: 2px;
      }
      .choices {
        display: flex;
        flex-direction: column;
        gap: 0.2em;
      }
      .choices label {
        display: flex;
        align-items: center;
        gap: 0.5em;
        min-height: 44px;
        font-weight: normal;
      }
      input[type='radio'],
      input[type='checkbox'] {
        width: 1.3em;
        height: 1.3em;
        min-height: 0;
      }
    `,
  ];
}

/** The start of a text, to name an item in a label or an announcement. */
export function excerpt(text: string, chars = 24): string {
  const all = [...text];
  return all.length > chars ? `${all.slice(0, chars).join('')}…` : text;
}
