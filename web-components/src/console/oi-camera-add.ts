import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { CreatedCamera } from '../api/types.js';
import { t, type MessageKey } from '../i18n/index.js';
import { baseStyles } from '../styles.js';
import { api, errorMessage } from './api.js';
import { consoleStyles } from './console-styles.js';

/**
 * Adds a camera to an interview and shows its publish token the one time the server reveals it, with a copy
 * button and the OBS settings. Fires `oi-camera-added` (detail {camera}).
 */
export class OiCameraAdd extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    interviewId: { type: String, attribute: 'interview-id' },
    created: { state: true },
    error: { state: true },
    busy: { state: true },
    copyStatus: { state: true },
  };

  declare lang: string;
  declare interviewId: string;
  declare created: CreatedCamera | null;
  declare error: string;
  declare busy: boolean;
  declare copyStatus: string;

  constructor() {
    super();
    this.created = null;
    this.error = '';
    this.busy = false;
    this.copyStatus = '';
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
      this.copyStatus = '';
      await this.updateComplete;
      // Take the user straight to the token they must copy now.
      this.renderRoot.querySelector<HTMLElement>('#token-title')?.focus();
      this.dispatchEvent(new CustomEvent('oi-camera-added', { detail: { camera }, bubbles: true, composed: true }));
    } catch (error) {
      this.error = this.msg('errGeneric', { message: errorMessage(error) });
    } finally {
      this.busy = false;
    }
  }

  private async copy(inputId: string): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${inputId}`);
    if (!input) return;
    try {
      await navigator.clipboard.writeText(input.value);
      this.copyStatus = this.msg('copied');
    } catch {
      // No clipboard API outside secure contexts: select the text for a manual Ctrl+C.
      input.focus();
      input.select();
      this.copyStatus = this.msg('copyManual');
    }
  }

  override render(): TemplateResult {
    return html`
      ${this.created ? this.renderToken(this.created) : nothing}
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

  private renderToken(camera: CreatedCamera): TemplateResult {
    return html`
      <section class="panel" aria-labelledby="token-title">
        <h2 id="token-title" tabindex="-1">${this.msg('tokenTitle', { name: camera.name })}</h2>
        <p class="warning">${this.msg('tokenWarning')}</p>
        ${this.renderCopyField('created-whip-url', 'whipUrlLabel', camera.whipUrl)}
        ${this.renderCopyField('created-token', 'tokenLabel', camera.token)}
        <p aria-live="polite">${this.copyStatus}</p>
        <h3>${this.msg('obsTitle')}</h3>
        <ol>
          <li>${this.msg('obsStream', { url: camera.whipUrl, token: camera.token })}</li>
          <li>${this.msg('obsKeyframe')}</li>
        </ol>
      </section>
    `;
  }

  private renderCopyField(id: string, label: MessageKey, value: string): TemplateResult {
    return html`
      <div class="row">
        <div class="field">
          <label for=${id}>${this.msg(label)}</label>
          <input id=${id} readonly .value=${value} />
        </div>
        <button
          type="button"
          class="secondary"
          aria-label=${this.msg('copyNamed', { what: this.msg(label) })}
          @click=${() => void this.copy(id)}
        >
          ${this.msg('copy')}
        </button>
      </div>
    `;
  }

  static override styles = [baseStyles, consoleStyles];
}

if (!customElements.get('oi-camera-add')) customElements.define('oi-camera-add', OiCameraAdd);
