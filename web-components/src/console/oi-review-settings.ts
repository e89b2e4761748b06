import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../i18n/index.js';
import type { ReviewSettings } from '../qa/types.js';
import { api, errorMessage } from './api.js';
import { QaDesk } from './qa-desk.js';

type Flag = 'questionsOpen' | 'reviewQuestions' | 'reviewHostPosts' | 'reviewGuestPosts';

const FLAGS: readonly [Flag, MessageKey][] = [
  ['questionsOpen', 'settingsQuestionsOpen'],
  ['reviewQuestions', 'settingsReviewQuestions'],
  ['reviewHostPosts', 'settingsReviewHost'],
  ['reviewGuestPosts', 'settingsReviewGuest'],
];

/** <oi-review-settings interview-id .settings>: the interview's 审核把关 settings and question window (PUT review-settings). */
export class OiReviewSettings extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    interviewId: { type: String, attribute: 'interview-id' },
    settings: { attribute: false },
    draft: { state: true },
    busy: { state: true },
    error: { state: true },
    notice: { state: true },
  };

  declare lang: string;
  declare interviewId: string;
  declare settings: ReviewSettings | null;
  declare draft: ReviewSettings | null;
  declare busy: boolean;
  declare error: string;
  declare notice: string;

  constructor() {
    super();
    this.settings = null;
    this.draft = null;
    this.busy = false;
    this.error = '';
    this.notice = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('settings') && this.settings) this.draft = { ...this.settings };
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.draft || this.busy) return;
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      this.settings = await api<ReviewSettings>(`/api/interviews/${encodeURIComponent(this.interviewId)}/review-settings`, {
        method: 'PUT',
        body: this.draft,
      });
      this.notice = this.msg('settingsSaved');
    } catch (error) {
      this.error = this.msg('errGeneric', { message: errorMessage(error) });
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const draft = this.draft;
    if (!draft) return html``;
    return html`
      <form @submit=${(e: Event) => void this.save(e)} aria-labelledby="settings-title">
        <h2 id="settings-title">${this.msg('settingsTitle')}</h2>
        <div class="choices">
          ${FLAGS.map(
            ([flag, label]) => html`<label>
              <input
                type="checkbox"
                .checked=${draft[flag]}
                @change=${(e: Event) => (this.draft = { ...draft, [flag]: (e.target as HTMLInputElement).checked })}
              />
              ${this.msg(label)}
            </label>`,
          )}
        </div>
        <div class="field">
          <label for="sensitive">${this.msg('settingsSensitive')}</label>
          <select
            id="sensitive"
            @change=${(e: Event) =>
              (this.draft = { ...draft, sensitiveWordAction: (e.target as HTMLSelectElement).value as ReviewSettings['sensitiveWordAction'] })}
          >
            <option value="hold" ?selected=${draft.sensitiveWordAction === 'hold'}>${this.msg('settingsSensitiveHold')}</option>
            <option value="reject" ?selected=${draft.sensitiveWordAction === 'reject'}>${this.msg('settingsSensitiveReject')}</option>
          </select>
        </div>
        <p class="error" role="alert">${this.error}</p>
        <p role="status">${this.notice}</p>
        <button type="submit" ?disabled=${this.busy}>${this.msg('settingsSave')}</button>
      </form>
    `;
  }

  static override styles = QaDesk.styles;
}

if (!customElements.get('oi-review-settings')) customElements.define('oi-review-settings', OiReviewSettings);
