import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { ApiError, fetchJson } from './api/client.js';
import { formatTime, t, type MessageKey } from './i18n/index.js';
import { deviceToken } from './qa/device-token.js';
import { authorLabel, byTime, charCount, QUESTION_STATUS_KEYS } from './qa/labels.js';
import { QaStoreController } from './qa/qa-controller.js';
import type { QaChange } from './qa/qa-state.js';
import { acquirePublicQaStore, type PublicQaStore } from './qa/qa-store.js';
import { QA_LIMITS, type MyQuestion, type PublicPost, type PublicQuestion } from './qa/types.js';
import { baseStyles } from './styles.js';

type Field = 'nickname' | 'body' | 'contact';

const FIELD_KEYS: Record<Field, MessageKey> = { nickname: 'qaNickname', body: 'qaBody', contact: 'qaContactShort' };

/**
 * <interview-questions server interview lang advance>: netizens' questions to one interview. The form (网名, 问题,
 * optional 联系方式 seen only by staff), "我的提问" with each one's review status and withdrawal while pending,
 * and the approved questions with the one being answered (正在回答) marked and each answer under its question.
 * `advance` titles it 预约提问, for before the show. Shares the page's Q&A store and socket with the other elements.
 */
export class InterviewQuestions extends LitElement {
  static override properties = {
    server: { type: String },
    interview: { type: String },
    lang: { type: String, reflect: true },
    advance: { type: Boolean },
    nickname: { state: true },
    body: { state: true },
    contact: { state: true },
    invalid: { state: true },
    formError: { state: true },
    status: { state: true },
    sending: { state: true },
    closedByServer: { state: true },
  };

  declare server: string | undefined;
  declare interview: string | undefined;
  declare lang: string;
  declare advance: boolean;
  declare nickname: string;
  declare body: string;
  declare contact: string;
  declare invalid: Field | null;
  declare formError: string;
  /** Outcomes worth announcing: submitted, withdrawn, a review decision on one of mine. */
  declare status: string;
  declare sending: boolean;
  /** The server said 409 questions_closed before the store heard the window closed. */
  declare closedByServer: boolean;

  private readonly qa = new QaStoreController<PublicQaStore>(
    this,
    () => {
      const id = (this.interview ?? '').trim();
      return id ? `${this.server ?? ''}|${id}` : '';
    },
    () => {
      const handle = acquirePublicQaStore(this.server, (this.interview ?? '').trim());
      handle.store.useDevice();
      return handle;
    },
    (change, live) => this.onQaChange(change, live),
  );

  constructor() {
    super();
    this.advance = false;
    this.nickname = '';
    this.body = '';
    this.contact = '';
    this.invalid = null;
    this.formError = '';
    this.status = '';
    this.sending = false;
    this.closedByServer = false;
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  private get base(): string {
    return `/api/public/interviews/${encodeURIComponent((this.interview ?? '').trim())}`;
  }

  /** A moderator's decision on one of this device's questions is news to its asker. */
  private onQaChange(change: QaChange, live: boolean): void {
    const store = this.qa.store;
    if (!live || !store || change.myStatusChanged.length === 0) return;
    const question = store.state.mine.get(change.myStatusChanged[change.myStatusChanged.length - 1]!);
    if (question) this.status = this.msg('qaMyStatusChanged', { body: excerpt(question.body), status: this.statusText(question) });
  }

  private statusText(question: MyQuestion): string {
    if (question.status === 'rejected' && question.rejectReason) {
      return this.msg('qStatusRejectedReason', { reason: question.rejectReason });
    }
    return this.msg(QUESTION_STATUS_KEYS[question.status]);
  }

  /** The same limits the server applies, checked first so the netizen learns at once which field to fix. */
  private validate(): { field: Field; message: string } | null {
    const nickname = this.nickname.trim();
    const body = this.body.trim();
    const contact = this.contact.trim();
    if (charCount(nickname) < QA_LIMITS.nickname.min || charCount(nickname) > QA_LIMITS.nickname.max) {
      return { field: 'nickname', message: this.msg('qaErrNickname', { max: QA_LIMITS.nickname.max }) };
    }
    if (charCount(body) < QA_LIMITS.body.min) return { field: 'body', message: this.msg('qaErrBodyShort', { min: QA_LIMITS.body.min }) };
    if (charCount(body) > QA_LIMITS.body.max) return { field: 'body', message: this.msg('qaErrBodyLong', { max: QA_LIMITS.body.max }) };
    if (charCount(contact) > QA_LIMITS.contact.max) {
      return { field: 'contact', message: this.msg('qaErrContact', { max: QA_LIMITS.contact.max }) };
    }
    return null;
  }

  private showFieldError(field: Field | null, message: string): void {
    this.invalid = field;
    this.formError = message;
    if (field) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#oi-q-${field}`)?.focus());
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const store = this.qa.store;
    if (!store || this.sending) return;
    this.status = '';
    const problem = this.validate();
    if (problem) {
      this.showFieldError(problem.field, problem.message);
      return;
    }
    this.invalid = null;
    this.formError = '';
    this.sending = true;
    const seq = store.state.seq;
    const contact = this.contact.trim();
    try {
      const question = await fetchJson<MyQuestion>(this.server, `${this.base}/questions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Device-Token': deviceToken() },
        body: JSON.stringify({ nickname: this.nickname.trim(), body: this.body.trim(), ...(contact ? { contact } : {}) }),
      });
      store.applyMine([question], seq);
      // After a device's first question the socket starts carrying its events (a no-op when it already does).
      store.useDevice();
      this.body = '';
      this.status = this.msg(question.status === 'pending' ? 'qaSubmitted' : 'qaSubmittedPublished');
    } catch (error) {
      this.showSubmitError(error);
    } finally {
      this.sending = false;
    }
  }

  private showSubmitError(error: unknown): void {
    if (!(error instanceof ApiError)) {
      this.showFieldError(null, this.msg('qaErrSubmit', { message: String(error) }));
    } else if (error.status === 400 && isField(error.field)) {
      this.showFieldError(error.field, this.msg('qaErrField', { field: this.msg(FIELD_KEYS[error.field]), message: error.message }));
    } else if (error.code === 'questions_closed') {
      this.closedByServer = true;
      this.showFieldError(null, '');
      this.status = this.msg('qaClosed');
    } else if (error.code === 'banned') {
      // The server's message is English; the catalogue's says the same neutrally in the page's language.
      this.showFieldError(null, this.msg('qaBanned'));
    } else if (error.status === 429) {
      this.showFieldError(
        null,
        error.retryAfter !== null ? this.msg('qaRateLimited', { seconds: error.retryAfter }) : this.msg('qaRateLimitedNoTime'),
      );
    } else if (error.status === 0) {
      this.showFieldError(null, this.msg('qaErrNetwork'));
    } else {
      this.showFieldError(null, this.msg('qaErrSubmit', { message: error.message }));
    }
  }

  private async withdraw(question: MyQuestion, button: HTMLButtonElement): Promise<void> {
    const store = this.qa.store;
    if (!store) return;
    button.disabled = true;
    const seq = store.state.seq;
    try {
      const withdrawn = await fetchJson<MyQuestion>(this.server, `${this.base}/my-questions/${encodeURIComponent(question.id)}`, {
        method: 'DELETE',
        headers: { 'X-Device-Token': deviceToken() },
      });
      store.applyMine([withdrawn], seq);
      this.status = this.msg('qaWithdrawn');
      // The button is gone with the pending status: keep keyboard users in the list rather than at the page top.
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#oi-q-mine-title')?.focus());
    } catch (error) {
      button.disabled = false;
      this.status = this.msg('qaErrWithdraw', { message: error instanceof Error ? error.message : String(error) });
    }
  }

  override render(): TemplateResult {
    const store = this.qa.store;
    const open = store?.state.settings.questionsOpen !== false && !this.closedByServer;
    return html`
      <section part="questions" aria-labelledby="oi-q-title">
        <h3 id="oi-q-title">${this.msg(this.advance ? 'qaAdvanceTitle' : 'qaAskTitle')}</h3>
        ${!store
          ? html`<p>${this.msg('errMissingId')}</p>`
          : open
            ? this.renderForm()
            : html`<p class="closed" part="closed">${this.msg('qaClosed')}</p>`}
        <p class="status" part="status" role="status">${this.status}</p>
        ${store ? html`${this.renderMine(store)} ${this.renderPublic(store)}` : nothing}
      </section>
    `;
  }

  private renderForm(): TemplateResult {
    const count = charCount(this.body.trim());
    const error = (field: Field) => (this.invalid === field ? 'oi-q-error ' : '');
    return html`
      <p class="intro">${this.msg(this.advance ? 'qaAdvanceIntro' : 'qaAskIntro')}</p>
      <form part="form" novalidate @submit=${(event: Event) => void this.submit(event)}>
        <div class="field">
          <label for="oi-q-nickname">${this.msg('qaNickname')}</label>
          <input
            id="oi-q-nickname"
            name="nickname"
            autocomplete="nickname"
            maxlength=${QA_LIMITS.nickname.max}
            required
            aria-invalid=${this.invalid === 'nickname' ? 'true' : 'false'}
            aria-describedby=${error('nickname') || nothing}
            .value=${this.nickname}
            @input=${(e: Event) => (this.nickname = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="oi-q-body">${this.msg('qaBody')}</label>
          <textarea
            id="oi-q-body"
            name="body"
            rows="4"
            maxlength=${QA_LIMITS.body.max}
            required
            aria-invalid=${this.invalid === 'body' ? 'true' : 'false'}
            aria-describedby="${error('body')}oi-q-count"
            .value=${this.body}
            @input=${(e: Event) => (this.body = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          <p id="oi-q-count" class="hint ${count > QA_LIMITS.body.max ? 'over' : ''}">
            ${this.msg('qaBodyCount', { count, max: QA_LIMITS.body.max, min: QA_LIMITS.body.min })}
          </p>
        </div>
        <div class="field">
          <label for="oi-q-contact">${this.msg('qaContact')}</label>
          <input
            id="oi-q-contact"
            name="contact"
            autocomplete="tel"
            maxlength=${QA_LIMITS.contact.max}
            aria-invalid=${this.invalid === 'contact' ? 'true' : 'false'}
            aria-describedby="${error('contact')}oi-q-contact-note"
            .value=${this.contact}
            @input=${(e: Event) => (this.contact = (e.target as HTMLInputElement).value)}
          />
          <p id="oi-q-contact-note" class="hint">${this.msg('qaContactNote')}</p>
        </div>
        <p id="oi-q-error" class="error" part="message" aria-live="polite">${this.formError}</p>
        <button type="submit" ?disabled=${this.sending}>${this.msg(this.sending ? 'qaSubmitting' : 'qaSubmit')}</button>
      </form>
    `;
  }

  private renderMine(store: PublicQaStore): TemplateResult | typeof nothing {
    const mine = store.state.mine.values().sort(byTime<MyQuestion>((q) => q.createdAt)).reverse();
    if (mine.length === 0) return nothing;
    return html`
      <section class="mine" part="mine" aria-labelledby="oi-q-mine-title">
        <h4 id="oi-q-mine-title" tabindex="-1">${this.msg('qaMyTitle')}</h4>
        <ul>
          ${mine.map(
            (question) => html`
              <li>
                <p class="q-text"><span class="text">${question.body}</span></p>
                <p class="q-meta">
                  <span class="tag status-${question.status}">${this.statusText(question)}</span>
                  <time datetime=${question.createdAt}>${formatTime(this.lang, question.createdAt)}</time>
                </p>
                ${question.status === 'pending'
                  ? html`<button
                      type="button"
                      class="secondary"
                      aria-label=${this.msg('qaWithdrawNamed', { body: excerpt(question.body) })}
                      @click=${(e: Event) => void this.withdraw(question, e.currentTarget as HTMLButtonElement)}
                    >
                      ${this.msg('qaWithdraw')}
                    </button>`
                  : nothing}
              </li>
            `,
          )}
        </ul>
      </section>
    `;
  }

  private renderPublic(store: PublicQaStore): TemplateResult {
    const questions = store.state.questions.values().sort(byTime<PublicQuestion>((q) => q.createdAt));
    const answers = new Map<string, PublicPost[]>();
    for (const post of store.state.posts.values().sort(byTime<PublicPost>((p) => p.publishedAt))) {
      if (post.questionId) answers.set(post.questionId, [...(answers.get(post.questionId) ?? []), post]);
    }
    const answeringId = store.state.answeringQuestionId;
    let body: TemplateResult;
    if (!store.ready) {
      body = html`<p>${this.msg(store.loadError ? 'qaLoadFailed' : 'qaLoading')}</p>`;
    } else if (questions.length === 0) {
      body = html`<p>${this.msg('qaNoApproved')}</p>`;
    } else {
      body = html`<ol class="public">
        ${questions.map((question) => {
          const answering = question.id === answeringId;
          const replies = answers.get(question.id) ?? [];
          return html`
            <li class=${answering ? 'answering' : ''} part=${answering ? 'question answering' : 'question'}>
              ${answering
                ? html`<p class="tag answering-tag">${this.msg('qaAnswering')}</p>`
                : question.status === 'answered'
                  ? html`<p class="tag answered-tag">${this.msg('qaAnswered')}</p>`
                  : nothing}
              <p class="q-text">
                <span class="who">${this.msg('qaNetizen', { nickname: question.nickname })}</span>${this.msg('colon')}<span class="text"
                  >${question.body}</span
                >
              </p>
              <p class="q-meta"><time datetime=${question.createdAt}>${formatTime(this.lang, question.createdAt)}</time></p>
              ${replies.length > 0
                ? html`<ul class="answers" aria-label=${this.msg('qaAnswersLabel')}>
                    ${replies.map(
                      (post) =>
                        html`<li><span class="who">${authorLabel(this.lang, post)}</span>${this.msg('colon')}<span class="text"
                            >${post.body}</span
                          ></li>`,
                    )}
                  </ul>`
                : nothing}
            </li>
          `;
        })}
      </ol>`;
    }
    return html`
      <section class="approved" part="approved" aria-labelledby="oi-q-public-title">
        <h4 id="oi-q-public-title">${this.msg('qaApprovedTitle')}</h4>
        ${body}
      </section>
    `;
  }

  static override styles = [
    baseStyles,
    css`
      h3 {
        font-size: 1.15em;
      }
      h4 {
        font-size: 1.05em;
        margin: 1em 0 0.4em;
      }
      .intro,
      .closed {
        margin: 0 0 0.6em;
      }
      .closed {
        font-weight: bold;
      }
      .field {
        display: flex;
        flex-direction: column;
        margin-bottom: 0.7em;
      }
      label {
        font-weight: bold;
        margin-bottom: 0.2em;
      }
      textarea {
        min-height: 6em;
        padding: 0.4em 0.6em;
        border: 1px solid #6b6b6b;
        border-radius: var(--oi-radius, 4px);
        background: #fff;
        color: #1a1a1a;
        resize: vertical;
      }
      textarea:focus {
        outline: 3px solid var(--oi-focus, #1a5fb4);
        outline-offset: 2px;
      }
      [aria-invalid='true'] {
        border: 2px solid var(--oi-danger, #9b1c1c);
      }
      .hint {
        margin: 0.2em 0 0;
        font-size: 0.9em;
        color: var(--oi-muted-text, #444);
      }
      .status {
        margin: 0.6em 0;
        font-weight: bold;
      }
      .status:empty {
        margin: 0;
      }
      ul,
      ol {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        padding: 0.5em 0;
        border-top: 1px solid var(--oi-border, #e1e1e1);
      }
      .q-text {
        margin: 0;
      }
      .text {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .q-meta {
        margin: 0.2em 0;
        font-size: 0.9em;
        color: var(--oi-muted-text, #444);
      }
      .who {
        font-weight: bold;
      }
      .tag {
        display: inline-block;
        margin: 0 0.5em 0.2em 0;
        padding: 0 0.5em;
        border: 1px solid currentColor;
        border-radius: var(--oi-radius, 4px);
        font-size: 0.9em;
      }
      .status-approved,
      .status-answered {
        color: var(--oi-scheduled, #0b5e3a);
      }
      .status-rejected {
        color: var(--oi-danger, #9b1c1c);
      }
      li.answering {
        padding-left: 0.6em;
        padding-right: 0.6em;
        border-left: 5px solid var(--oi-live, var(--oi-accent, #a8141c));
        background: var(--oi-highlight-bg, #fdf3f3);
      }
      .answering-tag {
        display: block;
        width: max-content;
        font-weight: bold;
        color: #fff;
        background: var(--oi-live, var(--oi-accent, #a8141c));
        border-color: var(--oi-live, var(--oi-accent, #a8141c));
      }
      .answered-tag {
        color: var(--oi-scheduled, #0b5e3a);
      }
      .answers {
        margin: 0.3em 0 0 1em;
      }
      .answers li {
        border-top: 0;
        padding: 0.2em 0 0.2em 0.6em;
        border-left: 3px solid var(--oi-border, #c4c4c4);
      }
      h4[tabindex]:focus {
        outline: 3px solid var(--oi-focus, #1a5fb4);
      }
    `,
  ];
}

function isField(field: string | null): field is Field {
  return field === 'nickname' || field === 'body' || field === 'contact';
}

/** The start of a question, to name it in a button label or an announcement. */
function excerpt(text: string): string {
  const chars = [...text];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text;
}

if (!customElements.get('interview-questions')) customElements.define('interview-questions', InterviewQuestions);
