import { css, html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { t } from './i18n/index.js';

/** The 适老化 display modes a viewer can switch on in the elements. */
export interface DisplayPrefs {
  largeText: boolean;
  highContrast: boolean;
}

type Pref = keyof DisplayPrefs;

/** localStorage keys: "1" on, "0" off, absent = the browser's preference (prefers-contrast) or off. */
export const DISPLAY_PREF_KEYS: Record<Pref, string> = {
  largeText: 'oi-display-large-text',
  highContrast: 'oi-display-high-contrast',
};

/** Dispatched on window when one element changes a preference, so every element on the page follows at once. */
const CHANGE_EVENT = 'oi-display-prefs';
const CONTRAST_QUERY = '(prefers-contrast: more)';

function stored(pref: Pref): boolean | null {
  try {
    const value = window.localStorage.getItem(DISPLAY_PREF_KEYS[pref]);
    return value === '1' ? true : value === '0' ? false : null;
  } catch {
    // Storage blocked (privacy settings, sandboxed iframe): the toggle still works for this page view.
    return null;
  }
}

function prefersMoreContrast(): boolean {
  return typeof matchMedia === 'function' && matchMedia(CONTRAST_QUERY).matches;
}

/** The preferences as they are now: stored choices first, then the browser's settings. */
export function readDisplayPrefs(): DisplayPrefs {
  return {
    largeText: stored('largeText') ?? false,
    highContrast: stored('highContrast') ?? prefersMoreContrast(),
  };
}

/**
 * Keeps an element's large-text and high-contrast modes in step with the remembered choice (localStorage of the portal's
 * origin, since storage belongs to the page, so one choice covers every interview on the portal), with other
 * elements on the page and other tabs, and with the system's prefers-contrast while the viewer has not chosen.
 */
export class DisplayPrefsController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #prefs: DisplayPrefs = { largeText: false, highContrast: false };
  #contrastQuery: MediaQueryList | null = null;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get prefs(): DisplayPrefs {
    return this.#prefs;
  }

  hostConnected(): void {
    this.#refresh();
    window.addEventListener('storage', this.#refresh);
    window.addEventListener(CHANGE_EVENT, this.#refresh);
    if (typeof matchMedia === 'function') {
      this.#contrastQuery = matchMedia(CONTRAST_QUERY);
      // addListener: Safari 13 lacks addEventListener on MediaQueryList.
      this.#contrastQuery.addListener(this.#refresh);
    }
  }

  hostDisconnected(): void {
    window.removeEventListener('storage', this.#refresh);
    window.removeEventListener(CHANGE_EVENT, this.#refresh);
    this.#contrastQuery?.removeListener(this.#refresh);
    this.#contrastQuery = null;
  }

  toggle(pref: Pref): void {
    const next = !this.#prefs[pref];
    try {
      window.localStorage.setItem(DISPLAY_PREF_KEYS[pref], next ? '1' : '0');
    } catch {
      // Not remembered, but applied below.
    }
    this.#prefs = { ...this.#prefs, [pref]: next };
    this.#host.requestUpdate();
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }

  /** The class list for the element's outermost box. */
  classes(): string {
    return `${this.#prefs.largeText ? 'large-text' : ''} ${this.#prefs.highContrast ? 'high-contrast' : ''}`;
  }

  /** The two toggle buttons, in a labelled group; aria-pressed tells screen readers which are on. */
  renderToggles(lang: string | null | undefined): TemplateResult {
    const button = (pref: Pref, label: 'displayLargeText' | 'displayHighContrast') =>
      html`<button
        type="button"
        class="secondary toggle"
        part="display-toggle display-toggle-${pref === 'largeText' ? 'large-text' : 'high-contrast'}"
        aria-pressed=${this.#prefs[pref] ? 'true' : 'false'}
        @click=${() => this.toggle(pref)}
      >
        ${t(lang, label)}
      </button>`;
    return html`<div class="display-toggles" part="display-toggles" role="group" aria-label=${t(lang, 'displaySettings')}>
      ${button('largeText', 'displayLargeText')} ${button('highContrast', 'displayHighContrast')}
    </div>`;
  }

  readonly #refresh = (): void => {
    const next = readDisplayPrefs();
    if (next.largeText === this.#prefs.largeText && next.highContrast === this.#prefs.highContrast) return;
    this.#prefs = next;
    this.#host.requestUpdate();
  };
}

/**
 * The modes as CSS on the element's outermost box. They work by resetting the theme's custom properties there, so
 * the nested elements (feed, questions) inherit them through their shadow roots. Large text scales whatever base
 * size the portal set (--oi-font-size on the element is read once on :host as --oi-base-font-size, since a property
 * cannot be defined from itself on the same box).
 */
export const displayModeStyles = css`
  :host {
    --oi-base-font-size: var(--oi-font-size, 1rem);
  }
  .large-text {
    --oi-font-size: calc(var(--oi-base-font-size) * 1.3);
    font-size: var(--oi-font-size);
    line-height: 1.7;
  }
  .high-contrast {
    --oi-text: #000;
    --oi-muted-text: #000;
    --oi-surface: #fff;
    --oi-bg: #fff;
    --oi-border: #000;
    --oi-accent: #000;
    --oi-accent-text: #fff;
    --oi-live: #000;
    --oi-scheduled: #000;
    --oi-host: #000;
    --oi-guest: #000;
    --oi-highlight-bg: #fff;
    --oi-quote-bg: #fff;
    --oi-countdown-bg: #fff;
    --oi-link: #00007a;
    --oi-focus: #0038c7;
    color: #000;
    background: #fff;
  }
  .high-contrast a {
    text-decoration: underline;
  }
  .display-toggles {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    justify-content: flex-end;
  }
  .toggle[aria-pressed='true'] {
    background: var(--oi-accent, #a8141c);
    color: var(--oi-accent-text, #fff);
  }
  .toggle[aria-pressed='true']::before {
    content: '✓ ';
  }
`;
