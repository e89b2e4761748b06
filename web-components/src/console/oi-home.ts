import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { StaffInterview, User } from '../api/types.js';
import { formatDateTime, t, type MessageKey } from '../i18n/index.js';
import { baseStyles } from '../styles.js';
import { api } from './api.js';
import { consoleError } from './consoleError.js';
import { consoleStyles } from './console-styles.js';
import { homeSections, TASK_PAGES, UPCOMING_DAYS, type HomeSections, type HomeTaskKind, type HomeViewer } from './homeSections.js';
import type { DeskRole, PlanMe } from './plan/planTypes.js';
import { STATUS_KEYS } from './oi-interview-list.js';

const TASK_KEYS: Record<HomeTaskKind, MessageKey> = {
  announce: 'taskAnnounce',
  setTime: 'taskSetTime',
  addGuests: 'taskAddGuests',
  publishReplay: 'taskPublishReplay',
  moderate: 'taskModerate',
  host: 'taskHostDesk',
  guest: 'taskGuestDesk',
  review: 'taskReviewDesk',
  transcript: 'taskTranscript',
  followUps: 'taskFollowUps',
};

/** Refreshed while open: a show going on air should appear without a reload. */
const POLL_MS = 15_000;

/** #/ (home): what the signed-in user needs today — on air now, today's and upcoming shows, what waits for them. */
export class OiHome extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    user: { attribute: false },
    interviews: { state: true },
    viewer: { state: true },
    error: { state: true },
  };

  declare lang: string;
  declare user: User | null;
  declare interviews: StaffInterview[] | null;
  /** The user's workflow roles and desks; null until loaded (or if that failed: the page then shows the shows). */
  declare viewer: HomeViewer | null;
  declare error: string;

  #timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.user = null;
    this.interviews = null;
    this.viewer = null;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    this.#timer = setInterval(() => void this.load(), POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  private async load(): Promise<void> {
    try {
      const [interviews, me] = await Promise.all([api<StaffInterview[]>('/api/interviews'), api<PlanMe>('/api/plan/me').catch(() => null)]);
      this.interviews = interviews;
      if (me) this.viewer = { orgRoles: me.roles, desks: new Map<string, readonly DeskRole[]>(me.desks.map((desk) => [desk.interviewId, desk.roles])) };
      this.error = '';
    } catch (error) {
      this.error = consoleError(this.lang, error);
    }
  }

  override render(): TemplateResult {
    const sections = this.interviews && this.user ? homeSections(this.interviews, this.user, new Date(), this.viewer ?? undefined) : null;
    return html`
      <h1>${this.msg('homeTitle')}</h1>
      <p class="error" role="alert">${this.error}</p>
      ${sections ? this.renderSections(sections) : this.error ? nothing : html`<p>${this.msg('loading')}</p>`}
      <p class="actions">
        <a class="link-button" href="#/interviews/new">${this.msg('createTitle')}</a>
        <a class="link-button" href="#/interviews">${this.msg('allInterviews')}</a>
      </p>
    `;
  }

  private renderSections(sections: HomeSections): TemplateResult {
    return html`
      <section aria-labelledby="home-live">
        <h2 id="home-live">${this.msg('homeLive')}</h2>
        ${this.renderList(sections.live, 'homeNoneLive')}
      </section>
      <section aria-labelledby="home-today">
        <h2 id="home-today">${this.msg('homeToday')}</h2>
        ${this.renderList(sections.today, 'homeNoneToday')}
      </section>
      <section aria-labelledby="home-tasks">
        <h2 id="home-tasks">${this.msg('homeTasks')}</h2>
        ${sections.tasks.length === 0
          ? html`<p>${this.msg('homeNoTasks')}</p>`
          : html`<ul class="cards">
              ${sections.tasks.map(
                (task) => html`<li>
                  <a href="#/interviews/${encodeURIComponent(task.interview.id)}${TASK_PAGES[task.kind]}">
                    ${this.msg(TASK_KEYS[task.kind], { title: task.interview.title })}
                  </a>
                </li>`,
              )}
            </ul>`}
      </section>
      <section aria-labelledby="home-upcoming">
        <h2 id="home-upcoming">${this.msg('homeUpcoming', { days: UPCOMING_DAYS })}</h2>
        ${this.renderList(sections.upcoming, 'homeNoneUpcoming')}
      </section>
    `;
  }

  private renderList(interviews: StaffInterview[], empty: MessageKey): TemplateResult {
    if (interviews.length === 0) return html`<p>${this.msg(empty)}</p>`;
    return html`<ul class="cards">
      ${interviews.map(
        (interview) => html`<li>
          <a href="#/interviews/${encodeURIComponent(interview.id)}">${interview.title}</a>
          <span class=${interview.status === 'live' ? 'status-live' : ''}>${this.msg(STATUS_KEYS[interview.status])}</span>
          <span>${interview.startsAt ? formatDateTime(this.lang, interview.startsAt) : this.msg('timeTbd')}</span>
          ${interview.department ? html`<span>${interview.department}</span>` : nothing}
        </li>`,
      )}
    </ul>`;
  }

  static override styles = [
    baseStyles,
    consoleStyles,
    css`
      .cards {
        list-style: none;
        padding: 0;
        margin: 0 0 1em;
      }
      .cards li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3em 1.2em;
        align-items: center;
        padding: 0.6em 0.8em;
        border: 1px solid var(--oi-border, #c4c4c4);
        border-radius: var(--oi-radius, 4px);
        margin-bottom: 0.5em;
      }
      .cards a {
        font-weight: bold;
        min-height: 44px;
        display: inline-flex;
        align-items: center;
      }
      .error:empty {
        display: none;
      }
    `,
  ];
}

if (!customElements.get('oi-home')) customElements.define('oi-home', OiHome);
