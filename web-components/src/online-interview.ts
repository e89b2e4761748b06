import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, fetchJson } from './api/client.js';
import type { Interview } from './api/types.js';
import { formatDateTime, t, type MessageKey } from './i18n/index.js';
import './interview-live-feed.js';
import './interview-questions.js';
import { startPlayback, type Playback, type PlaybackIssue } from './player/hls-playback.js';
import { acquirePublicQaStore, type PublicQaStore, type QaStoreHandle } from './qa/qa-store.js';
import { baseStyles } from './styles.js';

type LoadError = 'unreachable' | 'not-found' | 'missing-id' | null;

const POLL_MS = 5000;
/** While the server pushes changes, polling only guards against a socket that died without closing. */
const POLL_PUSHED_MS = 60000;
/** After the show, only to notice the recording becoming available. */
const POLL_ENDED_MS = 30000;
const MAX_BACKOFF_MS = 60000;
/**
 * From this width the feed and the questions sit beside the video; narrower (phones, narrow portal columns) they
 * stack under it. Measured on the element, not the window, since portals embed it in columns of any width.
 */
const WIDE_MIN_PX = 760;

const STATE_KEYS: Record<Interview['status'], MessageKey> = {
  draft: 'stateScheduled',
  scheduled: 'stateScheduled',
  live: 'stateLive',
  ended: 'stateEnded',
  replay: 'stateEnded',
};

const ISSUE_KEYS: Record<Exclude<PlaybackIssue, null>, MessageKey> = {
  waiting: 'waitingStream',
  retrying: 'playbackRetry',
  unsupported: 'playerUnsupported',
  'load-failed': 'playerLoadFailed',
};

/**
 * <online-interview server="https://host" interview="ID" lang="zh-CN|en">: the public view of one interview for
 * a portal page. Follows the interview over the server's WebSocket, with polling of the public API as the fallback
 * (some networks block WebSockets), and switches between scheduled, live and ended without a reload.
 * Live and ended, the 图文直播 and the questions sit beside the video (or under it when narrow); scheduled, the
 * form for 预约提问. The socket is the one the Q&A store of the page holds, shared with those elements.
 * The host's data-state attribute is the status, or "loading" / "error" before any data arrived.
 */
export class OnlineInterview extends LitElement {
  static override properties = {
    server: { type: String },
    interview: { type: String },
    lang: { type: String, reflect: true },
    data: { state: true },
    loadError: { state: true },
    muted: { state: true },
    playbackIssue: { state: true },
    wide: { state: true },
  };

  declare server: string | undefined;
  declare interview: string | undefined;
  declare lang: string;
  declare data: Interview | null;
  declare loadError: LoadError;
  declare muted: boolean;
  declare playbackIssue: PlaybackIssue;
  declare wide: boolean;

  private pollKey = '';
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private qa: QaStoreHandle<PublicQaStore> | null = null;
  private unsubscribe: (() => void) | null = null;
  private resizeObserver: ResizeObserver | null = null;
  /** Whether the socket is delivering: then polling slows down. */
  private pushed = false;
  /** Bumped on every applied update, so a poll answer that a pushed message overtook is not applied over it. */
  private version = 0;
  private playback: Playback | null = null;
  private playbackVideo: HTMLVideoElement | null = null;
  private playbackUrl: string | null = null;

  constructor() {
    super();
    this.data = null;
    this.loadError = null;
    this.muted = true;
    this.playbackIssue = null;
    this.wide = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.restart();
    // Chrome 80 has no container queries: the layout class follows the element's own width.
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver = new ResizeObserver(this.measure);
      this.resizeObserver.observe(this);
    } else {
      window.addEventListener('resize', this.measure);
    }
    this.measure();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopUpdates();
    this.pollKey = '';
    this.setPlayback(null, null);
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    window.removeEventListener('resize', this.measure);
  }

  private readonly measure = (): void => {
    const width = this.getBoundingClientRect().width;
    if (width > 0) this.wide = width >= WIDE_MIN_PX;
  };

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('server') || changed.has('interview')) {
      if (this.isConnected && this.currentKey() !== this.pollKey) {
        this.data = null;
        this.restart();
      }
    }
    const status = this.data?.status;
    this.dataset.state = status ?? (this.loadError ? 'error' : 'loading');
    const video = this.renderRoot.querySelector('video');
    const hlsUrl = this.data?.hlsUrl;
    this.setPlayback(video, video && hlsUrl ? this.resolve(hlsUrl) : null);
  }

  private currentKey(): string {
    return `${this.server ?? ''}|${this.interview ?? ''}`;
  }

  private restart(): void {
    this.stopUpdates();
    const key = (this.pollKey = this.currentKey());
    this.failures = 0;
    const id = (this.interview ?? '').trim();
    this.loadError = id ? null : 'missing-id';
    if (!id) return;
    this.qa = acquirePublicQaStore(this.server, id);
    this.unsubscribe = this.qa.store.subscribe({
      onInterview: (interview) => this.apply(interview),
      onLiveChange: (live) => {
        this.pushed = live;
        // Back to the normal rate at once when the socket drops, not after the long pushed-mode wait.
        this.schedulePoll(key, id);
      },
      onNotFound: () => this.notFound(),
    });
    void this.poll(key, id);
  }

  private stopUpdates(): void {
    clearTimeout(this.pollTimer);
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.qa?.release();
    this.qa = null;
    this.pushed = false;
  }

  /** A poll answer or a pushed message: both carry the whole public view. */
  private apply(interview: Interview): void {
    this.version++;
    this.data = interview;
    this.loadError = null;
    this.failures = 0;
  }

  /** A wrong or withdrawn ID does not fix itself: stop asking. */
  private notFound(): void {
    this.stopUpdates();
    this.version++;
    this.data = null;
    this.loadError = 'not-found';
  }

  private async poll(key: string, id: string): Promise<void> {
    const version = this.version;
    try {
      const data = await fetchJson<Interview>(this.server, `/api/public/interviews/${encodeURIComponent(id)}`, {
        cache: 'no-store',
      });
      if (key !== this.pollKey) return;
      if (version === this.version) this.apply(data);
    } catch (error) {
      if (key !== this.pollKey) return;
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
        this.notFound();
        return;
      }
      this.failures++;
      // The socket still delivering means the server is there: only this request failed.
      if (!this.pushed) this.loadError = 'unreachable';
    }
    this.schedulePoll(key, id);
  }

  private schedulePoll(key: string, id: string): void {
    clearTimeout(this.pollTimer);
    const delay = this.nextDelay();
    if (delay !== null && key === this.pollKey) this.pollTimer = setTimeout(() => void this.poll(key, id), delay);
  }

  /** Milliseconds to the next poll, or null when nothing can change any more. */
  private nextDelay(): number | null {
    if (this.failures > 0) {
      // Exponential backoff with jitter, so many viewers do not all return at once after an outage.
      const base = Math.min(POLL_MS * 2 ** (this.failures - 1), MAX_BACKOFF_MS);
      return base * (0.8 + Math.random() * 0.4);
    }
    if (this.data?.status !== 'ended') return this.pushed ? POLL_PUSHED_MS : POLL_MS;
    return this.data.hlsUrl ? null : POLL_ENDED_MS;
  }

  /** The API's URLs may be relative to the server; an empty server means this page's origin. */
  private resolve(url: string): string {
    return new URL(url, this.server ? this.server : document.baseURI).href;
  }

  /**
   * Keyed by element and URL only: when a live show ends, the playlist just closes, so a viewer who is watching
   * keeps watching to the end instead of being cut off by a new player.
   */
  private setPlayback(video: HTMLVideoElement | null, url: string | null): void {
    if (video === this.playbackVideo && url === this.playbackUrl) return;
    this.playback?.destroy();
    this.playback = null;
    this.playbackVideo = video;
    this.playbackUrl = url;
    this.playbackIssue = null;
    if (video && url) {
      this.playback = startPlayback(video, url, {
        live: this.data?.status === 'live',
        onIssue: (issue) => {
          this.playbackIssue = issue;
        },
      });
      this.muted = video.muted;
    }
  }

  private unmute(): void {
    const video = this.renderRoot.querySelector('video');
    if (!video) return;
    video.muted = false;
    if (video.volume === 0) video.volume = 1;
    video.play().catch(() => undefined);
    video.focus();
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  override render(): TemplateResult {
    const data = this.data;
    return html`
      <article part="container" class="card ${this.wide ? 'wide' : ''}" aria-labelledby=${data ? 'oi-title' : nothing}>
        <p class="state" part="state" aria-live="polite">${this.renderState()}</p>
        ${data
          ? html`
              <h2 id="oi-title" part="title">${data.title}</h2>
              <div class="layout">
                <div class="main">${this.renderPlayer(data)} ${this.renderMeta(data)}</div>
                ${this.renderQa(data)}
              </div>
            `
          : nothing}
        <p class="error" part="message" aria-live="polite">${this.errorText()}</p>
      </article>
    `;
  }

  private renderState(): TemplateResult | string {
    const data = this.data;
    if (!data) return this.loadError ? '' : this.msg('stateLoading');
    const label = this.msg(STATE_KEYS[data.status]);
    const when =
      data.status === 'scheduled' && data.startsAt
        ? html` <span class="when">${this.msg('startsAt', { time: formatDateTime(this.lang, data.startsAt) })}</span>`
        : nothing;
    return html`<span class="badge ${data.status}" part="badge badge-${data.status}">${label}</span>${when}`;
  }

  private errorText(): string {
    if (this.loadError === 'unreachable') return this.msg('errUnreachable');
    if (this.loadError === 'not-found') return this.msg('errNotFound');
    if (this.loadError === 'missing-id') return this.msg('errMissingId');
    return this.playbackIssue ? this.msg(ISSUE_KEYS[this.playbackIssue]) : '';
  }

  private renderPlayer(data: Interview): TemplateResult {
    if (!data.hlsUrl || data.status === 'scheduled') {
      const note: MessageKey =
        data.status === 'live' ? 'waitingStream' : data.status === 'ended' ? 'noRecording' : 'notStarted';
      return html`<div class="screen placeholder" part="placeholder"><p>${this.msg(note)}</p></div>`;
    }
    const live = data.status === 'live';
    // One template for live and recording, so lit keeps the same <video> when a show ends while it plays.
    return html`
      ${live ? nothing : html`<h3 class="recording" part="recording-heading">${this.msg('recordingHeading')}</h3>`}
      <div class="screen" part="player">
        <!-- Before the video so keyboard users reach it before the player's own controls. -->
        ${this.muted
          ? html`<button class="unmute" part="unmute" type="button" @click=${this.unmute}>
              <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24">
                <path fill="currentColor" d="M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" />
              </svg>
              ${this.msg('unmute')}
            </button>`
          : nothing}
        <video
          part="video"
          controls
          playsinline
          muted
          ?autoplay=${live}
          preload=${live ? 'auto' : 'metadata'}
          aria-label=${this.msg(live ? 'videoLive' : 'videoRecording', { title: data.title })}
          @volumechange=${(event: Event) => {
            this.muted = (event.target as HTMLVideoElement).muted;
          }}
        ></video>
      </div>
    `;
  }

  private renderQa(data: Interview): TemplateResult {
    const lang = this.lang ?? nothing;
    const id = this.interview?.trim() ?? '';
    if (data.status === 'scheduled') {
      return html`<div class="side" part="qa">
        <interview-questions advance server=${this.server ?? ''} interview=${id} lang=${lang}></interview-questions>
      </div>`;
    }
    return html`<div class="side" part="qa">
      <interview-live-feed
        server=${this.server ?? ''}
        interview=${id}
        lang=${lang}
        ?live=${data.status === 'live'}
      ></interview-live-feed>
      <interview-questions server=${this.server ?? ''} interview=${id} lang=${lang}></interview-questions>
    </div>`;
  }

  private renderMeta(data: Interview): TemplateResult {
    return html`
      <dl part="meta">
        ${data.topic ? html`<div><dt>${this.msg('labelTopic')}</dt><dd>${data.topic}</dd></div>` : nothing}
        ${data.department ? html`<div><dt>${this.msg('labelDepartment')}</dt><dd>${data.department}</dd></div>` : nothing}
        <div>
          <dt>${this.msg('labelTime')}</dt>
          <dd>${data.startsAt ? formatDateTime(this.lang, data.startsAt) : this.msg('timeTbd')}</dd>
        </div>
        ${data.guests.length > 0
          ? html`<div>
              <dt>${this.msg('labelGuests')}</dt>
              <dd>
                <ul part="guests">
                  ${data.guests.map(
                    (guest) => html`<li part="guest"><span class="guest-name">${guest.name}</span>${guest.position
                        ? html` <span class="guest-position">${guest.position}</span>`
                        : nothing}</li>`,
                  )}
                </ul>
              </dd>
            </div>`
          : nothing}
      </dl>
    `;
  }

  static override styles = [
    baseStyles,
    css`
      .card {
        background: var(--oi-surface, #fff);
        border: 1px solid var(--oi-border, #d0d0d0);
        border-radius: var(--oi-radius, 4px);
        padding: 1em;
      }
      .state {
        margin: 0 0 0.5em;
      }
      .badge {
        display: inline-block;
        padding: 0.1em 0.7em;
        /* Invisible normally; high contrast mode draws it, keeping the badge a box when backgrounds are dropped. */
        border: 1px solid transparent;
        border-radius: var(--oi-radius, 4px);
        font-weight: bold;
        background: #4a5563;
        color: #fff;
      }
      .badge.live {
        background: var(--oi-live, var(--oi-accent, #a8141c));
      }
      .badge.scheduled {
        background: var(--oi-scheduled, #0b5e3a);
      }
      .when {
        margin-left: 0.5em;
      }
      .screen {
        position: relative;
        width: 100%;
        /* A 16:9 box without aspect-ratio, which Chrome 80 and Safari 13 lack. */
        padding-top: 56.25%;
        background: #000;
        margin: 0.5em 0 1em;
      }
      .screen > video,
      .screen > p {
        position: absolute;
        top: 0;
        left: 0;
        width: 100%;
        height: 100%;
      }
      .placeholder > p {
        display: flex;
        align-items: center;
        justify-content: center;
        margin: 0;
        padding: 1em;
        text-align: center;
        color: #fff;
        background: #1f2a36;
      }
      .unmute {
        position: absolute;
        z-index: 1;
        top: 0.75em;
        left: 0.75em;
        display: inline-flex;
        align-items: center;
        gap: 0.4em;
        font-weight: bold;
        box-shadow: 0 0 0 2px #fff;
      }
      .recording {
        font-size: 1.1em;
        margin-top: 0.5em;
      }
      dl {
        margin: 0;
      }
      dl > div {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1em;
        padding: 0.3em 0;
        border-top: 1px solid var(--oi-border, #e1e1e1);
      }
      dt {
        flex: 0 0 6em;
        font-weight: bold;
        color: var(--oi-muted-text, #444);
      }
      dd {
        flex: 1 1 12em;
        margin: 0;
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .guest-position {
        color: var(--oi-muted-text, #444);
      }
      .side > * + * {
        margin-top: 1.5em;
      }
      .side {
        margin-top: 1.5em;
      }
      .wide .layout {
        display: flex;
        align-items: flex-start;
        gap: 1.5em;
      }
      .wide .main {
        flex: 3 1 0;
        min-width: 0;
      }
      .wide .side {
        flex: 2 1 0;
        min-width: 0;
        margin-top: 0.5em;
      }
    `,
  ];
}

if (!customElements.get('online-interview')) customElements.define('online-interview', OnlineInterview);
