import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { MediaStatus } from '../api/productionTypes.js';
import { t, type MessageKey } from '../i18n/index.js';
import { baseStyles } from '../styles.js';
import { api } from './api.js';
import { consoleError } from './consoleError.js';

const POLL_MS = 3000;
/** A playlist whose newest segment is older than this has stalled for viewers (segments are 2–6 s). */
const STALE_SEGMENT_SECONDS = 15;
/** Loss above this shows on air as blocking or freezes: tell the technician. */
const LOSS_WARNING_PERCENT = 2;

/**
 * <oi-live-status interview-id>: the live desk's status bar from GET /api/interviews/:id/media-status (C2), polled:
 * time on air, each publisher (connected, bitrate, packet loss), the HLS segment age, the recording size and the
 * free disk. The numbers are not a live region (they change every few seconds); warnings are, politely, once each.
 */
export class OiLiveStatus extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    interviewId: { type: String, attribute: 'interview-id' },
    status: { state: true },
    error: { state: true },
    now: { state: true },
  };

  declare lang: string;
  declare interviewId: string;
  declare status: MediaStatus | null;
  declare error: string;
  declare now: number;

  #timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.status = null;
    this.error = '';
    this.now = Date.now();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.poll();
    this.#timer = setInterval(() => void this.poll(), POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  private async poll(): Promise<void> {
    if (!this.interviewId) return;
    try {
      this.status = await api<MediaStatus>(`/api/interviews/${encodeURIComponent(this.interviewId)}/media-status`);
      this.error = '';
    } catch (error) {
      this.error = consoleError(this.lang, error);
    }
    this.now = Date.now();
  }

  /** The warnings to announce, in the user's language. */
  private warnings(status: MediaStatus): string[] {
    const warnings: string[] = [];
    if (status.disk.warning) warnings.push(this.msg('liveDiskWarning', { free: formatBytes(status.disk.freeBytes) }));
    if (status.onAir && status.hls.segmentAgeSeconds !== null && status.hls.segmentAgeSeconds > STALE_SEGMENT_SECONDS) {
      warnings.push(this.msg('liveHlsStale', { seconds: Math.round(status.hls.segmentAgeSeconds) }));
    }
    if (status.onAir && status.cameras.every((camera) => !camera.connected)) warnings.push(this.msg('liveNoPublisher'));
    for (const camera of status.cameras) {
      if (camera.connected && (camera.packetLossPercent ?? 0) > LOSS_WARNING_PERCENT) {
        warnings.push(this.msg('liveLossWarning', { name: camera.name, loss: camera.packetLossPercent!.toFixed(1) }));
      }
    }
    return warnings;
  }

  override render(): TemplateResult {
    const status = this.status;
    const warnings = status ? this.warnings(status) : [];
    return html`
      <section part="bar" aria-label=${this.msg('liveStatusTitle')}>
        ${status ? this.renderStatus(status) : this.error ? nothing : html`<p>${this.msg('loading')}</p>`}
        <p class="error" role="alert">${this.error ? this.msg('liveStatusUnavailable', { message: this.error }) : ''}</p>
        <ul class="warnings" role="status" aria-live="polite">
          ${warnings.map((warning) => html`<li class="warning">${warning}</li>`)}
        </ul>
      </section>
    `;
  }

  private renderStatus(status: MediaStatus): TemplateResult {
    const connected = status.cameras.filter((camera) => camera.connected).length;
    return html`
      <dl class="figures">
        <div>
          <dt>${this.msg('liveDuration')}</dt>
          <dd class=${status.onAir ? 'status-live' : ''}>
            ${status.onAir && status.liveSince ? formatDuration(this.now - Date.parse(status.liveSince)) : this.msg('liveOffAir')}
          </dd>
        </div>
        <div>
          <dt>${this.msg('livePublishers')}</dt>
          <dd>${this.msg('livePublishersCount', { connected, total: status.cameras.length })}</dd>
        </div>
        <div>
          <dt>${this.msg('liveSegmentAge')}</dt>
          <dd>${status.hls.segmentAgeSeconds === null ? '—' : this.msg('liveSeconds', { seconds: Math.round(status.hls.segmentAgeSeconds) })}</dd>
        </div>
        <div>
          <dt>${this.msg('liveRecording')}</dt>
          <dd>${formatBytes(status.recording.bytes)}</dd>
        </div>
        <div>
          <dt>${this.msg('liveDiskFree')}</dt>
          <dd class=${status.disk.warning ? 'bad' : ''}>${formatBytes(status.disk.freeBytes)}</dd>
        </div>
      </dl>
      ${status.cameras.length > 0
        ? html`<table>
            <caption>
              ${this.msg('livePublishers')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${this.msg('colCameraName')}</th>
                <th scope="col">${this.msg('colLive')}</th>
                <th scope="col">${this.msg('liveVideo')}</th>
                <th scope="col">${this.msg('liveBitrate')}</th>
                <th scope="col">${this.msg('liveLoss')}</th>
              </tr>
            </thead>
            <tbody>
              ${status.cameras.map(
                (camera) => html`<tr>
                  <th scope="row">${camera.name}${camera.cameraId === status.programCameraId ? html` <span class="status-live">${this.msg('liveOnProgram')}</span>` : nothing}</th>
                  <td class=${camera.connected ? 'status-live' : ''}>${this.msg(camera.connected ? 'cameraLive' : 'cameraIdle')}</td>
                  <td>${camera.codec ? `${camera.codec} ${camera.width ?? '?'}×${camera.height ?? '?'}` : '—'}</td>
                  <td>${camera.bitrateKbps === null ? '—' : this.msg('liveKbps', { kbps: Math.round(camera.bitrateKbps) })}</td>
                  <td class=${(camera.packetLossPercent ?? 0) > LOSS_WARNING_PERCENT ? 'bad' : ''}>
                    ${camera.packetLossPercent === null ? '—' : `${camera.packetLossPercent.toFixed(1)}%`}
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
    `;
  }

  static override styles = [
    baseStyles,
    css`
      section {
        border: 2px solid var(--oi-border, #767676);
        border-radius: var(--oi-radius, 4px);
        padding: 0.5em 1em;
        margin: 1em 0;
      }
      .figures {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 2em;
        margin: 0;
      }
      dt {
        font-weight: bold;
      }
      dd {
        margin: 0;
        font-size: 1.2em;
        font-variant-numeric: tabular-nums;
      }
      .status-live {
        color: var(--oi-live, var(--oi-accent, #a8141c));
        font-weight: bold;
      }
      .bad {
        color: var(--oi-danger, #9b1c1c);
        font-weight: bold;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        margin-top: 0.5em;
      }
      caption {
        text-align: left;
        font-weight: bold;
      }
      th,
      td {
        text-align: left;
        padding: 0.3em 0.5em;
        border: 1px solid var(--oi-border, #c4c4c4);
      }
      .warnings {
        list-style: none;
        margin: 0.5em 0 0;
        padding: 0;
      }
      .warning {
        padding: 0.4em 0.8em;
        border-left: 4px solid #8a5a00;
        background: #fff7e0;
        color: #4d3200;
        margin-bottom: 0.3em;
      }
      .error:empty {
        display: none;
      }
    `,
  ];
}

/** "1:02:03" or "2:03" on air. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** 1.5 GB, 320 MB, 12 kB (decimal units, as disks are sold). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.round(bytes / 1e3)} kB`;
}

if (!customElements.get('oi-live-status')) customElements.define('oi-live-status', OiLiveStatus);
