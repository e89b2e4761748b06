import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { User } from '../api/types.js';
import { resolveLang, t, type Lang, type MessageKey } from '../i18n/index.js';
import type { PublishState } from '../interview-studio.js';
import { baseStyles } from '../styles.js';
import { api, takeReturnTo } from './api.js';
import './oi-home.js';
import './oi-interview-detail.js';
import './oi-interview-editor.js';
import './oi-interview-list.js';
import './oi-login.js';
import './oi-qa-guest.js';
import './oi-qa-host.js';
import './oi-qa-moderate.js';
import './oi-qa-review.js';
import './oi-studio-page.js';
import './oi-director-page.js';
import './oi-clip-editor.js';
import './oi-follow-ups-page.js';
import './oi-overdue-page.js';
import './oi-statistics-page.js';
import './oi-transcript-page.js';
import './oi-records-nav.js';
import './plan/oi-plan-nav.js';
import './plan/oi-plan-page.js';
import { parseRoute, type QaPage, type Route } from './routes.js';

/** Where the console remembers the language a user switched to (per browser, like the portal's display modes). */
const LANG_KEY = 'oi-console-lang';

function storedLang(): Lang | null {
  try {
    const value = window.localStorage.getItem(LANG_KEY);
    return value === null ? null : resolveLang(value);
  } catch {
    // Storage blocked by the browser's privacy settings: the page's lang attribute decides.
    return null;
  }
}

/** <oi-console lang>: the staff console, routed by the location hash. A header button switches zh-CN ⇄ en. */
export class OiConsole extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    route: { state: true },
    user: { state: true },
  };

  declare lang: string;
  declare route: Route;
  declare user: User | null;

  /** The hash shown now, to undo a navigation the user cancels while streaming. */
  private currentHash = '';
  private publishing = false;

  constructor() {
    super();
    this.route = parseRoute(location.hash);
    this.user = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    this.addEventListener('oi-publish-state', this.onPublishState as EventListener);
    this.currentHash = location.hash;
    this.applyLang(storedLang() ?? resolveLang(this.lang));
    void this.checkSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.removeEventListener('oi-publish-state', this.onPublishState as EventListener);
  }

  /** Sets the console's language and the document's, so screen readers pronounce it and the tab title follows. */
  private applyLang(lang: Lang): void {
    this.lang = lang;
    document.documentElement.lang = lang;
    document.title = t(lang, 'consoleTitle');
  }

  private switchLang(): void {
    const next: Lang = resolveLang(this.lang) === 'en' ? 'zh-CN' : 'en';
    this.applyLang(next);
    try {
      window.localStorage.setItem(LANG_KEY, next);
    } catch {
      // Not remembered when storage is blocked; the switch still holds for this page.
    }
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  private async checkSession(): Promise<void> {
    try {
      const { user } = await api<{ user: User }>('/api/auth/me');
      this.user = user;
      if (this.route.name === 'login') location.hash = takeReturnTo() || '#/home';
    } catch {
      // api() already sent a 401 to #/login; anything else leaves the current view to report its own errors.
    }
  }

  private readonly onHashChange = () => {
    if (location.hash === this.currentHash) return;
    if (this.publishing && !window.confirm(this.msg('confirmLeaveStudio'))) {
      location.hash = this.currentHash;
      return;
    }
    this.publishing = false;
    this.currentHash = location.hash;
    this.route = parseRoute(location.hash);
    void this.updateComplete.then(() => {
      // Tell screen readers the view changed, as a page load would.
      this.renderRoot.querySelector<HTMLElement>('main')?.focus();
    });
  };

  private readonly onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.publishing) return;
    event.preventDefault();
    event.returnValue = '';
  };

  private readonly onPublishState = (event: CustomEvent<{ state: PublishState }>) => {
    this.publishing = event.detail.state === 'connecting' || event.detail.state === 'live';
  };

  private onLoggedIn(event: CustomEvent<{ user: User }>): void {
    this.user = event.detail.user;
    location.hash = takeReturnTo() || '#/home';
  }

  private async logout(): Promise<void> {
    try {
      await api('/api/auth/logout', { method: 'POST', redirectOn401: false });
    } catch {
      // Unreachable server or an already expired session: the login page is the right place either way.
    } finally {
      this.user = null;
      location.hash = '#/login';
    }
  }

  override render(): TemplateResult {
    return html`
      <header part="header">
        <p class="site">${this.msg('consoleTitle')}</p>
        <button
          type="button"
          class="secondary"
          part="language"
          lang=${resolveLang(this.lang) === 'en' ? 'zh-CN' : 'en'}
          title=${this.msg('switchLanguageHint')}
          @click=${() => this.switchLang()}
        >
          ${this.msg('switchLanguage')}
        </button>
        ${this.user
          ? html`<nav aria-label=${this.msg('consoleTitle')}>
              <a class="link-button" href="#/home">${this.msg('navHome')}</a>
              <a class="link-button" href="#/interviews">${this.msg('navInterviews')}</a>
              <oi-plan-nav lang=${this.lang ?? nothing} .userId=${this.user.id}></oi-plan-nav>
              <oi-records-nav lang=${this.lang ?? nothing}></oi-records-nav>
              <span>${this.msg('signedInAs', { username: this.user.username })}</span>
              <button type="button" class="secondary" @click=${() => void this.logout()}>${this.msg('logout')}</button>
            </nav>`
          : nothing}
      </header>
      <main tabindex="-1">${this.renderRoute()}</main>
    `;
  }

  private renderRoute(): TemplateResult {
    const lang = this.lang ?? nothing;
    const route = this.route;
    switch (route.name) {
      case 'login':
        return html`<oi-login lang=${lang} @oi-logged-in=${this.onLoggedIn}></oi-login>`;
      case 'home':
        return html`<oi-home lang=${lang} .user=${this.user}></oi-home>`;
      case 'interviews':
        return html`<oi-interview-list lang=${lang}></oi-interview-list>`;
      case 'new-interview':
        return html`<oi-interview-editor lang=${lang}></oi-interview-editor>`;
      case 'edit-interview':
        return html`<oi-interview-editor lang=${lang} interview-id=${route.id}></oi-interview-editor>`;
      case 'interview':
        return html`<oi-interview-detail lang=${lang} interview-id=${route.id}></oi-interview-detail>`;
      case 'qa':
        return this.renderDesk(route.page, route.id, lang);
      case 'records':
        return route.page === 'transcript'
          ? html`<oi-transcript-page lang=${lang} interview-id=${route.id}></oi-transcript-page>`
          : html`<oi-follow-ups-page lang=${lang} interview-id=${route.id}></oi-follow-ups-page>`;
      case 'statistics':
        return html`<oi-statistics-page lang=${lang}></oi-statistics-page>`;
      case 'overdue':
        return html`<oi-overdue-page lang=${lang}></oi-overdue-page>`;
      case 'studio':
        return html`<oi-studio-page lang=${lang} camera-id=${route.cameraId}></oi-studio-page>`;
      case 'clips':
        return html`<oi-clip-editor lang=${lang} interview-id=${route.id}></oi-clip-editor>`;
      case 'director':
        return html`<oi-director-page lang=${lang} interview-id=${route.id}></oi-director-page>`;
      case 'plan-page':
        return html`<oi-plan-page lang=${lang} page=${route.page} item-id=${route.id ?? ''}></oi-plan-page>`;
      case 'not-found':
        return html`<p>${this.msg('notFoundRoute')}</p>
          <p><a class="link-button" href="#/interviews">${this.msg('backToList')}</a></p>`;
    }
  }

  /** One tag per desk: lit templates cannot take a dynamic tag name. */
  private renderDesk(page: QaPage, id: string, lang: string | typeof nothing): TemplateResult {
    switch (page) {
      case 'moderate':
        return html`<oi-qa-moderate lang=${lang} interview-id=${id}></oi-qa-moderate>`;
      case 'host':
        return html`<oi-qa-host lang=${lang} interview-id=${id}></oi-qa-host>`;
      case 'guest':
        return html`<oi-qa-guest lang=${lang} interview-id=${id}></oi-qa-guest>`;
      case 'review':
        return html`<oi-qa-review lang=${lang} interview-id=${id}></oi-qa-review>`;
    }
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        max-width: 72em;
        margin: 0 auto;
        padding: 0 1em 2em;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: 0.5em 1em;
        padding: 0.5em 0;
        margin-bottom: 1em;
        border-bottom: 3px solid var(--oi-accent, #a8141c);
      }
      .site {
        margin: 0;
        font-size: 1.25em;
        font-weight: bold;
      }
      nav {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em 1em;
      }
      .link-button {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
      }
      /* Focused only by script on a view change; a ring around the whole page would just be noise. */
      main[tabindex]:focus {
        outline: none;
      }
      /* Printed pages (the annual plan) carry only their content. */
      @media print {
        header {
          display: none;
        }
      }
    `,
  ];
}

if (!customElements.get('oi-console')) customElements.define('oi-console', OiConsole);
