import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Camera, Interview } from '../api/types.js';
import { formatDateTime, t, type MessageKey } from '../i18n/index.js';
import type { InterviewRole, StaffQaSnapshot } from '../qa/types.js';
import { baseStyles } from '../styles.js';
import { api, errorMessage } from './api.js';
import { consoleStyles } from './console-styles.js';
import { STATUS_KEYS } from './oi-interview-list.js';
import './oi-camera-add.js';
import './oi-review-settings.js';
import type { QaPage } from './routes.js';

/** Each Q&A desk, the role that works at it, and its link label. */
const QA_DESKS: readonly { page: QaPage; role: InterviewRole; label: MessageKey }[] = [
  { page: 'moderate', role: 'moderator', label: 'qaPageModerate' },
  { page: 'host', role: 'host', label: 'qaPageHost' },
  { page: 'guest', role: 'guest', label: 'qaPageGuest' },
  { page: 'review', role: 'reviewer', label: 'qaPageReview' },
];

/** Refresh of the cameras' live flags while the page is open, for the control room. */
const CAMERA_POLL_MS = 5000;

/**
 * #/interviews/:id: the interview, its cameras (with OBS help and the browser studio), "end the show", the links to
 * the Q&A desks the user's roles open (all for an admin), and the review settings for admins and moderators.
 */
export class OiInterviewDetail extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    interviewId: { type: String, attribute: 'interview-id' },
    interview: { state: true },
    cameras: { state: true },
    qa: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare lang: string;
  declare interviewId: string;
  declare interview: Interview | null;
  declare cameras: Camera[] | null;
  /** The staff Q&A answer, for `me` and the settings; null until loaded or when the server has no Q&A for us. */
  declare qa: StaffQaSnapshot | null;
  declare error: string;
  declare busy: boolean;

  private pollTimer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.interview = null;
    this.cameras = null;
    this.qa = null;
    this.error = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.pollTimer = setInterval(() => void this.loadCameras(), CAMERA_POLL_MS);
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

  private async load(): Promise<void> {
    try {
      this.interview = await api<Interview>(`/api/interviews/${encodeURIComponent(this.interviewId)}`);
      this.error = '';
      await Promise.all([this.loadCameras(), this.loadQa()]);
    } catch (error) {
      this.error = this.msg('errGeneric', { message: errorMessage(error) });
    }
  }

  private async loadCameras(): Promise<void> {
    if (!this.interview) return;
    try {
      this.cameras = await api<Camera[]>(`/api/interviews/${encodeURIComponent(this.interviewId)}/cameras`);
    } catch (error) {
      this.error = this.msg('errGeneric', { message: errorMessage(error) });
    }
  }

  private async loadQa(): Promise<void> {
    try {
      this.qa = await api<StaffQaSnapshot>(`/api/interviews/${encodeURIComponent(this.interviewId)}/qa`);
    } catch {
      // A user with no role in this interview gets 403: the page then simply has no Q&A section.
      this.qa = null;
    }
  }

  private async endShow(): Promise<void> {
    const interview = this.interview;
    if (!interview || !window.confirm(this.msg('confirmEnd', { title: interview.title }))) return;
    this.busy = true;
    try {
      await api(`/api/interviews/${encodeURIComponent(interview.id)}/end`, { method: 'POST' });
      await this.load();
    } catch (error) {
      this.error = this.msg('errGeneric', { message: errorMessage(error) });
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const interview = this.interview;
    return html`
      <p><a class="link-button" href="#/interviews">${this.msg('backToList')}</a></p>
      <p class="error" role="alert">${this.error}</p>
      ${interview ? this.renderInterview(interview) : this.error ? nothing : html`<p>${this.msg('loading')}</p>`}
    `;
  }

  private renderInterview(interview: Interview): TemplateResult {
    return html`
      <h1>${interview.title}</h1>
      <table>
        <tbody>
          <tr>
            <th scope="row">${this.msg('colStatus')}</th>
            <td class=${interview.status === 'live' ? 'status-live' : ''}>${this.msg(STATUS_KEYS[interview.status])}</td>
          </tr>
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
            <th scope="row">${this.msg('guestsLegend')}</th>
            <td>${interview.guests.map((guest) => html`<div>${guest.name} ${guest.position}</div>`)}</td>
          </tr>
        </tbody>
      </table>
      <div class="actions">
        <a class="link-button" href=${interview.pageUrl} target="_blank" rel="noopener">${this.msg('publicPage')}</a>
        <button
          type="button"
          class="danger"
          ?disabled=${this.busy || interview.status === 'ended'}
          @click=${() => void this.endShow()}
        >
          ${this.msg('endShow')}
        </button>
      </div>
      ${this.renderQa(interview)}
      <h2>${this.msg('camerasTitle')}</h2>
      ${this.renderCameras()}
      <details class="panel">
        <summary>${this.msg('obsTitle')}</summary>
        <ol>
          <li>${this.msg('obsStream', { url: this.msg('colWhipUrl'), token: this.msg('obsTokenPlaceholder') })}</li>
          <li>${this.msg('obsKeyframe')}</li>
        </ol>
      </details>
      ${interview.status === 'ended'
        ? nothing
        : html`<oi-camera-add
            lang=${this.lang ?? nothing}
            interview-id=${interview.id}
            @oi-camera-added=${() => void this.loadCameras()}
          ></oi-camera-add>`}
    `;
  }

  private renderQa(interview: Interview): TemplateResult | typeof nothing {
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
            <th scope="col">${this.msg('colCreatedAt')}</th>
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
                <td>${formatDateTime(this.lang, camera.createdAt)}</td>
                <td>
                  <a
                    class="link-button"
                    href="#/studio/${encodeURIComponent(camera.id)}"
                    aria-label=${this.msg('openStudioNamed', { name: camera.name })}
                    >${this.msg('openStudio')}</a
                  >
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
    `,
  ];
}

if (!customElements.get('oi-interview-detail')) customElements.define('oi-interview-detail', OiInterviewDetail);
