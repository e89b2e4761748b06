import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { CreatedCamera } from '../api/types.js';
import { t, type MessageKey } from '../i18n/index.js';
import { baseStyles } from '../styles.js';
import { api } from './api.js';
import { consoleError } from './consoleError.js';
import { consoleStyles } from './console-styles.js';
import './oi-camera-token.js';

/**
 * Adds a camera to an interview and shows its publish token the one time the server reveals it (<oi-camera-token>,
 * which takes focus). Fires `oi-camera-added` (detail {camera}).
 */
export class OiCameraAdd extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    interviewId: { type: String, attribute: 'interview-id' },
    created: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare lang: string;
  declare interviewId: string;
  declare created: CreatedCamera | null;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.created = null;
    this.error = '';
    this.busy = false;
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (!name) {
      this.error = this.msg('cameraNameRequired');
      form.querySelector('input')?.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const camera = await api<CreatedCamera>(`/api/interviews/${encodeURIComponent(this.interviewId)}/cameras`, {
        method: 'POST',
        body: { name },
      });
      form.reset();
      this.created = camera;
      this.dispatchEvent(new CustomEvent('oi-camera-added', { detail: { camera }, bubbles: true, composed: true }));
    } catch (error) {
      this.error = consoleError(this.lang, error);
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    return html`
      ${this.created ? html`<oi-camera-token lang=${this.lang ?? nothing} .camera=${this.created}></oi-camera-token>` : nothing}
      <form @submit=${this.submit} aria-labelledby="add-camera-title" novalidate>
        <h2 id="add-camera-title">${this.msg('addCameraTitle')}</h2>
        <div class="field">
          <label for="camera-name">${this.msg('cameraName')}</label>
          <input id="camera-name" name="name" required aria-required="true" maxlength="100" />
        </div>
        <p class="error" role="alert">${this.error}</p>
        <button type="submit" ?disabled=${this.busy}>${this.msg('addCameraSubmit')}</button>
      </form>
    `;
  }

  static override styles = [baseStyles, consoleStyles];
}

if (!customElements.get('oi-camera-add')) customElements.define('oi-camera-add', OiCameraAdd);
