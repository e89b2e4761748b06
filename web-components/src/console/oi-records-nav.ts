import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { t } from '../i18n/index.js';
import { baseStyles } from '../styles.js';
import { api } from './api.js';

/** The yearly-workflow roles that open the office's after-show views (OFFICE_RECORDS_ROLES on the server). */
const OFFICE_ROLES = ['office_planner', 'office_admin', 'publisher'];

/**
 * <oi-records-nav>: the console navigation's links to the year's statistics and the overdue follow-ups, shown to
 * those the server lets see them (administrators, the office, the information centre), as /api/plan/me tells.
 */
export class OiRecordsNav extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    allowed: { state: true },
  };

  declare lang: string;
  declare allowed: boolean;

  constructor() {
    super();
    this.allowed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void api<{ admin: boolean; roles: string[] }>('/api/plan/me', { redirectOn401: false })
      .then((me) => {
        this.allowed = me.admin || me.roles.some((role) => OFFICE_ROLES.includes(role));
      })
      .catch(() => {
        // Without an answer the links stay hidden; the pages themselves still say who may see them.
      });
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.allowed) return nothing;
    return html`<a class="link-button" href="#/statistics">${t(this.lang, 'recNavStatistics')}</a>
      <a class="link-button" href="#/follow-ups/overdue">${t(this.lang, 'recNavOverdue')}</a>`;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: contents;
      }
      .link-button {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        margin-right: 1em;
      }
    `,
  ];
}

if (!customElements.get('oi-records-nav')) customElements.define('oi-records-nav', OiRecordsNav);
