import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ProgramChange, MediaStatus, CameraMediaStatus, ProgramOverlays } from '../api/productionTypes.js';
import type { Interview, Person } from '../api/types.js';
import { formatTime, t, type MessageKey } from '../i18n/index.js';
import { baseStyles } from '../styles.js';
import { api, errorMessage } from './api.js';
import { consoleStyles } from './console-styles.js';
import { WhepViewer } from './whepViewer.js';

/** How often the status (cameras, program, disk) is read again. */
const STATUS_EVERY_MS = 2000;

/**
 * #/interviews/:id/director (导播台): every camera live over WHEP (sub-second), the program beside them, a button per
 * camera (or keys 1–9) to cut to it, whose microphone the program carries, and the show's state (HLS, recording,
 * disk). Buttons are named by the camera and say which one is on air with aria-pressed.
 */
export class OiDirectorPage extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    interviewId: { type: String, attribute: 'interview-id' },
    title: { state: true },
    status: { state: true },
    error: { state: true },
    notice: { state: true },
    guests: { state: true },
  };

  declare lang: string;
  declare interviewId: string;
  declare title: string;
  declare status: MediaStatus | null;
  declare error: string;
  declare notice: string;
  declare guests: Person[];

  /** One WHEP viewer per camera (by id) and one for the program, kept while they play. */
  readonly #monitors = new Map<string, WhepViewer>();
  #timer: ReturnType<typeof setInterval> | undefined;
  readonly #onKey = (event: KeyboardEvent) => this.#key(event);

  constructor() {
    super();
    this.title = '';
    this.status = null;
    this.error = '';
    this.notice = '';
    this.guests = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.#onKey);
    this.#timer = setInterval(() => void this.#refresh(), STATUS_EVERY_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onKey);
    clearInterval(this.#timer);
    for (const viewer of this.#monitors.values()) viewer.stop();
    this.#monitors.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('interviewId')) {
      for (const viewer of this.#monitors.values()) viewer.stop();
      this.#monitors.clear();
      void this.#load();
    }
  }

  protected override updated(): void {
    // Streams are attached after render, when the <video> elements exist.
    for (const video of this.renderRoot.querySelectorAll<HTMLVideoElement>('video[data-monitor]')) {
      const viewer = this.#monitors.get(video.dataset['monitor']!);
      if (viewer && video.srcObject !== viewer.stream) video.srcObject = viewer.stream;
    }
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  async #load(): Promise<void> {
    try {
      const interview = await api<Interview>(`/api/interviews/${encodeURIComponent(this.interviewId)}`);
      this.title = interview.title;
      this.guests = [...(interview.host ? [interview.host] : []), ...interview.guests];
    } catch (error) {
      this.error = this.msg('errGeneric', { message: errorMessage(error) });
    }
    await this.#refresh();
  }

  async #refresh(): Promise<void> {
    if (!this.interviewId) return;
    try {
      const status = await api<MediaStatus>(`/api/interviews/${encodeURIComponent(this.interviewId)}/media-status`);
      if (!this.isConnected) return;
      this.status = status;
      this.#syncMonitors(status);
    } catch (error) {
      this.error = this.msg('errGeneric', { message: errorMessage(error) });
    }
  }

  /** Opens a monitor for each camera that publishes and for the program once it exists; drops the rest. */
  #syncMonitors(status: MediaStatus): void {
    const base = `/whep/interviews/${encodeURIComponent(this.interviewId)}`;
    const wanted = new Map<string, string>();
    for (const camera of status.cameras) if (camera.connected) wanted.set(camera.cameraId, `${base}/cameras/${encodeURIComponent(camera.cameraId)}`);
    if (status.programCameraId) wanted.set('program', `${base}/program`);
    for (const [key, viewer] of this.#monitors) {
      if (!wanted.has(key) || viewer.broken) {
        viewer.stop();
        this.#monitors.delete(key);
      }
    }
    for (const [key, url] of wanted) {
      if (this.#monitors.has(key)) continue;
      const viewer = new WhepViewer();
      this.#monitors.set(key, viewer);
      viewer.start(new URL(url, location.href).toString()).then(
        () => this.requestUpdate(),
        (error: unknown) => {
          this.#monitors.delete(key);
          this.error = this.msg('directorMonitorFailed', { message: errorMessage(error) });
        },
      );
    }
  }

  #key(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
    const n = Number(event.key);
    if (!Number.isInteger(n) || n < 1 || n > 9) return;
    const camera = this.status?.cameras[n - 1];
    if (camera?.connected) {
      event.preventDefault();
      void this.#cut(camera);
    }
  }

  async #cut(camera: CameraMediaStatus): Promise<void> {
    this.error = '';
    try {
      const change = await api<ProgramChange>(`/api/interviews/${encodeURIComponent(this.interviewId)}/program`, {
        method: 'PUT',
        body: { cameraId: camera.cameraId },
      });
      this.notice = change.switchMs === null ? this.msg('directorPending') : this.msg('directorSwitched', { name: camera.name, ms: change.switchMs });
    } catch (error) {
      this.error = this.msg('directorSwitchFailed', { message: errorMessage(error) });
    }
    await this.#refresh();
  }

  async #chooseAudio(event: Event): Promise<void> {
    const value = (event.target as HTMLSelectElement).value;
    try {
      await api<ProgramChange>(`/api/interviews/${encodeURIComponent(this.interviewId)}/program`, {
        method: 'PUT',
        body: { audioCameraId: value === '' ? null : value },
      });
    } catch (error) {
      this.error = this.msg('directorSwitchFailed', { message: errorMessage(error) });
    }
    await this.#refresh();
  }

  async #applyOverlays(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const name = String(form.get('name') ?? '').trim();
    const overlays: ProgramOverlays = {
      lowerThird: form.get('lowerThird') && name ? { name, position: String(form.get('position') ?? '').trim() } : null,
      logo: form.get('logo') !== null,
      liveBadge: form.get('liveBadge') !== null,
    };
    this.error = '';
    try {
      await api<ProgramOverlays>(`/api/interviews/${encodeURIComponent(this.interviewId)}/overlays`, { method: 'PUT', body: overlays });
      this.notice = this.msg('overlaysApplied');
    } catch (error) {
      this.error = this.msg('overlaysFailed', { message: errorMessage(error) });
    }
    await this.#refresh();
  }

  #pickGuest(event: Event): void {
    const guest = this.guests[Number((event.target as HTMLSelectElement).value)];
    const form = (event.target as HTMLSelectElement).form!;
    if (!guest) return;
    (form.elements.namedItem('name') as HTMLInputElement).value = guest.name;
    (form.elements.namedItem('position') as HTMLInputElement).value = guest.position;
  }

  #renderOverlays(overlays: ProgramOverlays, live: boolean): TemplateResult {
    return html`<form class="panel" @submit=${(e: SubmitEvent) => void this.#applyOverlays(e)} aria-labelledby="overlays-title">
      <h2 id="overlays-title">${this.msg('overlaysTitle')}</h2>
      <p>${this.msg('overlaysHint')}</p>
      ${this.guests.length > 0
        ? html`<label class="field"
            >${this.msg('overlaysPickGuest')}
            <select @change=${(e: Event) => this.#pickGuest(e)}>
              <option value="">—</option>
              ${this.guests.map((g, i) => html`<option value=${i}>${g.name} ${g.position}</option>`)}
            </select></label
          >`
        : nothing}
      <label class="field">${this.msg('overlaysName')} <input name="name" maxlength="40" .value=${overlays.lowerThird?.name ?? ''} /></label>
      <label class="field"
        >${this.msg('overlaysPosition')} <input name="position" maxlength="60" .value=${overlays.lowerThird?.position ?? ''}
      /></label>
      <label><input type="checkbox" name="lowerThird" .checked=${overlays.lowerThird !== null} /> ${this.msg('overlaysLowerThird')}</label>
      <label><input type="checkbox" name="logo" .checked=${overlays.logo} /> ${this.msg('overlaysLogo')}</label>
      <label><input type="checkbox" name="liveBadge" .checked=${overlays.liveBadge} /> ${this.msg('overlaysLiveBadge')}</label>
      <p><button type="submit" ?disabled=${!live}>${this.msg('overlaysApply')}</button></p>
    </form>`;
  }

  override render(): TemplateResult {
    const status = this.status;
    return html`
      <p><a class="link-button" href="#/interviews/${encodeURIComponent(this.interviewId)}">${this.msg('backToList')}</a></p>
      <h1>${this.msg('directorTitle', { title: this.title })}</h1>
      <p>${this.msg('directorHint')}</p>
      <p class="error" role="alert">${this.error}</p>
      <p role="status" aria-live="polite">${this.notice}</p>
      ${status ? this.#renderShow(status) : html`<p>${this.msg('loading')}</p>`}
    `;
  }

  #renderShow(status: MediaStatus): TemplateResult {
    const live = status.cameras.some((c) => c.connected);
    return html`
      ${status.disk.warning
        ? html`<p class="error" role="alert">${this.msg('directorDiskWarning', { free: bytes(status.disk.freeBytes) })}</p>`
        : nothing}
      ${status.liveSince
        ? html`<p>${this.msg('directorStatus', {
            since: formatTime(this.lang, status.liveSince),
            age: status.hls.segmentAgeSeconds === null ? '–' : status.hls.segmentAgeSeconds.toFixed(1),
            size: bytes(status.recording.bytes),
          })}</p>`
        : nothing}
      ${live ? nothing : html`<p>${this.msg('directorNotLive')}</p>`}
      <section class="program" aria-labelledby="program-title">
        <h2 id="program-title">${this.msg('directorProgram')}</h2>
        ${status.programCameraId
          ? html`<video data-monitor="program" autoplay playsinline muted aria-labelledby="program-title"></video>`
          : html`<p>${this.msg('directorProgramWaiting')}</p>`}
        <label class="field"
          >${this.msg('directorAudio')}
          <select @change=${(e: Event) => void this.#chooseAudio(e)} ?disabled=${!live}>
            <option value="" ?selected=${status.audioCameraId === null}>${this.msg('directorAudioFollow')}</option>
            ${status.cameras.map(
              (c) => html`<option value=${c.cameraId} ?selected=${status.audioCameraId === c.cameraId}>
                ${this.msg('directorAudioFrom', { name: c.name })}
              </option>`,
            )}
          </select>
        </label>
      </section>
      ${this.#renderOverlays(status.overlays, live)}
      <h2>${this.msg('directorCameras')}</h2>
      ${status.cameras.length === 0
        ? html`<p>${this.msg('directorNoCameras')}</p>`
        : html`<ul class="cameras">
            ${status.cameras.map((camera, i) => this.#renderCamera(camera, i, status))}
          </ul>`}
    `;
  }

  #renderCamera(camera: CameraMediaStatus, index: number, status: MediaStatus): TemplateResult {
    const onAir = status.programCameraId === camera.cameraId;
    const pending = status.pendingCameraId === camera.cameraId;
    const details = [
      camera.codec,
      camera.width && camera.height ? `${camera.width}×${camera.height}` : null,
      camera.bitrateKbps === null ? null : `${camera.bitrateKbps} kbit/s`,
      camera.packetLossPercent === null ? null : `${camera.packetLossPercent}%`,
    ].filter((part) => part !== null);
    return html`<li class=${onAir ? 'on-air' : ''}>
      ${camera.connected
        ? html`<video data-monitor=${camera.cameraId} autoplay playsinline muted aria-label=${camera.name}></video>`
        : html`<div class="offline">${this.msg('directorCameraOffline')}</div>`}
      <button
        type="button"
        aria-pressed=${onAir ? 'true' : 'false'}
        ?disabled=${!camera.connected}
        @click=${() => void this.#cut(camera)}
      >
        ${index < 9 ? this.msg('directorCut', { n: index + 1, name: camera.name }) : camera.name}
      </button>
      <span>${onAir ? this.msg('directorOnAir') : pending ? this.msg('directorPending') : ''}</span>
      <small>${details.join(' · ')}</small>
    </li>`;
  }

  static override styles = [
    baseStyles,
    consoleStyles,
    css`
      video,
      .offline {
        width: 100%;
        aspect-ratio: 16 / 9;
        background: #111;
        color: #fff;
        display: grid;
        place-items: center;
      }
      .program video {
        max-width: 48em;
      }
      .cameras {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 1em;
        grid-template-columns: repeat(auto-fill, minmax(16em, 1fr));
      }
      .cameras li {
        display: flex;
        flex-direction: column;
        gap: 0.3em;
        border: 3px solid transparent;
        padding: 0.3em;
      }
      .cameras li.on-air {
        border-color: #b00020;
      }
      button[aria-pressed='true'] {
        background: #b00020;
        color: #fff;
      }
    `,
  ];
}

function bytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  return `${Math.round(n / 1e3)} kB`;
}

if (!customElements.get('oi-director-page')) customElements.define('oi-director-page', OiDirectorPage);
