import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, fetchJson } from './api/client.js';
import type { Transcript, TranscriptRole } from './api/viewer-types.js';
import { formatDateTime, t, type MessageKey } from './i18n/index.js';
import { baseStyles } from './styles.js';
import { isOnServer } from './viewer-format.js';

const ROLE_KEYS: Record<TranscriptRole, MessageKey> = {
  host: 'roleHost',
  guest: 'roleGuest',
  netizen: 'roleNetizen',
  department: 'roleDepartment',
  staff: 'roleStaff',
};

const RETRY_MS = 30_000;

/**
 * <interview-transcript server interview lang status>: the published 访谈实录 of an interview as `角色：内容` lines.
 * Renders nothing while none is published (404 transcript_not_published) or the server has no transcripts; asks
 * again whenever `status` changes (online-interview passes the interview's status), and retries a failed request.
 */
export class InterviewTranscript extends LitElement {
  static override properties = {
    server: { type: String },
    interview: { type: String },
    lang: { type: String, reflect: true },
    status: { type: String },
    transcript: { state: true },
  };

  declare server: string | undefined;
  declare interview: string | undefined;
  declare lang: string;
  declare status: string | undefined;
  declare transcript: Transcript | null;

  #request = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.transcript = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#retryTimer);
    this.#request++;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) void this.#load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('server') || changed.has('interview') || changed.has('status')) void this.#load();
  }

  async #load(): Promise<void> {
    clearTimeout(this.#retryTimer);
    const request = ++this.#request;
    const id = (this.interview ?? '').trim();
    if (!id) return;
    try {
      const transcript = await fetchJson<Transcript>(this.server, `/api/public/interviews/${encodeURIComponent(id)}/transcript`, {
        cache: 'no-store',
      });
      if (request === this.#request) this.transcript = transcript;
    } catch (error) {
      if (request !== this.#request) return;
      // 404: not published (or transcripts not offered by this server): nothing to show, not an error.
      if (error instanceof ApiError && error.status === 404) {
        this.transcript = null;
        return;
      }
      this.#retryTimer = setTimeout(() => void this.#load(), RETRY_MS);
    }
  }

  #resolve(url: string): string | null {
    if (!isOnServer(url, this.server, document.baseURI)) return null;
    return new URL(url, this.server?.trim() || document.baseURI).href;
  }

  override render(): TemplateResult | typeof nothing {
    const transcript = this.transcript;
    if (!transcript || transcript.entries.length === 0) return nothing;
    return html`<section part="transcript" aria-labelledby="oi-transcript-title">
      <h3 id="oi-transcript-title">${t(this.lang, 'transcriptTitle')}</h3>
      <p class="published">${t(this.lang, 'transcriptPublished', { time: formatDateTime(this.lang, transcript.publishedAt) })}</p>
      <div class="scroller" part="transcript-body" tabindex="0" role="region" aria-label=${t(this.lang, 'transcriptRegion')}>
        ${transcript.entries.map((entry) => {
          const speaker = entry.speaker.trim() || t(this.lang, ROLE_KEYS[entry.role]);
          const images = (entry.images ?? []).map((url) => this.#resolve(url)).filter((url): url is string => url !== null);
          return html`<div class="entry ${entry.role}" part="transcript-entry">
            <p><span class="who">${speaker}</span>${t(this.lang, 'colon')}<span class="text">${entry.text}</span></p>
            ${images.map((src) => html`<img src=${src} alt=${t(this.lang, 'transcriptImageAlt', { speaker })} loading="lazy" />`)}
          </div>`;
        })}
      </div>
    </section>`;
  }

  static override styles = [
    baseStyles,
    css`
      h3 {
        font-size: 1.15em;
      }
      .published {
        margin: 0 0 0.5em;
        color: var(--oi-muted-text, #444);
      }
      .scroller {
        max-height: var(--oi-transcript-height, 30em);
        overflow-y: auto;
        padding: 0 0.8em;
        border: 1px solid var(--oi-border, #d0d0d0);
        border-radius: var(--oi-radius, 4px);
        background: var(--oi-surface, #fff);
      }
      .entry {
        padding: 0.5em 0;
        border-top: 1px solid var(--oi-border, #e1e1e1);
      }
      .entry:first-child {
        border-top: 0;
      }
      .entry p {
        margin: 0;
      }
      .who {
        font-weight: bold;
      }
      .host .who {
        color: var(--oi-host, #0b4f9c);
      }
      .guest .who {
        color: var(--oi-guest, #7a0e14);
      }
      .text {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      img {
        display: block;
        max-width: 100%;
        height: auto;
        margin: 0.4em 0;
      }
    `,
  ];
}

if (!customElements.get('interview-transcript')) customElements.define('interview-transcript', InterviewTranscript);
