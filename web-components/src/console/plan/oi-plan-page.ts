import { LitElement, html, type TemplateResult } from 'lit';
import './oi-annual-plan.js';
import './oi-checklist.js';
import './oi-checklists-overview.js';
import './oi-mail-outbox.js';
import './oi-plan-users.js';
import './oi-proposals.js';
import type { PlanPageName } from './planRoutes.js';

/** <oi-plan-page page id>: the yearly workflow's page for a console route (one tag, so the console names one). */
export class OiPlanPage extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    page: { type: String },
    itemId: { type: String, attribute: 'item-id' },
  };

  declare lang: string;
  declare page: PlanPageName;
  declare itemId: string;

  // The page's own elements have shadow roots and styles; this one only picks.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render(): TemplateResult {
    switch (this.page) {
      case 'plan':
        return html`<oi-annual-plan lang=${this.lang}></oi-annual-plan>`;
      case 'proposals':
        return html`<oi-proposals lang=${this.lang}></oi-proposals>`;
      case 'users':
        return html`<oi-plan-users lang=${this.lang}></oi-plan-users>`;
      case 'checklists':
        return html`<oi-checklists-overview lang=${this.lang}></oi-checklists-overview>`;
      case 'mail':
        return html`<oi-mail-outbox lang=${this.lang}></oi-mail-outbox>`;
      case 'checklist':
        return html`<oi-checklist lang=${this.lang} interview-id=${this.itemId}></oi-checklist>`;
    }
  }
}

if (!customElements.get('oi-plan-page')) customElements.define('oi-plan-page', OiPlanPage);
