import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { formatDateTime, t, type MessageKey } from '../i18n/index.js';
import { baseStyles } from '../styles.js';
import { api, errorMessage } from './api.js';
import { consoleStyles } from './console-styles.js';

/**
 * The common part of the after-show pages (transcript, follow-ups, overdue list, statistics): the language, one
 * alert for errors and one polite live region for outcomes, and `run` to call the API with both handled.
 */
export abstract class RecordsPage extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  declare lang: string;
  declare error: string;
  declare notice: string;
  declare busy: boolean;

  constructor() {
    super();
    this.error = '';
    this.notice = '';
    this.busy = false;
  }

  protected msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  protected dateTime(iso: string): TemplateResult {
    return html`<time datetime=${iso}>${formatDateTime(this.lang, iso)}</time>`;
  }

  /** Calls the API; on failure shows the server's message in the alert and answers undefined. */
  protected async run<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T | undefined> {
    this.busy = true;
    try {
      const result = await api<T>(path, options);
      this.error = '';
      return result;
    } catch (error) {
      this.error = this.msg('errGeneric', { message: errorMessage(error) });
      this.notice = '';
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  protected renderMessages(): TemplateResult {
    return html`<p class="error" role="alert">${this.error}</p>
      <p class="notice" role="status">${this.notice}</p>`;
  }

  protected backLink(interviewId: string): TemplateResult | typeof nothing {
    return html`<p class="actions"><a class="link-button" href="#/interviews/${encodeURIComponent(interviewId)}">${this.msg('recBackToInterview')}</a></p>`;
  }

  static override styles = [
    baseStyles,
    consoleStyles,
    css`
      .notice:empty,
      .error:empty {
        display: none;
      }
      .notice {
        padding: 0.4em 0.8em;
        border-left: 4px solid var(--oi-scheduled, #0b5e3a);
        background: #eef7f1;
      }
      .items {
        list-style: none;
        margin: 0 0 1.5em;
        padding: 0;
      }
      .item {
        border: 1px solid var(--oi-border, #c4c4c4);
        border-radius: var(--oi-radius, 4px);
        padding: 0.6em 0.8em;
        margin: 0 0 0.8em;
        background: var(--oi-surface, #fff);
      }
      .item.overdue {
        border-left: 8px solid #8a1c1c;
      }
      .tag {
        display: inline-block;
        padding: 0 0.4em;
        margin-left: 0.5em;
        border: 1px solid currentColor;
        border-radius: 3px;
        font-size: 0.9em;
      }
      .tag.late {
        color: #8a1c1c;
        font-weight: bold;
      }
      .text {
        white-space: pre-wrap;
        line-height: 1.6;
      }
      textarea {
        min-height: 5em;
        font: inherit;
        line-height: 1.5;
      }
      .thumbs {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      .thumbs figure {
        margin: 0;
      }
      .thumbs img {
        max-width: 160px;
        height: auto;
        border: 1px solid var(--oi-border, #c4c4c4);
      }
      td.number,
      th.number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];
}
