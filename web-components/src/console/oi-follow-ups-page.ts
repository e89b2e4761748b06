import { html, nothing, type TemplateResult } from 'lit';
import type { FollowUpStatus, StaffFollowUp } from '../api/recordsTypes.js';
import type { MessageKey } from '../i18n/index.js';
import { RecordsPage } from './records-page.js';

export const FOLLOW_UP_STATUS_KEYS: Record<FollowUpStatus, MessageKey> = {
  open: 'recFollowStatusOpen',
  answered: 'recFollowStatusAnswered',
  published: 'recFollowStatusPublished',
};

interface FollowUpList {
  followUps: StaffFollowUp[];
  me: { canAnswer: boolean; canReview: boolean };
}

/**
 * #/interviews/:id/follow-ups (会后答复): the questions approved but not answered live, each with its due date (and
 * how late it is); the department writes the answer, the reviewer publishes it or sends it back with a reason.
 */
export class OiFollowUpsPage extends RecordsPage {
  static override properties = {
    ...RecordsPage.properties,
    interviewId: { type: String, attribute: 'interview-id' },
    data: { state: true },
    drafts: { state: true },
    rejecting: { state: true },
  };

  declare interviewId: string;
  declare data: FollowUpList | null;
  /** Answers being written, by question id. */
  declare drafts: Record<string, string>;
  declare rejecting: { questionId: string; reason: string } | null;

  constructor() {
    super();
    this.data = null;
    this.drafts = {};
    this.rejecting = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get path(): string {
    return `/api/interviews/${encodeURIComponent(this.interviewId)}/follow-ups`;
  }

  private async load(): Promise<void> {
    const data = await this.run<FollowUpList>(this.path);
    if (data) this.data = data;
  }

  private replace(updated: StaffFollowUp): void {
    if (!this.data) return;
    this.data = { ...this.data, followUps: this.data.followUps.map((f) => (f.questionId === updated.questionId ? updated : f)) };
  }

  private async answer(followUp: StaffFollowUp): Promise<void> {
    const answer = (this.drafts[followUp.questionId] ?? followUp.answer ?? '').trim();
    const updated = await this.run<StaffFollowUp>(`${this.path}/${followUp.questionId}/answer`, { method: 'POST', body: { answer } });
    if (!updated) return;
    this.replace(updated);
    const { [followUp.questionId]: _done, ...rest } = this.drafts;
    this.drafts = rest;
    this.notice = this.msg('recAnswerSaved');
  }

  private async review(followUp: StaffFollowUp, action: 'approve' | 'reject'): Promise<void> {
    const body = action === 'approve' ? { action } : { action, reason: this.rejecting?.reason.trim() ?? '' };
    const updated = await this.run<StaffFollowUp>(`${this.path}/${followUp.questionId}/actions`, { method: 'POST', body });
    if (!updated) return;
    this.replace(updated);
    this.rejecting = null;
    this.notice = this.msg(action === 'approve' ? 'recAnswerPublished' : 'recAnswerReturned');
  }

  override render(): TemplateResult {
    return html`
      ${this.backLink(this.interviewId)}
      <h1>${this.msg('recFollowUpsTitle')}</h1>
      <p>${this.msg('recFollowUpsIntro')}</p>
      ${this.renderMessages()}
      ${this.data === null
        ? this.error
          ? nothing
          : html`<p>${this.msg('loading')}</p>`
        : this.data.followUps.length === 0
          ? html`<p>${this.msg('recFollowUpsNone')}</p>`
          : html`<ol class="items">
              ${this.data.followUps.map((f) => this.renderFollowUp(f, this.data!.me))}
            </ol>`}
    `;
  }

  private renderFollowUp(f: StaffFollowUp, me: FollowUpList['me']): TemplateResult {
    const answerId = `answer-${f.questionId}`;
    const reasonId = `reason-${f.questionId}`;
    return html`<li class="item ${f.overdue ? 'overdue' : ''}">
      <h2>${this.msg('recQuestionBy', { nickname: f.nickname })}</h2>
      <p class="text">${f.question}</p>
      <p>
        ${this.msg('recDue', { date: f.dueDate })}
        <span class="tag">${this.msg(FOLLOW_UP_STATUS_KEYS[f.status])}</span>
        ${f.overdue ? html`<span class="tag late">${this.msg('recOverdueDays', { days: f.daysOverdue })}</span>` : nothing}
      </p>
      ${f.rejectReason && f.status === 'open' ? html`<p class="warning">${this.msg('recSentBack', { reason: f.rejectReason })}</p>` : nothing}
      ${f.answer && f.status !== 'open'
        ? html`<p class="text"><strong>${this.msg('recAnswerLabel')}：</strong>${f.answer}</p>
            ${f.answeredBy ? html`<p>${this.msg('recAnswerBy', { user: f.answeredBy })}</p>` : nothing}`
        : nothing}
      ${me.canAnswer && f.status !== 'published'
        ? html`<form @submit=${(e: Event) => (e.preventDefault(), void this.answer(f))}>
            <div class="field wide">
              <label for=${answerId}>${this.msg('recAnswerLabel')}</label>
              <textarea
                id=${answerId}
                required
                maxlength="10000"
                .value=${this.drafts[f.questionId] ?? f.answer ?? ''}
                @input=${(e: Event) => (this.drafts = { ...this.drafts, [f.questionId]: (e.target as HTMLTextAreaElement).value })}
              ></textarea>
            </div>
            <button type="submit" ?disabled=${this.busy}>${this.msg('recAnswerSubmit')}</button>
          </form>`
        : nothing}
      ${me.canReview && f.status === 'answered'
        ? this.rejecting?.questionId === f.questionId
          ? html`<form @submit=${(e: Event) => (e.preventDefault(), void this.review(f, 'reject'))}>
              <div class="field">
                <label for=${reasonId}>${this.msg('recRejectReasonLabel')}</label>
                <input
                  id=${reasonId}
                  required
                  maxlength="200"
                  .value=${this.rejecting.reason}
                  @input=${(e: Event) => (this.rejecting = { questionId: f.questionId, reason: (e.target as HTMLInputElement).value })}
                />
              </div>
              <div class="actions">
                <button type="submit" class="danger" ?disabled=${this.busy}>${this.msg('recRejectAnswer')}</button>
                <button type="button" class="secondary" @click=${() => (this.rejecting = null)}>${this.msg('cancel')}</button>
              </div>
            </form>`
          : html`<div class="actions">
              <button type="button" ?disabled=${this.busy} @click=${() => void this.review(f, 'approve')}>${this.msg('recApproveAnswer')}</button>
              <button
                type="button"
                class="danger"
                @click=${() => {
                  this.rejecting = { questionId: f.questionId, reason: '' };
                  void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(reasonId)}`)?.focus());
                }}
              >
                ${this.msg('recRejectAnswer')}
              </button>
            </div>`
        : nothing}
    </li>`;
  }
}

if (!customElements.get('oi-follow-ups-page')) customElements.define('oi-follow-ups-page', OiFollowUpsPage);
