import { html, nothing, type TemplateResult } from 'lit';
import type { StaffFollowUp } from '../api/recordsTypes.js';
import { FOLLOW_UP_STATUS_KEYS } from './oi-follow-ups-page.js';
import { RecordsPage } from './records-page.js';

/**
 * #/follow-ups/overdue (逾期答复): for the county office, every follow-up past its due date and not yet published,
 * most overdue first, computed from the clock each time the page loads.
 */
export class OiOverduePage extends RecordsPage {
  static override properties = {
    ...RecordsPage.properties,
    followUps: { state: true },
  };

  declare followUps: StaffFollowUp[] | null;

  constructor() {
    super();
    this.followUps = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.run<{ followUps: StaffFollowUp[] }>('/api/follow-ups/overdue').then((data) => {
      if (data) this.followUps = data.followUps;
    });
  }

  override render(): TemplateResult {
    const list = this.followUps;
    return html`
      <h1>${this.msg('recOverdueTitle')}</h1>
      ${this.renderMessages()}
      ${list === null
        ? this.error
          ? nothing
          : html`<p>${this.msg('loading')}</p>`
        : list.length === 0
          ? html`<p>${this.msg('recOverdueNone')}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th scope="col">${this.msg('recColInterview')}</th>
                  <th scope="col">${this.msg('recColDepartment')}</th>
                  <th scope="col">${this.msg('recColQuestion')}</th>
                  <th scope="col">${this.msg('recColDue')}</th>
                  <th scope="col" class="number">${this.msg('recColOverdue')}</th>
                  <th scope="col">${this.msg('recColStatus')}</th>
                  <th scope="col">${this.msg('colActions')}</th>
                </tr>
              </thead>
              <tbody>
                ${list.map(
                  (f) => html`<tr>
                    <td>${f.interviewTitle}</td>
                    <td>${f.department ?? this.msg('recUnnamedDepartment')}</td>
                    <td>${f.nickname}：${f.question}</td>
                    <td>${f.dueDate}</td>
                    <td class="number">${f.daysOverdue}</td>
                    <td>${this.msg(FOLLOW_UP_STATUS_KEYS[f.status])}</td>
                    <td>
                      <a
                        class="link-button"
                        href="#/interviews/${encodeURIComponent(f.interviewId)}/follow-ups"
                        aria-label=${this.msg('recOpenFollowUpsNamed', { title: f.interviewTitle })}
                        >${this.msg('recOpenFollowUps')}</a
                      >
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>`}
    `;
  }
}

if (!customElements.get('oi-overdue-page')) customElements.define('oi-overdue-page', OiOverduePage);
