import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime } from '../../i18n/index.js';
import { api } from '../api.js';
import { ITEM_KEYS, STATE_KEYS } from './oi-checklist.js';
import { PlanElement } from './PlanElement.js';
import { CHECKLIST_ITEMS, type ChecklistOverviewEntry } from './planTypes.js';

/**
 * #/checklists: every upcoming show's preparation checklist at a glance (准备清单总览), one row per show in start
 * order and one column per item with its state and due date; overdue items stand out (colour, the word 已逾期 and a
 * count per show, so colour is never the only sign). Each show links to its own checklist, where items are ticked.
 */
export class OiChecklistsOverview extends PlanElement {
  static override properties = { ...PlanElement.properties, shows: { state: true } };

  declare shows: ChecklistOverviewEntry[] | null;

  constructor() {
    super();
    this.shows = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.shows = (await api<{ interviews: ChecklistOverviewEntry[] }>('/api/checklists')).interviews;
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  override render(): TemplateResult {
    return html`
      <h1>${this.msg('planChecklistsTitle')}</h1>
      <p>${this.msg('planChecklistsIntro')}</p>
      ${this.renderMessages()}
      ${this.shows === null
        ? this.error
          ? nothing
          : html`<p>${this.msg('loading')}</p>`
        : this.shows.length === 0
          ? html`<p>${this.msg('planChecklistsEmpty')}</p>`
          : this.renderTable(this.shows)}
    `;
  }

  private renderTable(shows: ChecklistOverviewEntry[]): TemplateResult {
    return html`
      <div class="table-scroll" tabindex="0" role="region" aria-label=${this.msg('planChecklistsTitle')}>
        <table>
          <caption>${this.msg('planChecklistsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">${this.msg('planChecklistsShow')}</th>
              <th scope="col">${this.msg('planChecklistsWhen')}</th>
              ${CHECKLIST_ITEMS.map((item) => html`<th scope="col">${this.msg(ITEM_KEYS[item])}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${shows.map((show) => this.renderShow(show))}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderShow(show: ChecklistOverviewEntry): TemplateResult {
    const overdue = show.entries.filter((entry) => entry.state === 'overdue').length;
    const open = show.entries.filter((entry) => entry.state !== 'done').length;
    const summary =
      overdue > 0 ? this.msg('planChecklistsOverdueCount', { count: overdue }) : open > 0 ? this.msg('planChecklistsOpenCount', { count: open }) : this.msg('planChecklistsAllDone');
    return html`<tr>
      <th scope="row">
        <a href="#/checklist/${encodeURIComponent(show.interviewId)}" aria-label=${this.msg('planChecklistsOpen', { title: show.title })}>${show.title}</a>
        ${show.department ? html`<br /><small>${show.department}</small>` : nothing}
        <br /><small class=${overdue > 0 ? 'state-overdue' : ''}>${summary}</small>
      </th>
      <td>${show.startsAt ? formatDateTime(this.lang, show.startsAt) : this.msg('planChecklistsNoTime')}</td>
      ${CHECKLIST_ITEMS.map((item) => {
        const entry = show.entries.find((candidate) => candidate.item === item);
        if (!entry) return html`<td>—</td>`;
        return html`<td class="state-${entry.state}">
          ${this.msg(STATE_KEYS[entry.state])}${entry.dueAt && entry.state !== 'done' ? html`<br /><small>${formatDateTime(this.lang, entry.dueAt)}</small>` : nothing}
        </td>`;
      })}
    </tr>`;
  }
}

if (!customElements.get('oi-checklists-overview')) customElements.define('oi-checklists-overview', OiChecklistsOverview);
