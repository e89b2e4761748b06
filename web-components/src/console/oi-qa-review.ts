import { html, nothing, type TemplateResult } from 'lit';
import { authorLabel, byTime, renderImages } from '../qa/labels.js';
import type { StaffQaStore } from '../qa/qa-store.js';
import { QA_LIMITS, type StaffPost } from '../qa/types.js';
import { QaDesk, excerpt } from './qa-desk.js';

/** How many decided posts stay listed under the queue, newest first. */
const DECIDED_SHOWN = 20;

/**
 * #/interviews/:id/review (受访单位审核, 审核把关): the host and guest posts waiting for review, oldest first, each
 * with the question it answers; approve publishes it, reject (with an optional reason for the writer) keeps it off
 * the 图文直播.
 */
export class OiQaReview extends QaDesk {
  static override properties = {
    ...QaDesk.properties,
    rejecting: { state: true },
    reason: { state: true },
  };

  declare rejecting: string | null;
  declare reason: string;

  protected readonly titleKey = 'qaPageReview' as const;

  constructor() {
    super();
    this.rejecting = null;
    this.reason = '';
  }

  private async decide(post: StaffPost, action: 'approve' | 'reject'): Promise<void> {
    const reason = this.reason.trim();
    const done = await this.run(async () => {
      await this.postAction(post, action === 'reject' && reason ? { action, reason } : { action });
    });
    if (!done) return;
    this.rejecting = null;
    this.reason = '';
    this.notice = this.msg(action === 'approve' ? 'reviewDoneApproved' : 'reviewDoneRejected', { body: excerpt(post.body) });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#review-title')?.focus());
  }

  private openReject(post: StaffPost): void {
    this.rejecting = post.id;
    this.reason = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#reject-reason')?.focus());
  }

  protected renderDesk(store: StaffQaStore): TemplateResult {
    const posts = store.state.posts.values();
    const pending = posts.filter((p) => p.status === 'pending').sort(byTime<StaffPost>((p) => p.createdAt));
    const decided = posts
      .filter((p) => p.status !== 'pending')
      .sort(byTime<StaffPost>((p) => p.updatedAt))
      .reverse()
      .slice(0, DECIDED_SHOWN);
    return html`
      <h2 id="review-title" tabindex="-1">${this.msg('reviewQueueTitle', { count: pending.length })}</h2>
      ${pending.length === 0
        ? html`<p>${this.msg('reviewEmpty')}</p>`
        : html`<ol class="items">
            ${pending.map((post) => this.renderPending(store, post))}
          </ol>`}
      <h2>${this.msg('reviewDecidedTitle', { count: decided.length })}</h2>
      ${decided.length === 0
        ? html`<p>${this.msg('postNone')}</p>`
        : html`<ul class="items">
            ${decided.map(
              (post) => html`<li class="item">
                <p class="item-meta">
                  <strong>${authorLabel(this.lang, post)}</strong>${this.time(post.updatedAt)}
                  <span class="tag">${this.msg(post.status === 'approved' ? 'postStatusApproved' : 'postStatusRejected')}</span>
                  ${post.rejectReason ? html`<span>${post.rejectReason}</span>` : nothing}
                </p>
                <p class="item-text">${post.body}</p>
              </li>`,
            )}
          </ul>`}
    `;
  }

  private renderPending(store: StaffQaStore, post: StaffPost): TemplateResult {
    const question = post.questionId ? store.state.questions.get(post.questionId) : undefined;
    const named = { body: excerpt(post.body) };
    return html`<li class="item">
      <p class="item-meta"><strong>${authorLabel(this.lang, post)}</strong>${this.time(post.createdAt)}</p>
      ${question
        ? html`<p class="quote">${this.msg('reviewAnswersQuestion', { nickname: question.nickname, body: question.body })}</p>`
        : nothing}
      <p class="item-text">${post.body}</p>
      ${renderImages(this.lang, post, (url) => new URL(url, document.baseURI).href)}
      ${this.rejecting === post.id
        ? html`<form @submit=${(e: Event) => (e.preventDefault(), void this.decide(post, 'reject'))}>
            <div class="field">
              <label for="reject-reason">${this.msg('reviewReasonLabel')}</label>
              <input
                id="reject-reason"
                maxlength=${QA_LIMITS.rejectReason.max}
                .value=${this.reason}
                @input=${(e: Event) => (this.reason = (e.target as HTMLInputElement).value)}
                @keydown=${(e: KeyboardEvent) => {
                  if (e.key === 'Escape') this.rejecting = null;
                }}
              />
            </div>
            <div class="actions">
              <button type="submit" class="danger" ?disabled=${this.busy}>${this.msg('modRejectConfirm')}</button>
              <button type="button" class="secondary" @click=${() => (this.rejecting = null)}>${this.msg('cancel')}</button>
            </div>
          </form>`
        : html`<div class="actions">
            <button type="button" ?disabled=${this.busy} aria-label=${this.msg('reviewApproveNamed', named)} @click=${() => void this.decide(post, 'approve')}>
              ${this.msg('reviewApprove')}
            </button>
            <button type="button" class="danger" aria-label=${this.msg('reviewRejectNamed', named)} @click=${() => this.openReject(post)}>
              ${this.msg('reviewReject')}
            </button>
          </div>`}
    </li>`;
  }
}

if (!customElements.get('oi-qa-review')) customElements.define('oi-qa-review', OiQaReview);
