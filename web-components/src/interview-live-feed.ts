import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { formatTime, t, type MessageKey } from './i18n/index.js';
import { authorLabel, byTime, renderImages } from './qa/labels.js';
import { QaStoreController } from './qa/qa-controller.js';
import type { QaChange } from './qa/qa-state.js';
import { acquirePublicQaStore, type PublicQaStore } from './qa/qa-store.js';
import type { PublicPost } from './qa/types.js';
import { baseStyles } from './styles.js';

/** Within this many pixels of the end the reader counts as following the feed. */
const BOTTOM_SLACK_PX = 24;
/** At most this many new lines are read out at once; more arrive as a burst only after an outage. */
const ANNOUNCE_MAX = 3;

/**
 * <interview-live-feed server interview lang live>: the 图文直播 of one interview, the approved host and guest
 * posts in order as `角色：内容` lines, answers under the question they answer, the question being answered now
 * (正在回答) and the viewer count. New lines are read out politely by screen readers, but not the backlog on load or
 * after a reconnect. It scrolls to new lines only for a reader already at the end; `live` starts it at the end.
 */
export class InterviewLiveFeed extends LitElement {
  static override properties = {
    server: { type: String },
    interview: { type: String },
    lang: { type: String, reflect: true },
    live: { type: Boolean },
    announcement: { state: true },
    unseen: { state: true },
  };

  declare server: string | undefined;
  declare interview: string | undefined;
  declare lang: string;
  declare live: boolean;
  declare announcement: string;
  /** New lines below the visible part that the reader has not scrolled to. */
  declare unseen: number;

  private readonly qa = new QaStoreController<PublicQaStore>(
    this,
    () => {
      const id = (this.interview ?? '').trim();
      return id ? `${this.server ?? ''}|${id}` : '';
    },
    () => acquirePublicQaStore(this.server, (this.interview ?? '').trim()),
    (change, live) => this.onQaChange(change, live),
  );

  /** Whether posts were ever shown: the first ones decide the start position, later ones follow the reader. */
  private shownPosts = false;
  private scrollAfterUpdate: ScrollBehavior | null = null;
  private lastAnsweringId: string | null = null;

  constructor() {
    super();
    this.live = false;
    this.announcement = '';
    this.unseen = 0;
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  private atBottom(): boolean {
    const el = this.scroller;
    return !el || el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK_PX;
  }

  private onQaChange(change: QaChange, live: boolean): void {
    const store = this.qa.store;
    if (!store) return;
    const lines: string[] = [];
    if (change.newPosts.length > 0) {
      if (!this.shownPosts) {
        // The first lines shown: updated() picks the start position.
      } else if (this.atBottom()) {
        this.scrollAfterUpdate = smoothUnlessReduced();
      } else if (live) {
        this.unseen += change.newPosts.length;
      }
      if (live) {
        for (const id of change.newPosts.slice(-ANNOUNCE_MAX)) {
          const post = store.state.posts.get(id);
          if (post) lines.push(`${authorLabel(this.lang, post)}${this.msg('colon')}${post.body}`);
        }
      }
    }
    const answeringId = store.state.answeringQuestionId;
    if (answeringId !== this.lastAnsweringId) {
      this.lastAnsweringId = answeringId;
      const question = answeringId ? store.state.questions.get(answeringId) : undefined;
      if (live && question) lines.unshift(this.msg('feedAnsweringAnnounce', { nickname: question.nickname, body: question.body }));
    }
    // One polite region, replaced rather than appended: screen readers read each new text once.
    if (lines.length > 0) this.announcement = lines.join('\n');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The store may be loaded already (another element holds it): what is being answered then is not news.
    this.lastAnsweringId = this.qa.store?.state.answeringQuestionId ?? null;
  }

  protected override updated(): void {
    const el = this.scroller;
    if (!this.shownPosts && el?.querySelector('.post')) {
      this.shownPosts = true;
      // A live show opens at its latest lines, a recorded one at its start.
      if (this.live) this.scrollAfterUpdate = 'auto';
    }
    const behavior = this.scrollAfterUpdate;
    if (behavior && el) {
      this.scrollAfterUpdate = null;
      el.scrollTo({ top: el.scrollHeight, behavior });
    }
  }

  private onScroll(): void {
    if (this.unseen > 0 && this.atBottom()) this.unseen = 0;
  }

  private showLatest(): void {
    this.unseen = 0;
    const el = this.scroller;
    if (!el) return;
    el.scrollTo({ top: el.scrollHeight, behavior: smoothUnlessReduced() });
    el.focus();
  }

  override render(): TemplateResult {
    const store = this.qa.store;
    return html`
      <section part="feed" aria-labelledby="oi-feed-title">
        <div class="head">
          <h3 id="oi-feed-title">${this.msg('feedTitle')}</h3>
          ${store?.viewers != null
            ? html`<p class="viewers" part="viewers">${this.msg('feedViewers', { count: store.viewers })}</p>`
            : nothing}
        </div>
        ${store ? this.renderBody(store) : html`<p>${this.msg('errMissingId')}</p>`}
        <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
      </section>
    `;
  }

  private renderBody(store: PublicQaStore): TemplateResult {
    const answering = store.state.answeringQuestionId ? store.state.questions.get(store.state.answeringQuestionId) : undefined;
    const posts = store.state.posts.values().sort(byTime<PublicPost>((p) => p.publishedAt));
    let list: TemplateResult;
    if (!store.ready) {
      list = html`<p class="empty">${this.msg(store.loadError ? 'qaLoadFailed' : 'qaLoading')}</p>`;
    } else if (posts.length === 0) {
      list = html`<p class="empty">${this.msg('feedEmpty')}</p>`;
    } else {
      list = html`<ol class="posts">
        ${posts.map((post) => this.renderPost(store, post))}
      </ol>`;
    }
    return html`
      ${answering
        ? html`<div class="banner" part="answering">
            <p class="banner-label">${this.msg('qaAnswering')}</p>
            <p class="banner-text">
              <span class="who">${this.msg('qaNetizen', { nickname: answering.nickname })}</span>${this.msg('colon')}<span class="text"
                >${answering.body}</span
              >
            </p>
          </div>`
        : nothing}
      <div
        class="scroller"
        part="scroller"
        tabindex="0"
        role="region"
        aria-label=${this.msg('feedRegion')}
        @scroll=${this.onScroll}
      >
        ${list}
      </div>
      ${this.unseen > 0
        ? html`<button type="button" class="secondary latest" @click=${this.showLatest}>
            ${this.msg('feedNewItems', { count: this.unseen })}
          </button>`
        : nothing}
    `;
  }

  private renderPost(store: PublicQaStore, post: PublicPost): TemplateResult {
    const question = post.questionId ? store.state.questions.get(post.questionId) : undefined;
    return html`
      <li class="post ${post.role}" part="post post-${post.role}">
        ${question
          ? html`<blockquote class="quote">
              <p>
                <span class="who">${this.msg('qaNetizen', { nickname: question.nickname })}</span>${this.msg('colon')}<span class="text"
                  >${question.body}</span
                >
              </p>
            </blockquote>`
          : nothing}
        <p class="line">
          <span class="who">${authorLabel(this.lang, post)}</span>${this.msg('colon')}<span class="text">${post.body}</span>
        </p>
        ${renderImages(this.lang, post, (url) => new URL(url, this.server?.trim() || document.baseURI).href)}
        <p class="time"><time datetime=${post.publishedAt}>${formatTime(this.lang, post.publishedAt)}</time></p>
      </li>
    `;
  }

  static override styles = [
    baseStyles,
    css`
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 0 1em;
      }
      h3 {
        font-size: 1.15em;
      }
      .viewers {
        margin: 0 0 0.5em;
        color: var(--oi-muted-text, #444);
      }
      .banner {
        margin: 0 0 0.6em;
        padding: 0.5em 0.8em;
        border-left: 5px solid var(--oi-live, var(--oi-accent, #a8141c));
        background: var(--oi-highlight-bg, #fdf3f3);
      }
      .banner-label {
        margin: 0;
        font-weight: bold;
        color: var(--oi-live, var(--oi-accent, #a8141c));
      }
      .banner-text {
        margin: 0;
      }
      .scroller {
        max-height: var(--oi-feed-height, 32em);
        overflow-y: auto;
        border: 1px solid var(--oi-border, #d0d0d0);
        border-radius: var(--oi-radius, 4px);
        padding: 0 0.8em;
        background: var(--oi-surface, #fff);
      }
      .scroller:focus {
        outline: 3px solid var(--oi-focus, #1a5fb4);
        outline-offset: 2px;
      }
      .posts {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .post {
        padding: 0.6em 0;
        border-top: 1px solid var(--oi-border, #e1e1e1);
      }
      .post:first-child {
        border-top: 0;
      }
      .line {
        margin: 0;
      }
      .who {
        font-weight: bold;
      }
      .host .line .who {
        color: var(--oi-host, #0b4f9c);
      }
      .guest .line .who {
        color: var(--oi-guest, #7a0e14);
      }
      .text {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .time {
        margin: 0.1em 0 0;
        font-size: 0.9em;
        color: var(--oi-muted-text, #444);
      }
      .quote {
        margin: 0 0 0.3em;
        padding: 0.3em 0.6em;
        border-left: 3px solid var(--oi-border, #a0a0a0);
        background: var(--oi-quote-bg, #f4f4f4);
      }
      .quote p {
        margin: 0;
      }
      .empty {
        margin: 0.6em 0;
      }
      .images img {
        display: block;
        max-width: 100%;
        height: auto;
        margin: 0.4em 0;
      }
      .latest {
        margin-top: 0.5em;
      }
    `,
  ];
}

/** Smooth scrolling, except for readers who asked for less motion. */
function smoothUnlessReduced(): ScrollBehavior {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

if (!customElements.get('interview-live-feed')) customElements.define('interview-live-feed', InterviewLiveFeed);
