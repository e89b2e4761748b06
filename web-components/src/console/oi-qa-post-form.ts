import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../i18n/index.js';
import { byTime, charCount } from '../qa/labels.js';
import type { StaffQaStore } from '../qa/qa-store.js';
import { QA_LIMITS, type PostRole, type StaffPost, type StaffQuestion } from '../qa/types.js';
import { api, errorMessage } from './api.js';
import { QaDesk, excerpt } from './qa-desk.js';

/**
 * <oi-qa-post-form>: writes one 图文直播 post as the host or as a guest, optionally answering a question (一问一答).
 * The question picker follows the one being answered until the writer picks another.
 */
export class OiQaPostForm extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    interviewId: { type: String, attribute: 'interview-id' },
    author: { type: String },
    guestIndex: { type: Number, attribute: 'guest-index' },
    store: { attribute: false },
    body: { state: true },
    questionChoice: { state: true },
    busy: { state: true },
    error: { state: true },
    notice: { state: true },
  };

  declare lang: string;
  declare interviewId: string;
  /** Who writes: the host or a guest (not `role`, which is ARIA's attribute). */
  declare author: PostRole;
  declare guestIndex: number | null;
  declare store: StaffQaStore | null;
  declare body: string;
  /** The picked question's id, '' for none, or null to follow the one being answered. */
  declare questionChoice: string | null;
  declare busy: boolean;
  declare error: string;
  declare notice: string;

  constructor() {
    super();
    this.author = 'host';
    this.guestIndex = null;
    this.store = null;
    this.body = '';
    this.questionChoice = null;
    this.busy = false;
    this.error = '';
    this.notice = '';
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  private questionId(): string {
    return this.questionChoice ?? this.store?.state.answeringQuestionId ?? '';
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const store = this.store;
    const body = this.body.trim();
    if (!store || this.busy) return;
    this.notice = '';
    if (charCount(body) < QA_LIMITS.postBody.min || charCount(body) > QA_LIMITS.postBody.max) {
      this.error = this.msg('postBodyRequired', { max: QA_LIMITS.postBody.max });
      this.renderRoot.querySelector<HTMLElement>('#post-body')?.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    const seq = store.state.seq;
    const questionId = this.questionId();
    try {
      const post = await api<StaffPost>(`/api/interviews/${encodeURIComponent(this.interviewId)}/posts`, {
        method: 'POST',
        body: {
          role: this.author,
          ...(this.author === 'guest' && this.guestIndex !== null ? { guestIndex: this.guestIndex } : {}),
          body,
          ...(questionId ? { questionId } : {}),
        },
      });
      store.applyAnswer('post', post, seq);
      this.body = '';
      this.questionChoice = null;
      this.notice = this.msg(post.status === 'pending' ? 'postSubmittedPending' : 'postSubmittedPublished');
    } catch (error) {
      this.error = this.msg('errGeneric', { message: errorMessage(error) });
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const store = this.store;
    const questions = (store?.state.questions.values() ?? [])
      .filter((q) => q.status === 'approved' || q.status === 'answered')
      .sort(byTime<StaffQuestion>((q) => q.createdAt));
    const chosen = this.questionId();
    return html`
      <form @submit=${(e: Event) => void this.submit(e)}>
        <div class="field">
          <label for="post-body">${this.msg('postBody')}</label>
          <textarea
            id="post-body"
            rows="5"
            maxlength=${QA_LIMITS.postBody.max}
            aria-describedby="post-count"
            .value=${this.body}
            @input=${(e: Event) => (this.body = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          <p id="post-count" class="hint">${this.msg('postCount', { count: charCount(this.body.trim()), max: QA_LIMITS.postBody.max })}</p>
        </div>
        <div class="field">
          <label for="post-question">${this.msg('postAnswers')}</label>
          <select id="post-question" @change=${(e: Event) => (this.questionChoice = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${chosen === ''}>${this.msg('postAnswersNone')}</option>
            ${questions.map(
              (q) => html`<option value=${q.id} ?selected=${chosen === q.id}>
                ${this.msg(q.id === store?.state.answeringQuestionId ? 'postQuestionAnswering' : 'postQuestionOption', {
                  nickname: q.nickname,
                  body: excerpt(q.body, 40),
                })}
              </option>`,
            )}
          </select>
        </div>
        <p class="error" role="alert">${this.error}</p>
        <p role="status">${this.notice}</p>
        <button type="submit" ?disabled=${this.busy || !store}>${this.msg('postSubmit')}</button>
      </form>
    `;
  }

  static override styles = QaDesk.styles;
}

/** The posts one writer sees under the form, newest first, with their review status. */
export function renderPostList(lang: string, posts: StaffPost[], time: (iso: string | null) => unknown): TemplateResult {
  const msg = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  if (posts.length === 0) return html`<p>${msg('postNone')}</p>`;
  const statusKeys: Record<StaffPost['status'], MessageKey> = {
    pending: 'postStatusPending',
    approved: 'postStatusApproved',
    rejected: 'postStatusRejected',
  };
  return html`<ul class="items">
    ${[...posts]
      .sort(byTime<StaffPost>((p) => p.createdAt))
      .reverse()
      .map(
        (post) => html`<li class="item">
          <p class="item-meta">
            <span class="tag">${msg(statusKeys[post.status])}</span>${time(post.createdAt)}
            ${post.rejectReason ? html`<span>${msg('postRejectedReason', { reason: post.rejectReason })}</span>` : nothing}
          </p>
          <p class="item-text">${post.body}</p>
        </li>`,
      )}
  </ul>`;
}

if (!customElements.get('oi-qa-post-form')) customElements.define('oi-qa-post-form', OiQaPostForm);
