import { LitElement, html, type TemplateResult } from 'lit';
import type { User } from '../api/types.js';
import { t } from '../i18n/index.js';
import { baseStyles } from '../styles.js';
import { ApiError } from '../api/client.js';
import { api, errorMessage } from './api.js';
import { consoleStyles } from './console-styles.js';

/** Staff sign-in form. Fires `oi-logged-in` (detail {user}) once the session cookie is set. */
export class OiLogin extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    error: { state: true },
    busy: { state: true },
  };

  declare lang: string;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.error = '';
    this.busy = false;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.error = '';
    try {
      await api('/api/auth/login', {
        method: 'POST',
        body: { username: String(data.get('username') ?? ''), password: String(data.get('password') ?? '') },
        redirectOn401: false,
      });
      const { user } = await api<{ user: User }>('/api/auth/me', { redirectOn401: false });
      this.dispatchEvent(new CustomEvent('oi-logged-in', { detail: { user }, bubbles: true, composed: true }));
    } catch (error) {
      this.error = this.loginError(error);
      form.querySelector<HTMLInputElement>('[name=password]')?.select();
    } finally {
      this.busy = false;
    }
  }

  /** The refusals a sign-in meets, each saying what to do, in the console's language. */
  private loginError(error: unknown): string {
    if (!(error instanceof ApiError)) return errorMessage(error);
    const minutes = String(Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)));
    if (error.code === 'invalid_credentials') return t(this.lang, 'loginWrong');
    if (error.code === 'login_locked') return t(this.lang, 'loginLocked', { minutes });
    if (error.code === 'login_rate_limited') return t(this.lang, 'loginRateLimited', { minutes });
    return errorMessage(error);
  }

  override render(): TemplateResult {
    const msg = (key: Parameters<typeof t>[1]) => t(this.lang, key);
    return html`
      <form @submit=${this.submit} aria-labelledby="login-title">
        <h1 id="login-title">${msg('loginTitle')}</h1>
        <div class="field">
          <label for="username">${msg('username')}</label>
          <input id="username" name="username" autocomplete="username" required autofocus />
        </div>
        <div class="field">
          <label for="password">${msg('password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <p class="error" role="alert">${this.error}</p>
        <button type="submit" ?disabled=${this.busy}>${msg('loginSubmit')}</button>
      </form>
    `;
  }

  static override styles = [baseStyles, consoleStyles];
}

if (!customElements.get('oi-login')) customElements.define('oi-login', OiLogin);
