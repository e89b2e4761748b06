import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { t } from '../../i18n/index.js';
import { api } from '../api.js';
import type { PlanMe, UnitNotice } from './planTypes.js';

/**
 * <oi-plan-nav>: the console's links to the yearly workflow, only those the user's roles open, and the count of the
 * unit's unread notices (the office's reminders) on 选题征集.
 */
export class OiPlanNav extends LitElement {
  static override properties = { lang: { type: String, reflect: true }, userId: { attribute: false }, me: { state: true }, unread: { state: true } };

  declare lang: string;
  /** The signed-in user: another one signing in on the same page gets their own links. */
  declare userId: string;
  declare me: PlanMe | null;
  declare unread: number;

  constructor() {
    super();
    this.me = null;
    this.unread = 0;
  }

  // Inside the console's <nav>, styled by it.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('userId') || !this.hasUpdated) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.me = await api<PlanMe>('/api/plan/me', { redirectOn401: false });
      this.unread = 0;
      if (this.me.organisation) this.unread = (await api<UnitNotice[]>('/api/notices', { redirectOn401: false })).filter((notice) => notice.readAt === null).length;
    } catch {
      // Without the workflow's links the console still works; the pages report their own errors when opened.
      this.me = null;
    }
  }

  override render(): TemplateResult | typeof nothing {
    const can = this.me?.can;
    if (!can) return nothing;
    return html`
      ${can['plan.read'] ? html`<a class="link-button" href="#/plan">${t(this.lang, 'planNavPlan')}</a>` : nothing}
      ${can['proposals.read'] || can['proposals.write']
        ? html`<a class="link-button" href="#/proposals"
            >${t(this.lang, 'planNavProposals')}${this.unread > 0 ? ` (${t(this.lang, 'planUnreadNotices', { count: this.unread })})` : ''}</a
          >`
        : nothing}
      ${can['checklist.read'] ? html`<a class="link-button" href="#/checklists">${t(this.lang, 'planNavChecklists')}</a>` : nothing}
      ${can['users.manage'] ? html`<a class="link-button" href="#/users">${t(this.lang, 'planNavUsers')}</a>` : nothing}
      ${can['mail.outbox'] ? html`<a class="link-button" href="#/mail">${t(this.lang, 'planNavMail')}</a>` : nothing}
    `;
  }
}

if (!customElements.get('oi-plan-nav')) customElements.define('oi-plan-nav', OiPlanNav);
