import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MessageKey } from '../i18n/index.js';
import { QUESTION_STATUS_KEYS, byTime, reasonLabel } from '../qa/labels.js';
import type { QaChange } from '../qa/qa-state.js';
import type { StaffQaStore } from '../qa/qa-store.js';
import { BAN_DAYS, QA_LIMITS, REJECT_REASONS, type StaffBan, type StaffQuestion } from '../qa/types.js';
import { ApiError } from '../api/client.js';
import { api, errorMessage } from './api.js';
import { QaDesk, excerpt } from './qa-desk.js';

type PanelKind = 'reject' | 'edit' | 'merge' | 'ban';
type Panel = { kind: PanelKind; id: string } | null;

const OTHER = 'other';

/** The help line: each key and what it does. */
const SHORTCUTS: readonly [string, MessageKey][] = [
  ['A', 'modApprove'],
  ['R', 'modReject'],
  ['E', 'modEdit'],
  ['S', 'modSelect'],
  ['M', 'modMerge'],
  ['B', 'modBan'],
  ['J', 'modNext'],
  ['K', 'modPrevious'],
  ['Esc', 'cancel'],
];

/**
 * #/interviews/:id/moderate (审核员, 网民提问筛选): the queue of pending questions, oldest first, flagged ones
 * marked; approve, reject with a preset or own reason, edit before approving (the original kept in view), merge
 * into another question, approve and recommend to the host, ban its asker from asking (禁止提问: device and
 * address, never shown). Keyboard: A, R, E, S, M, B on the current question, J/K to move, Esc to close a panel.
 * Panels open in place, never as pop-ups. The queue follows the staff socket; the ban list, below it, is read again
 * after each ban or lift, this desk's or another moderator's (announced on the socket).
 */
export class OiQaModerate extends QaDesk {
  static override properties = {
    ...QaDesk.properties,
    currentId: { state: true },
    panel: { state: true },
    reason: { state: true },
    otherReason: { state: true },
    editBody: { state: true },
    mergeInto: { state: true },
    banScope: { state: true },
    banDays: { state: true },
    bans: { state: true },
  };

  declare currentId: string | null;
  declare panel: Panel;
  declare reason: string;
  declare otherReason: string;
  declare editBody: string;
  declare mergeInto: string;
  declare banScope: StaffBan['scope'];
  declare banDays: (typeof BAN_DAYS)[number];
  /** Null until loaded, and when the list is not ours to see. */
  declare bans: StaffBan[] | null;

  protected readonly titleKey = 'qaPageModerate' as const;

  constructor() {
    super();
    this.currentId = null;
    this.panel = null;
    this.reason = REJECT_REASONS[0];
    this.otherReason = '';
    this.editBody = '';
    this.mergeInto = '';
    this.banScope = 'interview';
    this.banDays = 7;
    this.bans = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('interviewId') && this.interviewId) void this.loadBans();
  }

  private async loadBans(): Promise<void> {
    try {
      this.bans = await api<StaffBan[]>(`${this.path}/bans`);
    } catch (error) {
      // Only moderators and admins manage bans: without the right, the list is simply not shown.
      this.bans = null;
      if (!(error instanceof ApiError && error.status === 403)) this.error = this.msg('errGeneric', { message: errorMessage(error) });
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeyDown);
  }

  protected override onQaChange(change: QaChange, live: boolean): void {
    // Also when replayed after a reconnect: a ban may have been made or lifted meanwhile.
    if (change.bansChanged && this.bans !== null) void this.loadBans();
    const store = this.qa.store;
    if (!live || !store) return;
    const arrived = change.newQuestions.filter((id) => store.state.questions.get(id)?.status === 'pending').length;
    if (arrived > 0) this.notice = this.msg('modNewQuestions', { count: arrived });
  }

  private queue(store: StaffQaStore): StaffQuestion[] {
    return store.state.questions
      .values()
      .filter((q) => q.status === 'pending')
      .sort(byTime<StaffQuestion>((q) => q.createdAt));
  }

  /** The question the keys act on: the chosen one while it is in the queue, else the first. */
  private current(queue: StaffQuestion[]): StaffQuestion | undefined {
    return queue.find((q) => q.id === this.currentId) ?? queue[0];
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const store = this.qa.store;
    if (!store || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape' && this.panel) {
      event.preventDefault();
      this.closePanel();
      return;
    }
    const target = event.composedPath()[0];
    // Letters typed into a field are text, not commands.
    if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const queue = this.queue(store);
    const question = this.current(queue);
    if (!question) return;
    const key = event.key.toLowerCase();
    const index = queue.indexOf(question);
    const handlers: Record<string, () => void> = {
      j: () => this.focusItem(queue[Math.min(index + 1, queue.length - 1)]!.id),
      k: () => this.focusItem(queue[Math.max(index - 1, 0)]!.id),
      a: () => void this.approve(question, queue),
      s: () => void this.approve(question, queue, true),
      r: () => this.openPanel('reject', question),
      e: () => this.openPanel('edit', question),
      m: () => this.openPanel('merge', question),
      b: () => this.openPanel('ban', question),
    };
    const handler = handlers[key];
    if (!handler || this.busy) return;
    event.preventDefault();
    handler();
  };

  private focusItem(id: string): void {
    this.currentId = id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus());
  }

  /**
   * After a question leaves the queue, the next one (or the previous, at the end) becomes current. The list is keyed
   * by id, so focus never stays on an element that now shows another question.
   */
  private moveOn(question: StaffQuestion, queue: StaffQuestion[]): void {
    const index = queue.findIndex((q) => q.id === question.id);
    const rest = queue.filter((q) => q.id !== question.id);
    const next = rest[Math.min(index, rest.length - 1)];
    this.panel = null;
    if (next) this.focusItem(next.id);
    else void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#queue-title')?.focus());
  }

  private openPanel(kind: PanelKind, question: StaffQuestion): void {
    this.currentId = question.id;
    this.panel = { kind, id: question.id };
    this.reason = REJECT_REASONS[0];
    this.otherReason = '';
    this.editBody = question.body;
    this.mergeInto = '';
    this.banScope = 'interview';
    this.banDays = 7;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.panel-first')?.focus());
  }

  private closePanel(): void {
    const id = this.panel?.id;
    this.panel = null;
    if (id) this.focusItem(id);
  }

  private async approve(question: StaffQuestion, queue: StaffQuestion[], select = false, body?: string): Promise<void> {
    const done = await this.run(async () => {
      if (body !== undefined && body !== question.body) await this.questionAction(question, { action: 'edit', body });
      await this.questionAction(question, { action: 'approve' });
      if (select) await this.questionAction(question, { action: 'select' });
    });
    if (!done) return;
    this.notice = this.msg(select ? 'modDoneSelected' : 'modDoneApproved', { body: excerpt(body ?? question.body) });
    this.moveOn(question, queue);
  }

  private async saveEdit(question: StaffQuestion): Promise<void> {
    const done = await this.run(async () => {
      await this.questionAction(question, { action: 'edit', body: this.editBody.trim() });
    });
    if (!done) return;
    this.notice = this.msg('modDoneEdited');
    this.closePanel();
  }

  private async reject(question: StaffQuestion, queue: StaffQuestion[]): Promise<void> {
    const reason = this.reason === OTHER ? this.otherReason.trim() : this.reason;
    if (!reason) {
      this.error = this.msg('modReasonRequired');
      return;
    }
    const done = await this.run(async () => {
      await this.questionAction(question, { action: 'reject', reason });
    });
    if (!done) return;
    this.notice = this.msg('modDoneRejected', { body: excerpt(question.body), reason });
    this.moveOn(question, queue);
  }

  /** Bans the question's asker; a pending question is rejected with the same reason by the server, so it leaves the queue. */
  private async ban(question: StaffQuestion, queue: StaffQuestion[]): Promise<void> {
    const reason = this.reason === OTHER ? this.otherReason.trim() : this.reason;
    if (!reason) {
      this.error = this.msg('modReasonRequired');
      return;
    }
    const done = await this.run(async () => {
      await api<StaffBan>(`${this.path}/bans`, {
        method: 'POST',
        body: { questionId: question.id, scope: this.banScope, reason, days: this.banDays },
      });
    });
    if (!done) return;
    this.notice = this.msg('modDoneBanned', { nickname: question.nickname });
    this.moveOn(question, queue);
    await this.loadBans();
  }

  private async lift(ban: StaffBan): Promise<void> {
    const done = await this.run(async () => {
      await api<void>(`${this.path}/bans/${encodeURIComponent(ban.id)}`, { method: 'DELETE' });
    });
    if (!done) return;
    this.notice = this.msg('modDoneLifted', { nickname: this.banNickname(ban) });
    await this.loadBans();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#bans-title')?.focus());
  }

  private banNickname(ban: StaffBan): string {
    return ban.nickname ?? this.msg('modBanNoNickname');
  }

  private async merge(question: StaffQuestion, queue: StaffQuestion[]): Promise<void> {
    if (!this.mergeInto) {
      this.error = this.msg('modMergeRequired');
      return;
    }
    const done = await this.run(async () => {
      await this.questionAction(question, { action: 'merge', into: this.mergeInto });
    });
    if (!done) return;
    this.notice = this.msg('modDoneMerged', { body: excerpt(question.body) });
    this.moveOn(question, queue);
  }

  private async toggleSelect(question: StaffQuestion): Promise<void> {
    await this.run(async () => {
      await this.questionAction(question, { action: question.selected ? 'unselect' : 'select' });
    });
  }

  protected renderDesk(store: StaffQaStore): TemplateResult {
    const queue = this.queue(store);
    const current = this.current(queue);
    const approved = store.state.questions
      .values()
      .filter((q) => q.status === 'approved')
      .sort(byTime<StaffQuestion>((q) => q.createdAt));
    return html`
      <div class="help" id="shortcuts">
        <span>${this.msg('modHelpIntro')}</span>
        <ul class="keys">
          ${SHORTCUTS.map(([key, label]) => html`<li><kbd>${key}</kbd> ${this.msg(label)}</li>`)}
        </ul>
      </div>
      <h2 id="queue-title" tabindex="-1">${this.msg('modQueueTitle', { count: queue.length })}</h2>
      ${queue.length === 0
        ? html`<p>${this.msg('modQueueEmpty')}</p>`
        : html`<ol class="items" aria-describedby="shortcuts">
            ${repeat(
              queue,
              (q) => q.id,
              (q) => this.renderPending(store, q, q === current, queue),
            )}
          </ol>`}
      <h2>${this.msg('modApprovedTitle', { count: approved.length })}</h2>
      ${approved.length === 0
        ? html`<p>${this.msg('hostNoQuestions')}</p>`
        : html`<ul class="items">
            ${approved.map(
              (q) => html`<li class="item">
                ${this.renderQuestionText(q)}
                <div class="actions">
                  ${q.selected ? html`<span class="tag">${this.msg('modRecommended')}</span>` : nothing}
                  <button
                    type="button"
                    class="secondary"
                    ?disabled=${this.busy}
                    aria-label=${this.msg(q.selected ? 'modUnrecommendNamed' : 'modRecommendNamed', { body: excerpt(q.body) })}
                    @click=${() => void this.toggleSelect(q)}
                  >
                    ${this.msg(q.selected ? 'modUnrecommend' : 'modRecommend')}
                  </button>
                </div>
              </li>`,
            )}
          </ul>`}
      ${this.bans === null ? nothing : this.renderBans(this.bans)}
    `;
  }

  private renderBans(bans: StaffBan[]): TemplateResult {
    return html`
      <h2 id="bans-title" tabindex="-1">${this.msg('modBansTitle', { count: bans.length })}</h2>
      ${bans.length === 0
        ? html`<p>${this.msg('modBansEmpty')}</p>`
        : html`<ul class="items">
            ${repeat(
              bans,
              (ban) => ban.id,
              (ban) => html`<li class="item">
                <p class="item-meta">
                  <strong>${this.banNickname(ban)}</strong>${this.time(ban.createdAt)}
                  <span class="tag">${this.msg(ban.scope === 'all' ? 'modBanScopeAll' : 'modBanScopeInterview')}</span>
                  <span>${ban.expiresAt === null ? this.msg('modBanForever') : html`${this.msg('modBanUntil')} ${this.time(ban.expiresAt)}`}</span>
                  ${ban.createdBy ? html`<span>${this.msg('modBanBy', { username: ban.createdBy })}</span>` : nothing}
                </p>
                <p class="item-text">${ban.reason}</p>
                <div class="actions">
                  <button
                    type="button"
                    class="secondary"
                    ?disabled=${this.busy}
                    aria-label=${this.msg('modBanLiftNamed', { nickname: this.banNickname(ban) })}
                    @click=${() => void this.lift(ban)}
                  >
                    ${this.msg('modBanLift')}
                  </button>
                </div>
              </li>`,
            )}
          </ul>`}
    `;
  }

  private renderQuestionText(q: StaffQuestion): TemplateResult {
    return html`
      <p class="item-meta">
        <strong>${q.nickname}</strong>${this.time(q.createdAt)}
        ${q.advance ? html`<span class="tag">${this.msg('modAdvance')}</span>` : nothing}
        ${q.flagged ? html`<span class="tag flag">${this.msg('modFlagged')}</span>` : nothing}
        ${q.status !== 'pending' ? html`<span>${this.msg(QUESTION_STATUS_KEYS[q.status])}</span>` : nothing}
      </p>
      <p class="item-text">${q.body}</p>
      ${q.originalBody !== null ? html`<p class="original">${this.msg('modOriginal', { body: q.originalBody })}</p>` : nothing}
      ${q.contact ? html`<p class="item-meta">${this.msg('modContact', { contact: q.contact })}</p>` : nothing}
    `;
  }

  private renderPending(store: StaffQaStore, q: StaffQuestion, isCurrent: boolean, queue: StaffQuestion[]): TemplateResult {
    const panel = this.panel?.id === q.id ? this.panel.kind : null;
    const named = { body: excerpt(q.body) };
    return html`
      <li
        class="item ${q.flagged ? 'flagged' : ''}"
        data-id=${q.id}
        tabindex=${isCurrent ? 0 : -1}
        aria-current=${isCurrent ? 'true' : 'false'}
        @focusin=${() => (this.currentId = q.id)}
      >
        ${this.renderQuestionText(q)}
        ${panel === null
          ? html`<div class="actions">
              <button type="button" ?disabled=${this.busy} aria-label=${this.msg('modApproveNamed', named)} @click=${() => void this.approve(q, queue)}>
                ${this.msg('modApprove')}
              </button>
              <button
                type="button"
                class="secondary"
                ?disabled=${this.busy}
                aria-label=${this.msg('modSelectNamed', named)}
                @click=${() => void this.approve(q, queue, true)}
              >
                ${this.msg('modSelect')}
              </button>
              <button type="button" class="secondary" aria-label=${this.msg('modEditNamed', named)} @click=${() => this.openPanel('edit', q)}>
                ${this.msg('modEdit')}
              </button>
              <button type="button" class="secondary" aria-label=${this.msg('modMergeNamed', named)} @click=${() => this.openPanel('merge', q)}>
                ${this.msg('modMerge')}
              </button>
              <button type="button" class="danger" aria-label=${this.msg('modRejectNamed', named)} @click=${() => this.openPanel('reject', q)}>
                ${this.msg('modReject')}
              </button>
              <button
                type="button"
                class="danger"
                aria-label=${this.msg('modBanNamed', { nickname: q.nickname })}
                @click=${() => this.openPanel('ban', q)}
              >
                ${this.msg('modBan')}
              </button>
            </div>`
          : panel === 'reject'
            ? this.renderReject(q, queue)
            : panel === 'ban'
              ? this.renderBan(q, queue)
              : panel === 'edit'
                ? this.renderEdit(q, queue)
                : this.renderMerge(store, q, queue)}
      </li>
    `;
  }

  private renderReject(q: StaffQuestion, queue: StaffQuestion[]): TemplateResult {
    return html`
      <form @submit=${(e: Event) => (e.preventDefault(), void this.reject(q, queue))}>
        ${this.renderReasons('modRejectLegend', true)}
        <div class="actions">
          <button type="submit" class="danger" ?disabled=${this.busy}>${this.msg('modRejectConfirm')}</button>
          <button type="button" class="secondary" @click=${() => this.closePanel()}>${this.msg('cancel')}</button>
        </div>
      </form>
    `;
  }

  /** The preset reasons and an own one: for a reject, and for a ban (whose reason also rejects a pending question). */
  private renderReasons(legend: MessageKey, first: boolean): TemplateResult {
    return html`
      <fieldset>
        <legend>${this.msg(legend)}</legend>
        <div class="choices">
          ${[...REJECT_REASONS, OTHER].map(
            (reason, i) => html`<label>
              <input
                type="radio"
                name="reason"
                class=${i === 0 && first ? 'panel-first' : ''}
                .checked=${this.reason === reason}
                @change=${() => (this.reason = reason)}
              />
              ${reason === OTHER ? this.msg('modRejectOther') : reasonLabel(this.lang, reason as (typeof REJECT_REASONS)[number])}
            </label>`,
          )}
        </div>
        ${this.reason === OTHER
          ? html`<div class="field">
              <label for="other-reason">${this.msg('modRejectOtherText')}</label>
              <input
                id="other-reason"
                maxlength=${QA_LIMITS.rejectReason.max}
                .value=${this.otherReason}
                @input=${(e: Event) => (this.otherReason = (e.target as HTMLInputElement).value)}
              />
            </div>`
          : nothing}
      </fieldset>
    `;
  }

  private renderBan(q: StaffQuestion, queue: StaffQuestion[]): TemplateResult {
    return html`
      <form @submit=${(e: Event) => (e.preventDefault(), void this.ban(q, queue))}>
        <p>${this.msg('modBanNote')}</p>
        <fieldset>
          <legend>${this.msg('modBanScopeLegend')}</legend>
          <div class="choices">
            ${(['interview', 'all'] as const).map(
              (scope, i) => html`<label>
                <input
                  type="radio"
                  name="ban-scope"
                  class=${i === 0 ? 'panel-first' : ''}
                  .checked=${this.banScope === scope}
                  @change=${() => (this.banScope = scope)}
                />
                ${this.msg(scope === 'all' ? 'modBanScopeAll' : 'modBanScopeInterview')}
              </label>`,
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>${this.msg('modBanDaysLegend')}</legend>
          <div class="choices">
            ${BAN_DAYS.map(
              (days) => html`<label>
                <input type="radio" name="ban-days" .checked=${this.banDays === days} @change=${() => (this.banDays = days)} />
                ${days === null ? this.msg('modBanForever') : this.msg(days === 1 ? 'modBanOneDay' : 'modBanDays', { days })}
              </label>`,
            )}
          </div>
        </fieldset>
        ${this.renderReasons('modBanReasonLegend', false)}
        <div class="actions">
          <button type="submit" class="danger" ?disabled=${this.busy}>${this.msg('modBanConfirm')}</button>
          <button type="button" class="secondary" @click=${() => this.closePanel()}>${this.msg('cancel')}</button>
        </div>
      </form>
    `;
  }

  private renderEdit(q: StaffQuestion, queue: StaffQuestion[]): TemplateResult {
    const body = this.editBody.trim();
    const valid = [...body].length >= QA_LIMITS.body.min && [...body].length <= QA_LIMITS.body.max;
    return html`
      <form @submit=${(e: Event) => (e.preventDefault(), void this.approve(q, queue, false, body))}>
        <p class="original">${this.msg('modOriginal', { body: q.originalBody ?? q.body })}</p>
        <div class="field">
          <label for="edit-body">${this.msg('modEditLabel')}</label>
          <textarea
            id="edit-body"
            class="panel-first"
            rows="4"
            maxlength=${QA_LIMITS.body.max}
            .value=${this.editBody}
            @input=${(e: Event) => (this.editBody = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy || !valid}>${this.msg('modSaveApprove')}</button>
          <button type="button" class="secondary" ?disabled=${this.busy || !valid} @click=${() => void this.saveEdit(q)}>
            ${this.msg('modSaveOnly')}
          </button>
          <button type="button" class="secondary" @click=${() => this.closePanel()}>${this.msg('cancel')}</button>
        </div>
      </form>
    `;
  }

  private renderMerge(store: StaffQaStore, q: StaffQuestion, queue: StaffQuestion[]): TemplateResult {
    const targets = store.state.questions
      .values()
      .filter((other) => other.id !== q.id && (other.status === 'approved' || other.status === 'answered' || other.status === 'pending'))
      .sort(byTime<StaffQuestion>((other) => other.createdAt));
    if (targets.length === 0) {
      return html`<p>${this.msg('modMergeNone')}</p>
        <button type="button" class="secondary panel-first" @click=${() => this.closePanel()}>${this.msg('cancel')}</button>`;
    }
    return html`
      <form @submit=${(e: Event) => (e.preventDefault(), void this.merge(q, queue))}>
        <div class="field">
          <label for="merge-into">${this.msg('modMergeLabel')}</label>
          <select id="merge-into" class="panel-first" @change=${(e: Event) => (this.mergeInto = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.mergeInto === ''}>${this.msg('modMergePick')}</option>
            ${targets.map(
              (other) =>
                html`<option value=${other.id} ?selected=${this.mergeInto === other.id}>
                  ${this.msg('modMergeOption', {
                    nickname: other.nickname,
                    body: excerpt(other.body, 40),
                    status: this.msg(QUESTION_STATUS_KEYS[other.status]),
                  })}
                </option>`,
            )}
          </select>
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.msg('modMergeConfirm')}</button>
          <button type="button" class="secondary" @click=${() => this.closePanel()}>${this.msg('cancel')}</button>
        </div>
      </form>
    `;
  }

  static override styles = [
    ...QaDesk.styles,
    css`
      .keys {
        display: inline;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .keys li {
        display: inline-block;
        margin: 0.15em 0 0.15em 0.8em;
      }
    `,
  ];
}

if (!customElements.get('oi-qa-moderate')) customElements.define('oi-qa-moderate', OiQaModerate);
