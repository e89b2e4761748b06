import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { formatDateTime, type MessageKey } from '../../i18n/index.js';
import { api } from '../api.js';
import { PlanElement } from './PlanElement.js';
import type { Checklist, ChecklistItem, PlanMe } from './planTypes.js';

export const ITEM_KEYS: Record<ChecklistItem, MessageKey> = {
  guests_confirmed: 'planItemGuests',
  materials_uploaded: 'planItemMaterials',
  announcement_published: 'planItemAnnouncement',
  questions_screened: 'planItemQuestions',
  studio_test: 'planItemStudioTest',
};

export const STATE_KEYS: Record<Checklist['entries'][number]['state'], MessageKey> = {
  done: 'planStateDone',
  overdue: 'planStateOverdue',
  open: 'planStateOpen',
  unscheduled: 'planStateUnscheduled',
};

/**
 * #/checklist/<id>: an interview's preparation (准备清单), each item with its due date counted back from the show's
 * time, for the office, the unit, the centre and the station; each ticks what is theirs. The office sets how many
 * days before the show the announcement is due.
 */
export class OiChecklist extends PlanElement {
  static override properties = {
    ...PlanElement.properties,
    interviewId: { type: String, attribute: 'interview-id' },
    checklist: { state: true },
  };

  declare interviewId: string;
  declare checklist: Checklist | null;

  constructor() {
    super();
    this.interviewId = '';
    this.checklist = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('interviewId') && this.interviewId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      [this.me, this.checklist] = await Promise.all([
        api<PlanMe>('/api/plan/me'),
        api<Checklist>(`/api/interviews/${encodeURIComponent(this.interviewId)}/checklist`),
      ]);
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  private async mark(item: ChecklistItem, done: boolean): Promise<void> {
    await this.act(async () => {
      this.checklist = await api<Checklist>(`/api/interviews/${encodeURIComponent(this.interviewId)}/checklist/${item}`, { method: 'PUT', body: { done } });
    }, 'planChecklistSaved');
  }

  private async saveDays(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const days = Number(new FormData(event.target as HTMLFormElement).get('days'));
    if (await this.act(() => api('/api/plan/settings', { method: 'PUT', body: { announceDaysBefore: days } }), 'planSettingsSaved')) await this.load();
  }

  override render(): TemplateResult {
    const checklist = this.checklist;
    return html`
      <h1>${this.msg('planChecklistTitle')}</h1>
      <p><a class="link-button" href="#/interviews/${encodeURIComponent(this.interviewId)}">${this.msg('planBackToInterview')}</a></p>
      ${this.renderMessages()}
      ${checklist === null ? (this.error ? nothing : html`<p>${this.msg('loading')}</p>`) : this.renderList(checklist)}
      ${checklist && this.me?.can['settings.edit'] ? this.renderSettings(checklist) : nothing}
    `;
  }

  private renderList(checklist: Checklist): TemplateResult {
    return html`
      <p>${checklist.startsAt ? this.msg('planShowAt', { time: formatDateTime(this.lang, checklist.startsAt) }) : this.msg('planShowNoTime')}</p>
      <table>
        <caption>${this.msg('planChecklistTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">${this.msg('planItem')}</th>
            <th scope="col">${this.msg('planDue')}</th>
            <th scope="col">${this.msg('planStatus')}</th>
            <th scope="col">${this.msg('planDone')}</th>
          </tr>
        </thead>
        <tbody>
          ${checklist.entries.map((entry) => {
            const done = entry.state === 'done';
            // An announced show's announcement is done by its status, not by a tick.
            const automatic = done && entry.doneAt === null;
            return html`<tr>
              <th scope="row">${this.msg(ITEM_KEYS[entry.item])}</th>
              <td>${entry.dueAt ? formatDateTime(this.lang, entry.dueAt) : '—'}</td>
              <td class="state-${entry.state}">
                ${this.msg(STATE_KEYS[entry.state])}${entry.doneAt ? html` <small>${formatDateTime(this.lang, entry.doneAt)}</small>` : nothing}
              </td>
              <td>
                <label for="item-${entry.item}" class="checks">
                  <input type="checkbox" id="item-${entry.item}" .checked=${done} ?disabled=${this.busy || automatic}
                    @change=${(e: Event) => void this.mark(entry.item, (e.target as HTMLInputElement).checked)} />
                  ${this.msg('planMarkDone', { item: this.msg(ITEM_KEYS[entry.item]) })}
                </label>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    `;
  }

  private renderSettings(checklist: Checklist): TemplateResult {
    return html`<form @submit=${(e: SubmitEvent) => void this.saveDays(e)} aria-labelledby="days-title">
      <h2 id="days-title">${this.msg('planSettingsTitle')}</h2>
      <div class="row">
        <div class="field">
          <label for="days">${this.msg('planAnnounceDays')}</label>
          <input id="days" name="days" type="number" min="0" max="60" required .value=${String(checklist.announceDaysBefore)} />
        </div>
        <button type="submit" ?disabled=${this.busy}>${this.msg('planSaveSettings')}</button>
      </div>
    </form>`;
  }
}

if (!customElements.get('oi-checklist')) customElements.define('oi-checklist', OiChecklist);
