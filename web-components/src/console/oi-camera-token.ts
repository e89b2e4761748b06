import { LitElement, html, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../i18n/index.js';
import { baseStyles } from '../styles.js';
import { consoleStyles } from './console-styles.js';

/** A camera's publish address and token, as the server reveals the token once (on creation or regeneration). */
export interface CameraToken {
  name: string;
  whipUrl: string;
  token: string;
}

/**
 * <oi-camera-token>: the WHIP URL and token with copy buttons and the OBS settings filled in. Takes focus when shown:
 * the token is visible only now, so the user is taken straight to it.
 */
export class OiCameraToken extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    camera: { attribute: false },
    copyStatus: { state: true },
  };

  declare lang: string;
  declare camera: CameraToken;
  declare copyStatus: string;

  constructor() {
    super();
    this.copyStatus = '';
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('#token-title')?.focus();
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('camera') && changed.get('camera') !== undefined) {
      this.copyStatus = '';
      this.renderRoot.querySelector<HTMLElement>('#token-title')?.focus();
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
    const camera = this.camera;
    return html`
      <section class="panel" aria-labelledby="token-title">
        <h2 id="token-title" tabindex="-1">${this.msg('tokenTitle', { name: camera.name })}</h2>
        <p class="warning">${this.msg('tokenWarning')}</p>
        ${this.renderCopyField('token-whip-url', 'whipUrlLabel', camera.whipUrl)} ${this.renderCopyField('token-value', 'tokenLabel', camera.token)}
        <p aria-live="polite">${this.copyStatus}</p>
        <h3>${this.msg('obsTitle')}</h3>
        <ol>
          <li>${this.msg('obsStream', { url: camera.whipUrl, token: camera.token })}</li>
          <li>${this.msg('obsKeyframe')}</li>
          <li>${this.msg('obsEncoder')}</li>
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
        <button type="button" class="secondary" aria-label=${this.msg('copyNamed', { what: this.msg(label) })} @click=${() => void this.copy(id)}>
          ${this.msg('copy')}
        </button>
      </div>
    `;
  }

  static override styles = [baseStyles, consoleStyles];
}

if (!customElements.get('oi-camera-token')) customElements.define('oi-camera-token', OiCameraToken);
