import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { StaffInterview } from '../api/types.js';
import { t } from '../i18n/index.js';
import { baseStyles } from '../styles.js';
import { api } from './api.js';
import { consoleError } from './consoleError.js';
import { consoleStyles } from './console-styles.js';
import './oi-interview-form.js';

/** #/interviews/new and #/interviews/:id/edit: loads the interview (when editing) and opens it once saved. */
export class OiInterviewEditor extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    interviewId: { type: String, attribute: 'interview-id' },
    interview: { state: true },
    error: { state: true },
  };

  declare lang: string;
  declare interviewId: string | undefined;
  declare interview: StaffInterview | null;
  declare error: string;

  constructor() {
    super();
    this.interview = null;
    this.error = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('interviewId') && this.interviewId) void this.load(this.interviewId);
  }

  private async load(id: string): Promise<void> {
    try {
      this.interview = await api<StaffInterview>(`/api/interviews/${encodeURIComponent(id)}`);
    } catch (error) {
      this.error = consoleError(this.lang, error);
    }
  }

  private onSaved(event: CustomEvent<{ interview: StaffInterview }>): void {
    location.hash = `#/interviews/${encodeURIComponent(event.detail.interview.id)}`;
  }

  override render(): TemplateResult {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (this.interviewId && !this.interview) return html`<p>${t(this.lang, 'loading')}</p>`;
    return html`<oi-interview-form lang=${this.lang ?? nothing} .interview=${this.interview} @oi-interview-saved=${this.onSaved}></oi-interview-form>`;
  }

  static override styles = [baseStyles, consoleStyles];
}

if (!customElements.get('oi-interview-editor')) customElements.define('oi-interview-editor', OiInterviewEditor);
