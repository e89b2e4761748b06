import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, fetchJson } from './api/client.js';
import type { Interview } from './api/types.js';
import type { ScheduleList } from './api/viewer-types.js';
import { DisplayPrefsController, displayModeStyles } from './display-prefs.js';
import { personLine } from './interview-people.js';
import { formatDateTime, t, type MessageKey } from './i18n/index.js';
import { baseStyles, viewerChromeStyles } from './styles.js';

/** Statuses change a few times a day at most: a minute keeps "live" badges honest without load. */
const REFRESH_MS = 60_000;
const RETRY_BASE_MS = 5000;
const RETRY_MAX_MS = 60_000;

const STATE_KEYS: Record<string, MessageKey> = {
  scheduled: 'stateScheduled',
  live: 'stateLive',
  ended: 'stateEnded',
  replay: 'stateReplay',
};

/**
 * <interview-schedule server lang year href-template>: one year's 在线访谈 plan as a portal shows it, the upcoming
 * and live interviews first (soonest first), then the past ones (latest first), each linking to its page: the
 * server's pageUrl, or the portal's own page when href-template is given ("{id}" is replaced by the interview's id).
 * `year` defaults to the current year. Retries with backoff while the server is unreachable.
 */
export class InterviewSchedule extends LitElement {
  static override properties = {
    server: { type: String },
    lang: { type: String, reflect: true },
    year: { type: Number },
    hrefTemplate: { type: String, attribute: 'href-template' },
    list: { state: true },
    unreachable: { state: true },
  };

  declare server: string | undefined;
  declare lang: string;
  declare year: number | undefined;
  declare hrefTemplate: string | undefined;
  declare list: ScheduleList | null;
  declare unreachable: boolean;

  readonly #display = new DisplayPrefsController(this);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #request = 0;

  constructor() {
    super();
    this.list = null;
    this.unreachable = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#request++;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('server') || changed.has('year')) {
      this.#failures = 0;
      void this.#load();
    }
  }

  protected override updated(): void {
    this.dataset.state = this.list ? 'ready' : this.unreachable ? 'error' : 'loading';
  }

  #year(): number {
    const year = Number(this.year);
    return Number.isInteger(year) && year > 0 ? year : new Date().getFullYear();
  }

  async #load(): Promise<void> {
    clearTimeout(this.#timer);
    const request = ++this.#request;
    let delay = REFRESH_MS;
    try {
      const list = await fetchJson<ScheduleList>(this.server, `/api/public/interviews?year=${this.#year()}`, { cache: 'no-store' });
      if (request !== this.#request) return;
      this.list = list;
      this.unreachable = false;
      this.#failures = 0;
    } catch (error) {
      if (request !== this.#request) return;
      // A 4xx will not fix itself by asking again soon (a bad year attribute): keep the slow refresh.
      if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) {
        this.unreachable = true;
        this.#failures++;
        delay = Math.min(RETRY_BASE_MS * 2 ** (this.#failures - 1), RETRY_MAX_MS) * (0.8 + Math.random() * 0.4);
      } else {
        console.warn('interview-schedule: the server refused the list', error);
      }
    }
    if (this.isConnected) this.#timer = setTimeout(() => void this.#load(), delay);
  }

  #href(interview: Interview): string {
    const template = this.hrefTemplate?.trim();
    return template ? template.replace(/\{id\}/g, encodeURIComponent(interview.id)) : interview.pageUrl;
  }

  #msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  override render(): TemplateResult {
    const list = this.list;
    const upcoming = (list?.interviews ?? []).filter((i) => i.status === 'scheduled' || i.status === 'live');
    // Past: the latest first, as a portal's column lists its back catalogue.
    const past = (list?.interviews ?? []).filter((i) => i.status === 'ended' || i.status === 'replay').reverse();
    return html`<section part="container" class="schedule ${this.#display.classes()}" aria-labelledby="oi-schedule-title">
      <div class="top">
        <h2 id="oi-schedule-title" part="title">${this.#msg('scheduleTitle', { year: list?.year ?? this.#year() })}</h2>
        ${this.#display.renderToggles(this.lang)}
      </div>
      ${list
        ? html`${this.#renderGroup('upcoming', this.#msg('scheduleUpcoming'), upcoming, 'scheduleNoUpcoming')}
          ${this.#renderGroup('past', this.#msg('schedulePast'), past, 'scheduleNoPast')}`
        : html`<p>${this.unreachable ? '' : this.#msg('scheduleLoading')}</p>`}
      <div class="error-box">
        <p class="error" part="message" aria-live="polite">${this.unreachable ? this.#msg('errUnreachable') : ''}</p>
        ${this.unreachable
          ? html`<button type="button" class="secondary" part="retry" @click=${() => void this.#load()}>${this.#msg('retryNow')}</button>`
          : nothing}
      </div>
    </section>`;
  }

  #renderGroup(name: string, title: string, interviews: Interview[], emptyKey: MessageKey): TemplateResult {
    const id = `oi-schedule-${name}`;
    return html`<section class="group" part="group group-${name}" aria-labelledby=${id}>
      <h3 id=${id}>${title}</h3>
      ${interviews.length === 0
        ? html`<p class="empty">${this.#msg(emptyKey)}</p>`
        : html`<ol class="items">
            ${interviews.map((interview) => this.#renderItem(interview))}
          </ol>`}
    </section>`;
  }

  #renderItem(interview: Interview): TemplateResult {
    const stateKey = STATE_KEYS[interview.status];
    return html`<li class="item" part="item item-${interview.status}">
      <p class="item-head">
        ${stateKey ? html`<span class="badge ${interview.status}" part="badge badge-${interview.status}">${this.#msg(stateKey)}</span>` : nothing}
        <span class="when">${interview.startsAt ? formatDateTime(this.lang, interview.startsAt) : this.#msg('timeTbd')}</span>
      </p>
      <h4 class="item-title"><a part="link" href=${this.#href(interview)}>${interview.title}</a></h4>
      <dl>
        ${interview.department
          ? html`<div><dt>${this.#msg('labelDepartment')}</dt><dd>${interview.department}</dd></div>`
          : nothing}
        ${interview.topic ? html`<div><dt>${this.#msg('labelTopic')}</dt><dd>${interview.topic}</dd></div>` : nothing}
        ${interview.guests.length > 0
          ? html`<div>
              <dt>${this.#msg('labelGuests')}</dt>
              <dd>
                ${interview.guests
                  .map((guest) => personLine(this.lang, guest))
                  .join(this.#msg('listSeparator'))}
              </dd>
            </div>`
          : nothing}
      </dl>
    </li>`;
  }

  static override styles = [
    baseStyles,
    displayModeStyles,
    viewerChromeStyles,
    css`
      .schedule {
        background: var(--oi-surface, #fff);
        border: 1px solid var(--oi-border, #d0d0d0);
        border-radius: var(--oi-radius, 4px);
        padding: 1em;
      }
      h2 {
        font-size: 1.35em;
        margin: 0;
      }
      h3 {
        font-size: 1.15em;
        margin: 1em 0 0.4em;
      }
      .items {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .item {
        padding: 0.7em 0;
        border-top: 1px solid var(--oi-border, #e1e1e1);
      }
      .item-head {
        margin: 0;
        color: var(--oi-muted-text, #444);
      }
      .item-title {
        margin: 0.2em 0;
        font-size: 1.1em;
      }
      .badge {
        margin-right: 0.5em;
      }
      .item-title a {
        display: inline-block;
        min-height: 44px;
        padding: 0.3em 0;
      }
      dl {
        margin: 0;
      }
      dl > div {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.8em;
      }
      dt {
        font-weight: bold;
        color: var(--oi-muted-text, #444);
      }
      dd {
        margin: 0;
        flex: 1 1 12em;
      }
      .empty {
        margin: 0.3em 0;
      }
    `,
  ];
}

if (!customElements.get('interview-schedule')) customElements.define('interview-schedule', InterviewSchedule);
