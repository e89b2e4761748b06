import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { StaffInterview } from '../api/types.js';
import { formatDateTime, t, type MessageKey } from '../i18n/index.js';
import { baseStyles } from '../styles.js';
import { api } from './api.js';
import { consoleError } from './consoleError.js';
import { consoleStyles } from './console-styles.js';

export const STATUS_KEYS: Record<StaffInterview['status'], MessageKey> = {
  draft: 'statusDraft',
  scheduled: 'statusScheduled',
  live: 'statusLive',
  ended: 'statusEnded',
  replay: 'statusReplay',
};

/** #/interviews: all interviews, newest first, with their status, and the way to create one. */
export class OiInterviewList extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    interviews: { state: true },
    error: { state: true },
  };

  declare lang: string;
  declare interviews: StaffInterview[] | null;
  declare error: string;

  constructor() {
    super();
    this.interviews = null;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  private async load(): Promise<void> {
    try {
      this.interviews = await api<StaffInterview[]>('/api/interviews');
      this.error = '';
    } catch (error) {
      this.error = consoleError(this.lang, error);
    }
  }

  override render(): TemplateResult {
    return html`
      <h1>${this.msg('interviewsTitle')}</h1>
      <p><a class="link-button" href="#/interviews/new">${this.msg('createTitle')}</a></p>
      <p class="error" role="alert">${this.error}</p>
      ${this.interviews === null && !this.error ? html`<p>${this.msg('loading')}</p>` : nothing}
      ${this.interviews?.length === 0 ? html`<p>${this.msg('noInterviews')}</p>` : nothing}
      ${this.interviews && this.interviews.length > 0 ? this.renderTable(this.interviews) : nothing}
    `;
  }

  private renderTable(interviews: StaffInterview[]): TemplateResult {
    return html`
      <table>
        <thead>
          <tr>
            <th scope="col">${this.msg('colTitle')}</th>
            <th scope="col">${this.msg('colTime')}</th>
            <th scope="col">${this.msg('colDepartment')}</th>
            <th scope="col">${this.msg('colStatus')}</th>
            <th scope="col">${this.msg('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          ${interviews.map(
            (interview) => html`
              <tr>
                <th scope="row">${interview.title}</th>
                <td>${interview.startsAt ? formatDateTime(this.lang, interview.startsAt) : this.msg('timeTbd')}</td>
                <td>${interview.department ?? ''}</td>
                <td class=${interview.status === 'live' ? 'status-live' : ''}>${this.msg(STATUS_KEYS[interview.status])}</td>
                <td>
                  <a
                    class="link-button"
                    href="#/interviews/${encodeURIComponent(interview.id)}"
                    aria-label=${this.msg('manageNamed', { title: interview.title })}
                    >${this.msg('manage')}</a
                  >
                </td>
              </tr>
            `,
          )}
        </tbody>
      </table>
    `;
  }

  static override styles = [baseStyles, consoleStyles];
}

if (!customElements.get('oi-interview-list')) customElements.define('oi-interview-list', OiInterviewList);
