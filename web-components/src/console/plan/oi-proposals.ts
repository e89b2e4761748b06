import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime, type MessageKey } from '../../i18n/index.js';
import { api } from '../api.js';
import { PlanElement } from './PlanElement.js';
import type { MissingUnits, Organisation, PlanMe, Proposal, ProposalForm, ProposalStatus, UnitNotice } from './planTypes.js';

const STATUS_KEYS: Record<ProposalStatus, MessageKey> = {
  draft: 'planProposalDraft',
  submitted: 'planProposalSubmitted',
  changes_requested: 'planProposalChangesRequested',
  accepted: 'planProposalAccepted',
  declined: 'planProposalDeclined',
};

const EMPTY_FORM: ProposalForm = {
  suggestedTime: '',
  guests: [{ name: '', position: '' }],
  topic: '',
  mainContent: '',
  columnSuggestions: '',
  contactPerson: '',
  phone: '',
  fax: '',
};

/**
 * #/proposals: the annex-2 form (意见建议征集表). A unit drafts, saves and submits its proposals and reads the
 * office's reminders; the office reviews what was submitted and reminds the units that have not proposed.
 */
export class OiProposals extends PlanElement {
  static override properties = {
    ...PlanElement.properties,
    proposals: { state: true },
    units: { state: true },
    missing: { state: true },
    notices: { state: true },
    editing: { state: true },
  };

  declare proposals: Proposal[] | null;
  declare units: Organisation[];
  declare missing: MissingUnits | null;
  declare notices: UnitNotice[];
  /** The form open: a new one (id null) or a proposal's. */
  declare editing: { id: string | null; form: ProposalForm; organisationId: string | null } | null;

  constructor() {
    super();
    this.proposals = null;
    this.units = [];
    this.missing = null;
    this.notices = [];
    this.editing = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.me ??= await api<PlanMe>('/api/plan/me');
      const me = this.me;
      const [proposals, units, notices, missing] = await Promise.all([
        api<Proposal[]>(`/api/proposals?year=${this.year}`),
        api<Organisation[]>('/api/organisations'),
        api<UnitNotice[]>('/api/notices'),
        me.can['proposals.remind'] ? api<MissingUnits>(`/api/proposals/missing?year=${this.year}`) : Promise.resolve(null),
      ]);
      Object.assign(this, { proposals, units, notices, missing });
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  private unitName(id: string | null): string {
    return this.units.find((unit) => unit.id === id)?.name ?? '';
  }

  private formFrom(event: SubmitEvent): ProposalForm {
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '');
    const names = data.getAll('guestName').map(String);
    const positions = data.getAll('guestPosition').map(String);
    return {
      suggestedTime: text('suggestedTime'),
      guests: names.map((name, i) => ({ name: name.trim(), position: positions[i] ?? '' })).filter((guest) => guest.name !== ''),
      topic: text('topic'),
      mainContent: text('mainContent'),
      columnSuggestions: text('columnSuggestions'),
      contactPerson: text('contactPerson'),
      phone: text('phone'),
      fax: text('fax'),
    };
  }

  /** Saves the form; with `submit`, sends it to the office too. */
  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const editing = this.editing!;
    const submit = (event.submitter as HTMLButtonElement | null)?.value === 'submit';
    const form = this.formFrom(event);
    const saved = await this.act(async () => {
      const proposal =
        editing.id === null
          ? await api<Proposal>('/api/proposals', { method: 'POST', body: { ...form, year: this.year, organisationId: editing.organisationId } })
          : await api<Proposal>(`/api/proposals/${editing.id}`, { method: 'PUT', body: form });
      this.editing = { ...editing, id: proposal.id, form };
      if (submit) await api(`/api/proposals/${proposal.id}/submit`, { method: 'POST' });
    }, submit ? 'planProposalSent' : 'planProposalSaved');
    if (saved) {
      if (submit) this.editing = null;
      await this.load();
    }
  }

  private async review(event: SubmitEvent, proposal: Proposal): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const decision = String(data.get('decision'));
    const text = String(data.get('comment') ?? '');
    const body = decision === 'accept' ? { decision } : decision === 'decline' ? { decision, reason: text } : { decision, comment: text };
    if (await this.act(() => api(`/api/proposals/${proposal.id}/review`, { method: 'POST', body }), 'planReviewSaved')) await this.load();
  }

  private async remind(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const message = String(new FormData(event.target as HTMLFormElement).get('message') ?? '');
    let result = { sent: 0, emailed: 0 };
    const ok = await this.act(async () => {
      result = await api<{ sent: number; emailed: number }>('/api/proposals/reminders', { method: 'POST', body: { year: this.year, message } });
    });
    if (ok) {
      // E-mails only when the server has a mail server; otherwise the count of units is the whole story.
      this.notice = result.emailed > 0 ? this.msg('planRemindedWithMail', result) : this.msg('planReminded', { count: result.sent });
      await this.load();
    }
  }

  private async markRead(notice: UnitNotice): Promise<void> {
    if (await this.act(() => api(`/api/notices/${notice.id}/read`, { method: 'POST' }))) await this.load();
  }

  override render(): TemplateResult {
    const me = this.me;
    return html`
      <h1>${this.msg('planProposalsTitle')}</h1>
      ${this.renderMessages()}
      ${this.renderNotices()}
      <div class="row no-print">
        ${this.renderYearField(() => void this.load())}
        ${me?.can['proposals.write'] || me?.admin
          ? html`<button type="button" @click=${() => (this.editing = { id: null, form: EMPTY_FORM, organisationId: me.organisation?.id ?? null })}>
              ${this.msg('planNewProposal')}
            </button>`
          : nothing}
      </div>
      ${this.editing ? this.renderForm(this.editing) : nothing}
      ${this.proposals === null ? html`<p>${this.msg('loading')}</p>` : this.renderList(this.proposals)}
      ${this.missing ? this.renderMissing(this.missing) : nothing}
    `;
  }

  private renderNotices(): TemplateResult | typeof nothing {
    if (this.notices.length === 0) return nothing;
    return html`<section aria-labelledby="notices-title">
      <h2 id="notices-title">${this.msg('planNoticesTitle')}</h2>
      <ul>
        ${this.notices.map(
          (notice) => html`<li class=${notice.readAt === null ? 'notice-unread' : ''}>
            ${notice.message} <small>${formatDateTime(this.lang, notice.createdAt)}</small>
            ${notice.readAt === null ? html`<button type="button" class="secondary" @click=${() => void this.markRead(notice)}>${this.msg('planMarkRead')}</button>` : nothing}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderForm(editing: NonNullable<OiProposals['editing']>): TemplateResult {
    const form = editing.form;
    const guests = form.guests.length > 0 ? form.guests : [{ name: '', position: '' }];
    const field = (name: keyof ProposalForm, label: MessageKey, multiline = false) => html`<div class="field">
      <label for="p-${name}">${this.msg(label)}</label>
      ${multiline
        ? html`<textarea id="p-${name}" name=${name} .value=${String(form[name])}></textarea>`
        : html`<input id="p-${name}" name=${name} .value=${String(form[name])} />`}
    </div>`;
    const proposal = this.proposals?.find((candidate) => candidate.id === editing.id);
    return html`
      <form @submit=${(e: SubmitEvent) => void this.save(e)} aria-labelledby="proposal-form-title">
        <h2 id="proposal-form-title">${this.msg('planProposalFormTitle')}</h2>
        ${proposal?.reviewComment && proposal.status === 'changes_requested'
          ? html`<p class="warning">${this.msg('planOfficeComment', { comment: proposal.reviewComment })}</p>`
          : nothing}
        ${this.me?.organisation
          ? html`<p><strong>${this.msg('planUnit')}：</strong>${this.me.organisation.name}</p>`
          : html`<div class="field">
              <label for="p-unit">${this.msg('planUnit')}</label>
              <select id="p-unit" required @change=${(e: Event) => (this.editing = { ...editing, organisationId: (e.target as HTMLSelectElement).value || null })}>
                <option value="">${this.msg('planNoUnit')}</option>
                ${this.units.map((unit) => html`<option value=${unit.id} ?selected=${unit.id === editing.organisationId}>${unit.name}</option>`)}
              </select>
            </div>`}
        ${field('suggestedTime', 'planSuggestedTime')}
        <fieldset>
          <legend>${this.msg('planGuests')}</legend>
          ${guests.map(
            (guest, i) => html`<div class="row">
              <div class="field">
                <label for="g-name-${i}">${this.msg('planGuestName', { n: i + 1 })}</label>
                <input id="g-name-${i}" name="guestName" .value=${guest.name} />
              </div>
              <div class="field">
                <label for="g-position-${i}">${this.msg('planGuestPosition', { n: i + 1 })}</label>
                <input id="g-position-${i}" name="guestPosition" .value=${guest.position} />
              </div>
            </div>`,
          )}
          <button type="button" class="secondary"
            @click=${() => (this.editing = { ...editing, form: { ...form, guests: [...guests, { name: '', position: '' }] } })}>
            ${this.msg('planAddGuest')}
          </button>
        </fieldset>
        ${field('topic', 'planTopic')} ${field('mainContent', 'planMainContent', true)} ${field('columnSuggestions', 'planColumnSuggestions', true)}
        <div class="row">${field('contactPerson', 'planContactPerson')} ${field('phone', 'planPhone')} ${field('fax', 'planFax')}</div>
        <div class="actions">
          <button type="submit" value="save" ?disabled=${this.busy}>${this.msg('planSaveDraft')}</button>
          <button type="submit" value="submit" ?disabled=${this.busy}>${this.msg('planSubmitProposal')}</button>
          <button type="button" class="secondary" @click=${() => (this.editing = null)}>${this.msg('planCancel')}</button>
        </div>
      </form>
    `;
  }

  private renderList(proposals: Proposal[]): TemplateResult {
    if (proposals.length === 0) return html`<p>${this.msg('planNoProposals')}</p>`;
    const canReview = Boolean(this.me?.can['proposals.review']);
    return html`
      <table>
        <caption>${this.msg('planProposalsOfYear', { year: this.year })}</caption>
        <thead>
          <tr>
            <th scope="col">${this.msg('planUnit')}</th>
            <th scope="col">${this.msg('planTopic')}</th>
            <th scope="col">${this.msg('planSuggestedTime')}</th>
            <th scope="col">${this.msg('planGuests')}</th>
            <th scope="col">${this.msg('planStatus')}</th>
            <th scope="col">${this.msg('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          ${proposals.map(
            (proposal) => html`<tr>
              <td>${this.unitName(proposal.organisationId)}</td>
              <th scope="row">${proposal.topic || this.msg('planUntitled')}</th>
              <td>${proposal.suggestedTime}</td>
              <td>${proposal.guests.map((guest) => `${guest.name} ${guest.position}`).join('、')}</td>
              <td>
                ${this.msg(STATUS_KEYS[proposal.status])}
                ${proposal.reviewComment ? html`<br /><small>${proposal.reviewComment}</small>` : nothing}
              </td>
              <td>
                ${(proposal.status === 'draft' || proposal.status === 'changes_requested') && this.me?.can['proposals.write']
                  ? html`<button type="button" class="secondary"
                      aria-label=${this.msg('planEditNamed', { topic: proposal.topic })}
                      @click=${() => (this.editing = { id: proposal.id, form: proposal, organisationId: proposal.organisationId })}>
                      ${this.msg('planEdit')}
                    </button>`
                  : nothing}
                ${proposal.status === 'submitted' && canReview ? this.renderReview(proposal) : nothing}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  private renderReview(proposal: Proposal): TemplateResult {
    const id = proposal.id;
    return html`<form @submit=${(e: SubmitEvent) => void this.review(e, proposal)} aria-label=${this.msg('planReviewNamed', { topic: proposal.topic })}>
      <fieldset>
        <legend>${this.msg('planDecision')}</legend>
        <div class="checks">
          <label for="accept-${id}"><input type="radio" id="accept-${id}" name="decision" value="accept" checked />${this.msg('planAccept')}</label>
          <label for="changes-${id}"><input type="radio" id="changes-${id}" name="decision" value="request_changes" />${this.msg('planRequestChanges')}</label>
          <label for="decline-${id}"><input type="radio" id="decline-${id}" name="decision" value="decline" />${this.msg('planDecline')}</label>
        </div>
      </fieldset>
      <div class="field">
        <label for="comment-${id}">${this.msg('planReviewComment')}</label>
        <textarea id="comment-${id}" name="comment"></textarea>
      </div>
      <button type="submit" ?disabled=${this.busy}>${this.msg('planSaveReview')}</button>
    </form>`;
  }

  private renderMissing(missing: MissingUnits): TemplateResult {
    return html`<section aria-labelledby="missing-title">
      <h2 id="missing-title">${this.msg('planMissingTitle', { year: missing.year })}</h2>
      ${missing.units.length === 0
        ? html`<p>${this.msg('planNoneMissing')}</p>`
        : html`<ul>
              ${missing.units.map(
                (unit) => html`<li>
                  ${unit.name}
                  ${unit.lastRemindedAt ? html`<small>${this.msg('planLastReminded', { time: formatDateTime(this.lang, unit.lastRemindedAt) })}</small>` : nothing}
                </li>`,
              )}
            </ul>
            <form @submit=${(e: SubmitEvent) => void this.remind(e)} aria-labelledby="remind-title">
              <h3 id="remind-title">${this.msg('planRemindTitle')}</h3>
              <div class="field">
                <label for="remind-message">${this.msg('planRemindMessage')}</label>
                <textarea id="remind-message" name="message" required .value=${this.msg('planRemindDefault', { year: missing.year })}></textarea>
              </div>
              <button type="submit" ?disabled=${this.busy}>${this.msg('planRemindButton')}</button>
            </form>`}
    </section>`;
  }
}

if (!customElements.get('oi-proposals')) customElements.define('oi-proposals', OiProposals);
