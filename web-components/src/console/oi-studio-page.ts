import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { StudioToken } from '../api/types.js';
import { t, type MessageKey } from '../i18n/index.js';
import '../interview-studio.js';
import { baseStyles } from '../styles.js';
import { api, errorMessage } from './api.js';
import { consoleStyles } from './console-styles.js';

/** Renew the short-lived publish token this long before it expires, so a studio opened early still publishes. */
const RENEW_BEFORE_MS = 60_000;
const MIN_RENEW_DELAY_MS = 10_000;

/** #/studio/:cameraId: a browser studio for a logged-in staff member, with a publish token from the session. */
export class OiStudioPage extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    cameraId: { type: String, attribute: 'camera-id' },
    grant: { state: true },
    error: { state: true },
  };

  declare lang: string;
  declare cameraId: string;
  declare grant: StudioToken | null;
  declare error: string;

  private renewTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.grant = null;
    this.error = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.renewTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('cameraId')) {
      this.grant = null;
      void this.fetchToken();
    }
  }

  private msg(key: MessageKey): string {
    return t(this.lang, key);
  }

  private async fetchToken(): Promise<void> {
    clearTimeout(this.renewTimer);
    try {
      const grant = await api<StudioToken>(`/api/cameras/${encodeURIComponent(this.cameraId)}/studio-token`, {
        method: 'POST',
      });
      if (!this.isConnected) return;
      this.grant = grant;
      this.error = '';
      const delay = Math.max(new Date(grant.expiresAt).getTime() - Date.now() - RENEW_BEFORE_MS, MIN_RENEW_DELAY_MS);
      this.renewTimer = setTimeout(() => void this.fetchToken(), delay);
    } catch (error) {
      this.error = t(this.lang, 'errGeneric', { message: errorMessage(error) });
    }
  }

  override render(): TemplateResult {
    return html`
      <p><a class="link-button" href="#/interviews">${this.msg('backToList')}</a></p>
      <h1>${this.msg('studioPageTitle')}</h1>
      <p>${this.msg('studioHint')}</p>
      <p class="error" role="alert">${this.error}</p>
      ${this.grant
        ? html`<interview-studio
            lang=${this.lang ?? nothing}
            whip-url=${this.grant.whipUrl}
            token=${this.grant.token}
          ></interview-studio>`
        : this.error
          ? nothing
          : html`<p>${this.msg('loading')}</p>`}
    `;
  }

  static override styles = [baseStyles, consoleStyles];
}

if (!customElements.get('oi-studio-page')) customElements.define('oi-studio-page', OiStudioPage);
