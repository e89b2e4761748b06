import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Camera, InterviewStatus, StaffInterview, StaffPerson } from '../api/types.js';
import { formatDateTime, t, type MessageKey } from '../i18n/index.js';
import type { InterviewRole, StaffQaSnapshot } from '../qa/types.js';
import { baseStyles } from '../styles.js';
import { api } from './api.js';
import { consoleError } from './consoleError.js';
import { consoleStyles } from './console-styles.js';
import type { OiConfirmDialog } from './oi-confirm-dialog.js';
import { STATUS_KEYS } from './oi-interview-list.js';
import type { CameraToken } from './oi-camera-token.js';
import './oi-camera-add.js';
import './oi-camera-token.js';
import './oi-confirm-dialog.js';
import './oi-live-status.js';
import './oi-review-settings.js';
import type { QaPage } from './routes.js';
import { statusMove } from './statusMoves.js';

/** Each Q&A desk, the role that works at it, and its link label. */
const QA_DESKS: readonly { page: QaPage; role: InterviewRole; label: MessageKey }[] = [
  { page: 'moderate', role: 'moderator', label: 'qaPageModerate' },
  { page: 'host', role: 'host', label: 'qaPageHost' },
  { page: 'guest', role: 'guest', label: 'qaPageGuest' },
  { page: 'review', role: 'reviewer', label: 'qaPageReview' },
];

/** Refresh of the interview and its cameras while the page is open, for the control room. */
const POLL_MS = 5000;

/**
 * #/interviews/:id: the interview's control page. Its status with the moves allowed next (each confirmed in a
 * dialog), the live status bar while a show can be on air, the details (edit link), the Q&A desks the user's roles
 * open, and the cameras with their WHIP URL, a new token on demand, the OBS help and the browser studio.
 */
export class OiInterviewDetail extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    interviewId: { type: String, attribute: 'interview-id' },
    interview: { state: true },
    cameras: { state: true },
    qa: { state: true },
    error: { state: true },
    progress: { state: true },
    announcement: { state: true },
    token: { state: true },
  };

  declare lang: string;
  declare interviewId: string;
  declare interview: StaffInterview | null;
  declare cameras: Camera[] | null;
  /** The staff Q&A answer, for `me` and the settings; null until loaded or when the server has no Q&A for us. */
  declare qa: StaffQaSnapshot | null;
  declare error: string;
  /** The long action under way ('' when none). */
  declare progress: string;
  /** The last completed action, for screen readers. */
  declare announcement: string;
  /** A token just regenerated, shown once. */
  declare token: CameraToken | null;

  private pollTimer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.interview = null;
    this.cameras = null;
    this.qa = null;
    this.error = '';
    this.progress = '';
    this.announcement = '';
    this.token = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.pollTimer = setInterval(() => void this.refresh(), POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.pollTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('interviewId')) {
      this.interview = null;
      this.cameras = null;
      this.qa = null;
      void this.load();
    }
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  private get path(): string {
    return `/api/interviews/${encodeURIComponent(this.interviewId)}`;
  }

  private async load(): Promise<void> {
    try {
      this.interview = await api<StaffInterview>(this.path);
      this.error = '';
      await Promise.all([this.loadCameras(), this.loadQa()]);
    } catch (error) {
      this.error = consoleError(this.lang, error);
    }
  }

  /** The status may change by itself (a camera starts the show): keep the page current. */
  private async refresh(): Promise<void> {
    if (!this.interview || this.progress) return;
    try {
      this.interview = await api<StaffInterview>(this.path);
      await this.loadCameras();
    } catch {
      // The next poll tries again; the live status bar reports an unreachable server.
    }
  }

  private async loadCameras(): Promise<void> {
    if (!this.interview) return;
    try {
      this.cameras = await api<Camera[]>(`${this.path}/cameras`);
    } catch (error) {
      this.error = consoleError(this.lang, error);
    }
  }

  private async loadQa(): Promise<void> {
    try {
      this.qa = await api<StaffQaSnapshot>(`${this.path}/qa`);
    } catch {
      // A user with no role in this interview gets 403: the page then simply has no Q&A section.
      this.qa = null;
    }
  }

  private get dialog(): OiConfirmDialog {
    return this.renderRoot.querySelector<OiConfirmDialog>('oi-confirm-dialog')!;
  }

  private async move(to: InterviewStatus): Promise<void> {
    const interview = this.interview;
    const move = interview && statusMove(interview.status, to);
    if (!interview || !move) return;
    const confirmed = await this.dialog.ask({
      title: this.msg('moveConfirmTitle', { action: this.msg(move.label), title: interview.title }),
      body: this.msg(move.body),
      confirmLabel: this.msg(move.label),
      danger: move.danger,
    });
    if (!confirmed) return;
    this.progress = this.msg(to === 'ended' && interview.status === 'live' ? 'progressEnding' : 'progressWorking');
    this.error = '';
    try {
      this.interview = await api<StaffInterview>(`${this.path}/status`, { method: 'POST', body: { status: to } });
      this.announcement = this.msg('statusNow', { status: this.msg(STATUS_KEYS[this.interview.status]) });
    } catch (error) {
      this.error = consoleError(this.lang, error);
      await this.load();
    } finally {
      this.progress = '';
    }
  }

  private async regenerate(camera: Camera): Promise<void> {
    const confirmed = await this.dialog.ask({
      title: this.msg('regenerateConfirmTitle', { name: camera.name }),
      body: this.msg('regenerateConfirmBody'),
      confirmLabel: this.msg('regenerateToken'),
      danger: true,
    });
    if (!confirmed) return;
    this.progress = this.msg('progressWorking');
    try {
      const { token } = await api<{ token: string }>(`/api/cameras/${encodeURIComponent(camera.id)}/token`, { method: 'POST' });
      this.token = { name: camera.name, whipUrl: camera.whipUrl, token };
    } catch (error) {
      this.error = consoleError(this.lang, error);
    } finally {
      this.progress = '';
    }
  }

  override render(): TemplateResult {
    const interview = this.interview;
    return html`
      <p><a class="link-button" href="#/interviews">${this.msg('backToList')}</a></p>
      <p class="error" role="alert">${this.error}</p>
      <p class="progress" role="status" aria-live="polite">${this.progress || this.announcement}</p>
      ${interview ? this.renderInterview(interview) : this.error ? nothing : html`<p>${this.msg('loading')}</p>`}
      <oi-confirm-dialog lang=${this.lang ?? nothing}></oi-confirm-dialog>
    `;
  }

  private renderInterview(interview: StaffInterview): TemplateResult {
    const canBeOnAir = interview.status !== 'draft' || (this.cameras ?? []).some((camera) => camera.live);
    return html`
      <h1>${interview.title}</h1>
      <section class="panel" aria-labelledby="status-title">
        <h2 id="status-title">
          ${this.msg('colStatus')}:
          <span class=${interview.status === 'live' ? 'status-live' : ''}>${this.msg(STATUS_KEYS[interview.status])}</span>
        </h2>
        ${interview.status === 'draft' ? html`<p>${this.msg('draftHint')}</p>` : nothing}
        <div class="actions">
          ${interview.nextStatuses.map((to) => {
            const move = statusMove(interview.status, to);
            return move
              ? html`<button type="button" class=${move.danger ? 'danger' : ''} ?disabled=${this.progress !== ''} @click=${() => void this.move(to)}>
                  ${this.msg(move.label)}
                </button>`
              : nothing;
          })}
          ${interview.status === 'draft'
            ? nothing
            : html`<a class="link-button" href=${interview.pageUrl} target="_blank" rel="noopener">${this.msg('publicPage')}</a>`}
        </div>
      </section>
      ${canBeOnAir ? html`<oi-live-status lang=${this.lang ?? nothing} interview-id=${interview.id}></oi-live-status>` : nothing}
      <h2>${this.msg('detailsTitle')}</h2>
      <p><a class="link-button" href="#/interviews/${encodeURIComponent(interview.id)}/edit">${this.msg('editDetails')}</a></p>
      ${this.renderDetails(interview)}
      ${this.renderQa(interview)}
      <h2>${this.msg('camerasTitle')}</h2>
      ${this.token ? html`<oi-camera-token lang=${this.lang ?? nothing} .camera=${this.token}></oi-camera-token>` : nothing}
      ${this.renderCameras()}
      <details class="panel">
        <summary>${this.msg('obsTitle')}</summary>
        <ol>
          <li>${this.msg('obsStream', { url: this.msg('colWhipUrl'), token: this.msg('obsTokenPlaceholder') })}</li>
          <li>${this.msg('obsKeyframe')}</li>
          <li>${this.msg('obsEncoder')}</li>
        </ol>
      </details>
      ${interview.status === 'replay'
        ? nothing
        : html`<oi-camera-add lang=${this.lang ?? nothing} interview-id=${interview.id} @oi-camera-added=${() => void this.loadCameras()}></oi-camera-add>`}
    `;
  }

  private renderDetails(interview: StaffInterview): TemplateResult {
    const person = (p: StaffPerson) => html`<div class="person">
      ${p.photoUrl ? html`<img src=${p.photoUrl} alt=${this.msg('photoOf', { who: p.name })} />` : nothing}
      <div><strong>${p.name}</strong> ${p.position}${p.bio ? html`<p>${p.bio}</p>` : nothing}</div>
    </div>`;
    return html`
      <table>
        <tbody>
          <tr>
            <th scope="row">${this.msg('fieldTopic')}</th>
            <td>${interview.topic ?? ''}</td>
          </tr>
          <tr>
            <th scope="row">${this.msg('fieldDepartment')}</th>
            <td>${interview.department ?? ''}</td>
          </tr>
          <tr>
            <th scope="row">${this.msg('fieldStartsAt')}</th>
            <td>${interview.startsAt ? formatDateTime(this.lang, interview.startsAt) : this.msg('timeTbd')}</td>
          </tr>
          <tr>
            <th scope="row">${this.msg('fieldEndsAt')}</th>
            <td>${interview.endsAt ? formatDateTime(this.lang, interview.endsAt) : ''}</td>
          </tr>
          <tr>
            <th scope="row">${this.msg('fieldBackground')}</th>
            <td class="prewrap">${interview.background ?? ''}</td>
          </tr>
          <tr>
            <th scope="row">${this.msg('hostLegend')}</th>
            <td>${interview.host ? person(interview.host) : ''}</td>
          </tr>
          <tr>
            <th scope="row">${this.msg('guestsLegend')}</th>
            <td>${interview.guests.map(person)}</td>
          </tr>
        </tbody>
      </table>
    `;
  }

  private renderQa(interview: StaffInterview): TemplateResult | typeof nothing {
    const qa = this.qa;
    if (!qa) return nothing;
    const { me } = qa;
    const desks = QA_DESKS.filter((desk) => me.admin || me.roles.includes(desk.role));
    const base = `#/interviews/${encodeURIComponent(interview.id)}`;
    return html`
      <h2>${this.msg('qaLinksTitle')}</h2>
      ${desks.length > 0
        ? html`<ul class="desks">
            ${desks.map((desk) => html`<li><a class="link-button" href="${base}/${desk.page}">${this.msg(desk.label)}</a></li>`)}
          </ul>`
        : nothing}
      ${me.admin || me.roles.length > 0
        ? html`<h3>${this.msg('recLinksTitle')}</h3>
            <ul class="desks">
              <li><a class="link-button" href="${base}/transcript">${this.msg('recLinkTranscript')}</a></li>
              <li><a class="link-button" href="${base}/follow-ups">${this.msg('recLinkFollowUps')}</a></li>
              <li><a class="link-button" href="${base}/director">${this.msg('directorLink')}</a></li>
            </ul>`
        : nothing}
      ${me.admin || me.roles.includes('moderator')
        ? html`<oi-review-settings lang=${this.lang ?? nothing} interview-id=${interview.id} .settings=${qa.settings}></oi-review-settings>`
        : nothing}
    `;
  }

  private renderCameras(): TemplateResult {
    const cameras = this.cameras;
    if (cameras === null) return html`<p>${this.msg('loading')}</p>`;
    if (cameras.length === 0) return html`<p>${this.msg('noCameras')}</p>`;
    return html`
      <table>
        <thead>
          <tr>
            <th scope="col">${this.msg('colCameraName')}</th>
            <th scope="col">${this.msg('colWhipUrl')}</th>
            <th scope="col">${this.msg('colLive')}</th>
            <th scope="col">${this.msg('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          ${cameras.map(
            (camera) => html`
              <tr>
                <th scope="row">${camera.name}</th>
                <td><code>${camera.whipUrl}</code></td>
                <td class=${camera.live ? 'status-live' : ''}>${this.msg(camera.live ? 'cameraLive' : 'cameraIdle')}</td>
                <td class="actions">
                  <a class="link-button" href="#/studio/${encodeURIComponent(camera.id)}" aria-label=${this.msg('openStudioNamed', { name: camera.name })}
                    >${this.msg('openStudio')}</a
                  >
                  <button
                    type="button"
                    class="secondary"
                    aria-label=${this.msg('regenerateTokenNamed', { name: camera.name })}
                    ?disabled=${this.progress !== ''}
                    @click=${() => void this.regenerate(camera)}
                  >
                    ${this.msg('regenerateToken')}
                  </button>
                </td>
              </tr>
            `,
          )}
        </tbody>
      </table>
    `;
  }

  static override styles = [
    baseStyles,
    consoleStyles,
    css`
      .desks {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1.5em;
        margin: 0 0 1em;
        padding: 0;
        list-style: none;
      }
      .person {
        display: flex;
        gap: 0.8em;
        margin-bottom: 0.5em;
      }
      .person img {
        width: 4em;
        height: 5em;
        object-fit: cover;
      }
      .person p {
        margin: 0.2em 0 0;
      }
      .prewrap {
        white-space: pre-wrap;
      }
      .progress:empty,
      .error:empty {
        display: none;
      }
    `,
  ];
}

if (!customElements.get('oi-interview-detail')) customElements.define('oi-interview-detail', OiInterviewDetail);
