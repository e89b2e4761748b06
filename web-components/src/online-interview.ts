import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, fetchJson } from './api/client.js';
import type { Interview } from './api/types.js';
import type { Chapters } from './api/viewer-types.js';
import { DisplayPrefsController, displayModeStyles } from './display-prefs.js';
import { formatDateTime, t, type MessageKey } from './i18n/index.js';
import './interview-live-feed.js';
import { hostLine, peopleStyles, renderBackground, renderGuests } from './interview-people.js';
import './interview-questions.js';
import './interview-transcript.js';
import { startPlayback, type Playback, type PlaybackIssue } from './player/hls-playback.js';
import { acquirePublicQaStore, type PublicQaStore, type QaStoreHandle } from './qa/qa-store.js';
import { baseStyles, viewerChromeStyles } from './styles.js';
import { countdownParts, formatClock, formatTimeOfDay, isOnServer, sameLocalDay } from './viewer-format.js';

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

const STATE_KEYS: Record<Exclude<Interview['status'], 'draft'>, MessageKey> = {
  scheduled: 'stateScheduled',
  live: 'stateLive',
  ended: 'stateEnded',
  replay: 'stateReplay',
};

/**
 * The nested elements' parts, re-exported so a portal styles them as online-interview::part(…); renamed where two
 * elements use the same name.
 */
const FEED_PARTS = 'feed, viewers, answering, scroller: feed-scroller, post, post-host, post-guest';
const QUESTIONS_PARTS =
  'questions, form: question-form, message: question-message, status: question-status, closed: questions-closed, ' +
  'mine: my-questions, approved: approved-questions, question, answering: question-answering';

const ISSUE_KEYS: Record<Exclude<PlaybackIssue, null>, MessageKey> = {
  waiting: 'waitingStream',
  retrying: 'playbackRetry',
  unsupported: 'playerUnsupported',
  'load-failed': 'playerLoadFailed',
};

/**
 * <online-interview server="https://host" interview="ID" lang="zh-CN|en">: the public view of one interview for
 * a portal page. Follows the interview over the server's WebSocket, with polling of the public API as the fallback
 * (some networks block WebSockets), and switches between scheduled, live, ended and replay without a reload.
 * Scheduled (预告): countdown, background, host, 嘉宾介绍 and the form for 预约提问. Live: the player, 正在回答,
 * 图文直播 and questions beside the video (or under it when the element is narrow). Ended and replay: the recording
 * with its chapters, the published transcript, and the Q&A. The socket is the one the Q&A store of the page holds,
 * shared with those elements. Large-text and high-contrast modes are toggled in the element and remembered.
 * The host's data-state attribute is the status, or "loading" / "error" before any data arrived.
 * Every attribute, custom property and part is listed in docs/embedding.md.
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
    now: { state: true },
    chapters: { state: true },
  };

  declare server: string | undefined;
  declare interview: string | undefined;
  declare lang: string;
  declare data: Interview | null;
  declare loadError: LoadError;
  declare muted: boolean;
  declare playbackIssue: PlaybackIssue;
  declare wide: boolean;
  /** The clock the countdown shows, ticking each second while there is one. */
  declare now: number;
  declare chapters: Chapters['chapters'];

  private readonly display = new DisplayPrefsController(this);
  private clockTimer: ReturnType<typeof setInterval> | undefined;
  /** Interview, status and playlist the chapters were asked for: asked again when any of them changes. */
  private chaptersKey = '';

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
    this.now = Date.now();
    this.chapters = [];
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
    this.setClock(false);
  }

  /** The countdown's one-second tick runs only while a future start is shown. */
  private setClock(on: boolean): void {
    if (on && this.clockTimer === undefined) {
      this.clockTimer = setInterval(() => {
        this.now = Date.now();
      }, 1000);
    } else if (!on && this.clockTimer !== undefined) {
      clearInterval(this.clockTimer);
      this.clockTimer = undefined;
    }
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
    const startsAt = this.data?.status === 'scheduled' && this.data.startsAt ? Date.parse(this.data.startsAt) : NaN;
    this.setClock(this.isConnected && startsAt > Date.now());
    this.loadChapters();
  }

  /** Chapters (C4) belong to a recording: asked for once it plays back, and again when the playlist changes. */
  private loadChapters(): void {
    const data = this.data;
    const recorded = data && (data.status === 'ended' || data.status === 'replay') && data.hlsUrl ? data : null;
    const key = recorded ? `${recorded.id}|${recorded.status}|${recorded.hlsUrl}` : '';
    if (key === this.chaptersKey) return;
    this.chaptersKey = key;
    this.chapters = [];
    if (!recorded) return;
    const server = this.server;
    fetchJson<Chapters>(server, `/api/public/interviews/${encodeURIComponent(recorded.id)}/chapters`, { cache: 'no-store' }).then(
      (answer) => {
        if (key === this.chaptersKey && Array.isArray(answer?.chapters)) this.chapters = answer.chapters;
      },
      (error: unknown) => {
        // No chapters is a normal state (none marked, or a server without them); a failure leaves the player usable.
        if (!(error instanceof ApiError && error.status === 404)) console.warn('online-interview: chapters not loaded', error);
      },
    );
  }

  private seek(seconds: number): void {
    const video = this.renderRoot.querySelector('video');
    if (!video) return;
    video.currentTime = seconds;
    video.play().catch(() => undefined);
    video.focus();
  }

  /** The "retry now" button: asks at once instead of waiting out the backoff. */
  private retryNow(): void {
    this.restart();
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
    // The server never shows a draft; should one slip through (a withdrawn announcement), treat it as gone.
    if (interview.status === 'draft') {
      this.notFound();
      return;
    }
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
    const status = this.data?.status;
    if (status !== 'ended' && status !== 'replay') return this.pushed ? POLL_PUSHED_MS : POLL_MS;
    // A published replay changes no more; an ended show still may (recording ready, replay published).
    if (status === 'replay' && this.data?.hlsUrl) return null;
    return this.pushed ? POLL_PUSHED_MS : POLL_ENDED_MS;
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
      <article
        part="container"
        class="card ${this.wide ? 'wide' : ''} ${this.display.classes()}"
        aria-labelledby=${data ? 'oi-title' : nothing}
      >
        <div class="top">
          <p class="state" part="state" aria-live="polite">${this.renderState()}</p>
          ${this.display.renderToggles(this.lang)}
        </div>
        ${data
          ? html`
              <h2 id="oi-title" part="title">${data.title}</h2>
              <div class="layout">
                <div class="main">
                  ${data.status === 'scheduled' ? this.renderCountdown(data) : this.renderPlayer(data)}
                  ${this.renderChapters(data)} ${this.renderMeta(data)} ${renderBackground(this.lang, data.background)}
                  ${renderGuests(this.lang, data.guests, (url) => this.onServer(url))}
                  ${data.status === 'ended' || data.status === 'replay'
                    ? html`<interview-transcript
                        server=${this.server ?? ''}
                        interview=${data.id}
                        lang=${this.lang ?? nothing}
                        status=${data.status}
                        exportparts="transcript, transcript-body, transcript-entry"
                      ></interview-transcript>`
                    : nothing}
                </div>
                ${this.renderQa(data)}
              </div>
            `
          : nothing}
        <div class="error-box">
          <p class="error" part="message" aria-live="polite">${this.errorText()}</p>
          ${this.loadError === 'unreachable'
            ? html`<button type="button" class="secondary" part="retry" @click=${this.retryNow}>${this.msg('retryNow')}</button>`
            : nothing}
        </div>
      </article>
    `;
  }

  private renderState(): TemplateResult | string {
    const data = this.data;
    if (!data || data.status === 'draft') return this.loadError ? '' : this.msg('stateLoading');
    const label = this.msg(STATE_KEYS[data.status]);
    const when =
      data.status === 'scheduled' && data.startsAt
        ? html` <span class="when">${this.msg('startsAt', { time: formatDateTime(this.lang, data.startsAt) })}</span>`
        : nothing;
    return html`<span class="badge ${data.status}" part="badge badge-${data.status}">${label}</span>${when}`;
  }

  /**
   * The countdown is a timer (role="timer", not a live region): screen readers read it when the viewer gets to it,
   * instead of announcing every second. Under an hour it shows seconds, so the wait visibly moves.
   */
  private renderCountdown(data: Interview): TemplateResult {
    const left = data.startsAt ? countdownParts(Date.parse(data.startsAt) - this.now) : null;
    let text: string;
    if (!data.startsAt) text = this.msg('notStarted');
    else if (!left) text = this.msg('countdownDue');
    else if (left.days > 0) text = this.msg('countdownDays', { ...left });
    else if (left.hours > 0) text = this.msg('countdownHours', { ...left });
    else text = this.msg('countdownMinutes', { ...left });
    return html`<div class="countdown" part="countdown">
      ${left ? html`<p class="countdown-label">${this.msg('countdownLabel')}</p>` : nothing}
      <p class="countdown-value" role="timer" aria-atomic="true">${text}</p>
    </div>`;
  }

  private errorText(): string {
    if (this.loadError === 'unreachable') return this.msg('errUnreachable');
    if (this.loadError === 'not-found') return this.msg('errNotFound');
    if (this.loadError === 'missing-id') return this.msg('errMissingId');
    return this.playbackIssue ? this.msg(ISSUE_KEYS[this.playbackIssue]) : '';
  }

  private renderPlayer(data: Interview): TemplateResult {
    if (!data.hlsUrl || data.status === 'scheduled') {
      const note: MessageKey = data.status === 'live' ? 'waitingStream' : data.status === 'scheduled' ? 'notStarted' : 'noRecording';
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

  private renderChapters(data: Interview): TemplateResult | typeof nothing {
    if (data.status === 'scheduled' || data.status === 'live' || !data.hlsUrl || this.chapters.length === 0) return nothing;
    return html`<nav class="chapters" part="chapters" aria-labelledby="oi-chapters-title">
      <h3 id="oi-chapters-title">${this.msg('chaptersTitle')}</h3>
      <ol>
        ${this.chapters.map((chapter) => {
          const time = formatClock(chapter.startSeconds);
          const thumbnail = chapter.thumbnailUrl ? this.onServer(chapter.thumbnailUrl) : null;
          return html`<li>
            <button
              type="button"
              class="secondary chapter"
              part="chapter"
              aria-label=${this.msg('chapterJump', { time, title: chapter.title })}
              @click=${() => this.seek(chapter.startSeconds)}
            >
              ${thumbnail ? html`<img class="chapter-thumb" part="chapter-thumbnail" src=${thumbnail} alt="" loading="lazy" />` : nothing}
              <span class="chapter-time" aria-hidden="true">${time}</span>
              <span class="chapter-title" aria-hidden="true">${chapter.title}</span>
            </button>
          </li>`;
        })}
      </ol>
    </nav>`;
  }

  private renderQa(data: Interview): TemplateResult {
    const lang = this.lang ?? nothing;
    const id = this.interview?.trim() ?? '';
    if (data.status === 'scheduled') {
      return html`<div class="side" part="qa">
        <interview-questions
          advance
          server=${this.server ?? ''}
          interview=${id}
          lang=${lang}
          exportparts=${QUESTIONS_PARTS}
        ></interview-questions>
      </div>`;
    }
    return html`<div class="side" part="qa">
      <interview-live-feed
        server=${this.server ?? ''}
        interview=${id}
        lang=${lang}
        ?live=${data.status === 'live'}
        exportparts=${FEED_PARTS}
      ></interview-live-feed>
      <interview-questions server=${this.server ?? ''} interview=${id} lang=${lang} exportparts=${QUESTIONS_PARTS}></interview-questions>
    </div>`;
  }

  /** A URL the server gave, absolute, or null when it points at another host (not loaded; see isOnServer). */
  private onServer(url: string): string | null {
    return isOnServer(url, this.server, document.baseURI) ? this.resolve(url) : null;
  }

  private renderTime(data: Interview): string {
    if (!data.startsAt) return this.msg('timeTbd');
    const start = formatDateTime(this.lang, data.startsAt);
    if (!data.endsAt) return start;
    const end = sameLocalDay(data.startsAt, data.endsAt) ? formatTimeOfDay(this.lang, data.endsAt) : formatDateTime(this.lang, data.endsAt);
    return this.msg('timeRange', { start, end });
  }

  private renderMeta(data: Interview): TemplateResult {
    const host = hostLine(this.lang, data.host);
    return html`
      <dl part="meta">
        ${data.topic ? html`<div><dt>${this.msg('labelTopic')}</dt><dd>${data.topic}</dd></div>` : nothing}
        ${data.department ? html`<div><dt>${this.msg('labelDepartment')}</dt><dd>${data.department}</dd></div>` : nothing}
        <div>
          <dt>${this.msg('labelTime')}</dt>
          <dd>${this.renderTime(data)}</dd>
        </div>
        ${host ? html`<div><dt>${this.msg('labelHost')}</dt><dd part="host">${host}</dd></div>` : nothing}
        ${data.guests.length > 0
          ? html`<div>
              <dt>${this.msg('labelGuests')}</dt>
              <dd>${data.guests.map((guest) => guest.name).join(this.msg('listSeparator'))}</dd>
            </div>`
          : nothing}
      </dl>
    `;
  }

  static override styles = [
    baseStyles,
    displayModeStyles,
    viewerChromeStyles,
    peopleStyles,
    css`
      .card {
        background: var(--oi-surface, #fff);
        border: 1px solid var(--oi-border, #d0d0d0);
        border-radius: var(--oi-radius, 4px);
        padding: 1em;
      }
      .top {
        margin: 0 0 0.5em;
      }
      .state {
        margin: 0;
      }
      .main > section,
      .main > interview-transcript,
      .chapters {
        display: block;
        margin-top: 1.2em;
      }
      h3 {
        font-size: 1.15em;
      }
      .countdown {
        margin: 0.5em 0 1em;
        padding: 1em 1.2em;
        border-left: 6px solid var(--oi-scheduled, #0b5e3a);
        background: var(--oi-countdown-bg, #eef5f1);
      }
      .high-contrast .countdown {
        border: 2px solid #000;
        border-left-width: 6px;
      }
      .countdown p {
        margin: 0;
      }
      .countdown-value {
        font-size: 1.6em;
        font-weight: bold;
        font-variant-numeric: tabular-nums;
        line-height: 1.35;
      }
      .chapters ol {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .chapters {
        margin-bottom: 1em;
      }
      .chapter {
        display: inline-flex;
        align-items: center;
        text-align: left;
      }
      .chapter-thumb {
        width: 4em;
        height: 2.25em;
        object-fit: cover;
        margin-right: 0.5em;
      }
      .chapter-time {
        font-variant-numeric: tabular-nums;
        margin-right: 0.5em;
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
