import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { cssomStyle } from '../cssomStyle.js';
import type { MessageKey } from '../i18n/index.js';
import { api, errorMessage } from './api.js';
import { ClipPreviewPlayer } from './clip-preview-player.js';
import { RecordsPage } from './records-page.js';

/** GET /api/interviews/:id/recordings, as far as the editor reads it. */
interface Recording {
  sourceId: string;
  kind: 'program' | 'camera';
  name: string | null;
  durationSeconds: number;
  parts: { id: string; offsetSeconds: number | null; durationSeconds: number | null }[];
}
/** GET …/recordings/:sourceId/thumbnails and …/waveform. */
interface Thumbnails {
  thumbnails: { seconds: number; url: string }[];
}
interface Waveform {
  windowSeconds: number;
  peaks: number[];
}
interface Disk {
  recordingsBytes: number;
  hlsBytes: number;
  totalBytes: number;
  freeBytes: number;
}
type ExportStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
interface ExportJob {
  id: string;
  mode: 'fast' | 'exact';
  status: ExportStatus;
  progress: number;
  errorMessage: string | null;
  downloadUrl: string | null;
}
interface Clip {
  id: string;
  title: string;
  sourceId: string;
  inSeconds: number;
  outSeconds: number;
  exports: ExportJob[];
}

const STATUS_KEYS: Record<ExportStatus, MessageKey> = {
  queued: 'edStatusQueued',
  running: 'edStatusRunning',
  done: 'edStatusDone',
  failed: 'edStatusFailed',
  cancelled: 'edStatusCancelled',
};

/** How many thumbnails the strip shows across the timeline, and how many columns the waveform has. */
const THUMBNAIL_SLOTS = 10;
const WAVEFORM_COLUMNS = 400;

/** Seconds as h:mm:ss.t (or m:ss.t). */
export function formatTimecode(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  const h = Math.floor(tenths / 36000);
  const m = Math.floor((tenths % 36000) / 600);
  const s = Math.floor((tenths % 600) / 10);
  const t = tenths % 10;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}.${t}`;
}

/** The waveform as one SVG path of vertical strokes, a column per share of the peaks (the loudest of its share). */
export function waveformPath(peaks: readonly number[], columns: number): string {
  if (peaks.length === 0) return '';
  const count = Math.min(columns, peaks.length);
  const strokes: string[] = [];
  for (let column = 0; column < count; column++) {
    const from = Math.floor((column * peaks.length) / count);
    const to = Math.max(from + 1, Math.floor(((column + 1) * peaks.length) / count));
    const level = Math.max(...peaks.slice(from, to));
    const half = Math.max(0.5, level * 50);
    strokes.push(`M${column + 0.5} ${(50 - half).toFixed(1)}V${(50 + half).toFixed(1)}`);
  }
  return strokes.join('');
}

function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/**
 * #/interviews/:id/clips (剪辑与导出): a recording's timeline (program or one camera) with a play head, in and out
 * points by mouse and keyboard (I/O, J/K/L), the show's clips, and their MP4 exports (fast or exact) with live
 * progress (polled each second while one runs), cancel and download.
 */
export class OiClipEditor extends RecordsPage {
  static override properties = {
    ...RecordsPage.properties,
    interviewId: { type: String, attribute: 'interview-id' },
    recordings: { state: true },
    disk: { state: true },
    sourceId: { state: true },
    playhead: { state: true },
    inPoint: { state: true },
    outPoint: { state: true },
    clipTitle: { state: true },
    clips: { state: true },
    thumbnails: { state: true },
    waveform: { state: true },
    derivedState: { state: true },
    playing: { state: true },
  };

  declare interviewId: string;
  declare recordings: Recording[] | null;
  declare disk: Disk | null;
  declare sourceId: string;
  declare playhead: number;
  declare inPoint: number;
  declare outPoint: number;
  declare clipTitle: string;
  declare clips: Clip[];
  declare thumbnails: Thumbnails['thumbnails'];
  declare waveform: string;
  /** Thumbnails and waveform of the shown recording: being made (the first time, FFmpeg takes a moment), shown, or failed. */
  declare derivedState: 'loading' | 'ready' | { failed: string };
  declare playing: boolean;
  #poll: ReturnType<typeof setInterval> | undefined;
  #player: ClipPreviewPlayer | undefined;
  /** The last time the player reported: a play head set by the player is not sought back into it. */
  #playerTime = -1;

  constructor() {
    super();
    this.recordings = null;
    this.disk = null;
    this.sourceId = 'program';
    this.playhead = 0;
    this.inPoint = 0;
    this.outPoint = 0;
    this.clipTitle = '';
    this.clips = [];
    this.thumbnails = [];
    this.waveform = '';
    this.derivedState = 'loading';
    this.playing = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#poll);
    this.#player?.close();
  }

  override updated(changed: PropertyValues): void {
    const video = this.renderRoot.querySelector<HTMLVideoElement>('video.preview');
    if (video && !this.#player) {
      this.#player = new ClipPreviewPlayer(
        video,
        (seconds) => {
          this.#playerTime = Math.round(seconds * 10) / 10;
          this.playhead = this.#playerTime;
        },
        () => (this.playing = false),
      );
      this.#showRecording();
    }
    if (changed.has('playhead') && this.playhead !== this.#playerTime) void this.#player?.seek(this.playhead);
  }

  private get base(): string {
    return `/api/interviews/${encodeURIComponent(this.interviewId)}`;
  }

  private get recording(): Recording | undefined {
    return this.recordings?.find((r) => r.sourceId === this.sourceId) ?? this.recordings?.[0];
  }

  private async load(): Promise<void> {
    const data = await this.run<{ recordings: Recording[]; disk: Disk }>(`${this.base}/recordings`);
    if (data) {
      this.recordings = data.recordings.filter((r) => r.durationSeconds > 0);
      this.disk = data.disk;
      const recording = this.recording;
      if (recording) {
        this.sourceId = recording.sourceId;
        this.outPoint = recording.durationSeconds;
        this.#showRecording();
      }
    }
    await this.loadClips();
  }

  private async loadClips(): Promise<void> {
    const data = await this.run<{ clips: Clip[] }>(`${this.base}/clips`);
    if (!data) return;
    this.clips = data.clips;
    const active = data.clips.some((c) => c.exports.some((e) => e.status === 'queued' || e.status === 'running'));
    if (active && this.#poll === undefined) this.#poll = setInterval(() => void this.loadClips(), 1000);
    if (!active && this.#poll !== undefined) {
      clearInterval(this.#poll);
      this.#poll = undefined;
    }
  }

  /** Points the preview at the shown recording's parts and loads its thumbnails and waveform. */
  #showRecording(): void {
    const recording = this.recording;
    if (!recording) return;
    this.playing = false;
    this.#player?.setParts(
      recording.parts
        .filter((p) => p.offsetSeconds !== null && p.durationSeconds)
        .map((p) => ({ id: p.id, offsetSeconds: p.offsetSeconds!, durationSeconds: p.durationSeconds!, url: `${this.base}/recordings/parts/${p.id}/preview` })),
    );
    void this.#player?.seek(this.playhead);
    void this.#loadDerived(recording);
  }

  async #loadDerived(recording: Recording): Promise<void> {
    this.derivedState = 'loading';
    this.thumbnails = [];
    this.waveform = '';
    const path = `${this.base}/recordings/${encodeURIComponent(recording.sourceId)}`;
    try {
      const [thumbnails, waveform] = await Promise.all([api<Thumbnails>(`${path}/thumbnails`), api<Waveform>(`${path}/waveform`)]);
      if (recording !== this.recording) return;
      this.thumbnails = thumbnails.thumbnails;
      this.waveform = waveformPath(waveform.peaks, WAVEFORM_COLUMNS);
      this.derivedState = 'ready';
    } catch (error) {
      if (recording === this.recording) this.derivedState = { failed: errorMessage(error) };
    }
  }

  /** Plays from the play head (or the in point, when the head is outside the range) to the out point; again pauses. */
  private async togglePlay(): Promise<void> {
    const player = this.#player;
    if (!player) return;
    if (this.playing) {
      player.pause();
      this.playing = false;
      return;
    }
    const from = this.playhead >= this.inPoint && this.playhead < this.outPoint - 0.05 ? this.playhead : this.inPoint;
    this.playing = true;
    try {
      await player.play(from, this.outPoint);
    } catch (error) {
      this.playing = false;
      player.pause();
      this.error = this.msg('edPreviewFailed', { message: errorMessage(error) });
    }
  }

  private clamp(seconds: number): number {
    return Math.min(Math.max(0, seconds), this.recording?.durationSeconds ?? 0);
  }

  private move(seconds: number): void {
    this.playhead = this.clamp(Math.round(seconds * 10) / 10);
  }

  private setIn(): void {
    this.inPoint = this.playhead;
    if (this.outPoint <= this.inPoint) this.outPoint = this.recording?.durationSeconds ?? this.inPoint;
  }

  private setOut(): void {
    this.outPoint = this.playhead;
    if (this.inPoint >= this.outPoint) this.inPoint = 0;
  }

  /**
   * I/O set the points; J/K/L move back, to the in point (stopping playback), forward; Space plays the range in the
   * preview or pauses it.
   */
  private onKey(event: KeyboardEvent): void {
    const key = event.key.toLowerCase();
    const actions: Record<string, () => void> = {
      i: () => this.setIn(),
      o: () => this.setOut(),
      j: () => this.move(this.playhead - 5),
      k: () => {
        if (this.playing) void this.togglePlay();
        this.move(this.inPoint);
      },
      l: () => this.move(this.playhead + 5),
      ' ': () => void this.togglePlay(),
    };
    const action = actions[key];
    if (action && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      action();
    } else if (event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      this.move(this.playhead + (event.key === 'ArrowLeft' ? -10 : 10));
    }
  }

  /** A click on the bar puts the play head there. */
  private onBarClick(event: MouseEvent): void {
    const bar = event.currentTarget as HTMLElement;
    const rect = bar.getBoundingClientRect();
    this.move(((event.clientX - rect.left) / rect.width) * (this.recording?.durationSeconds ?? 0));
  }

  private async saveClip(event: Event): Promise<void> {
    event.preventDefault();
    const clip = await this.run<Clip>(`${this.base}/clips`, {
      method: 'POST',
      body: { title: this.clipTitle.trim(), sourceId: this.sourceId, inSeconds: this.inPoint, outSeconds: this.outPoint },
    });
    if (clip) {
      this.clipTitle = '';
      this.notice = clip.title;
      await this.loadClips();
    }
  }

  private async exportClip(clip: Clip, mode: 'fast' | 'exact'): Promise<void> {
    if (await this.run(`${this.base}/clips/${clip.id}/exports`, { method: 'POST', body: { mode } })) await this.loadClips();
  }

  private async cancel(job: ExportJob): Promise<void> {
    if (await this.run(`${this.base}/exports/${job.id}/cancel`, { method: 'POST' })) await this.loadClips();
  }

  private async deleteClip(clip: Clip): Promise<void> {
    await this.run(`${this.base}/clips/${clip.id}`, { method: 'DELETE' });
    await this.loadClips();
  }

  private sourceName(recording: Recording): string {
    return recording.kind === 'program' ? this.msg('edProgram') : this.msg('edCamera', { name: recording.name ?? recording.sourceId });
  }

  override render(): TemplateResult {
    return html`<h1>${this.msg('edTitle')}</h1>
      ${this.backLink(this.interviewId)} ${this.renderMessages()}
      ${this.disk
        ? html`<p>${this.msg('edDisk', {
            total: formatBytes(this.disk.totalBytes),
            recordings: formatBytes(this.disk.recordingsBytes),
            hls: formatBytes(this.disk.hlsBytes),
            free: formatBytes(this.disk.freeBytes),
          })}</p>`
        : nothing}
      ${this.recordings === null ? nothing : this.recordings.length === 0 ? html`<p>${this.msg('edNoRecordings')}</p>` : this.renderTimeline()}
      ${this.renderClips()}`;
  }

  private renderTimeline(): TemplateResult {
    const recording = this.recording!;
    const duration = recording.durationSeconds;
    const percent = (seconds: number) => `${(seconds / duration) * 100}%`;
    return html`<section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">${this.msg('edTimeline')}</h2>
      <p>
        <label>${this.msg('edRecording')}
          <select
            .value=${this.sourceId}
            @change=${(e: Event) => {
              this.sourceId = (e.target as HTMLSelectElement).value;
              this.playhead = 0;
              this.inPoint = 0;
              this.outPoint = this.recording?.durationSeconds ?? 0;
              this.#showRecording();
            }}
          >
            ${this.recordings!.map((r) => html`<option value=${r.sourceId} ?selected=${r.sourceId === this.sourceId}>${this.sourceName(r)}</option>`)}
          </select>
        </label>
        ${this.msg('edDuration', { time: formatTimecode(duration) })} · ${this.msg('edParts', { count: recording.parts.length })}
      </p>
      <p id="timeline-help">${this.msg('edTimelineHelp')}</p>
      <video class="preview" preload="metadata" playsinline aria-label=${this.msg('edPreview')}></video>
      <p class="derived" role="status">${this.derivedState === 'loading'
        ? this.msg('edDerivedLoading')
        : typeof this.derivedState === 'object'
          ? this.msg('edDerivedFailed', { message: this.derivedState.failed })
          : ''}</p>
      <div class="bar" @click=${this.onBarClick}>
        <div class="thumbs" aria-hidden="true">
          ${this.#thumbnailSlots(duration).map(
            (url, i) => html`<img alt="" src=${url} ${cssomStyle({ left: `${(i * 100) / THUMBNAIL_SLOTS}%`, width: `${100 / THUMBNAIL_SLOTS}%` })} />`,
          )}
        </div>
        <svg class="wave" aria-hidden="true" focusable="false" viewBox="0 0 ${WAVEFORM_COLUMNS} 100" preserveAspectRatio="none">
          <path d=${this.waveform}></path>
        </svg>
        <div class="range" ${cssomStyle({ left: percent(this.inPoint), width: percent(this.outPoint - this.inPoint) })}></div>
        ${recording.parts.filter((p) => p.offsetSeconds).map((p) => html`<div class="cut" ${cssomStyle({ left: percent(p.offsetSeconds!) })}></div>`)}
        <div class="head" ${cssomStyle({ left: percent(this.playhead) })}></div>
      </div>
      <input
        class="scrub"
        type="range"
        min="0"
        max=${duration}
        step="0.1"
        .value=${String(this.playhead)}
        aria-label=${this.msg('edPlayhead', { time: formatTimecode(this.playhead) })}
        aria-valuetext=${formatTimecode(this.playhead)}
        aria-describedby="timeline-help"
        @input=${(e: Event) => this.move(Number((e.target as HTMLInputElement).value))}
        @keydown=${this.onKey}
      />
      <p class="points">
        <output aria-live=${this.playing ? 'off' : 'polite'}>${this.msg('edPlayhead', { time: formatTimecode(this.playhead) })}</output>
        <button type="button" class="play" aria-pressed=${this.playing ? 'true' : 'false'} @click=${this.togglePlay}>${this.msg('edPlayRange')}</button>
        <button type="button" @click=${this.setIn}>${this.msg('edSetIn')}</button>
        <span>${this.msg('edIn')} ${formatTimecode(this.inPoint)}</span>
        <button type="button" @click=${this.setOut}>${this.msg('edSetOut')}</button>
        <span>${this.msg('edOut')} ${formatTimecode(this.outPoint)}</span>
      </p>
      <form @submit=${this.saveClip}>
        <label>${this.msg('edClipTitle')}
          <input required maxlength="200" .value=${this.clipTitle} @input=${(e: Event) => (this.clipTitle = (e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" ?disabled=${this.busy || this.outPoint <= this.inPoint}>${this.msg('edSaveClip')}</button>
      </form>
    </section>`;
  }

  /** For each slot of the strip, the thumbnail at or before the slot's middle (none before the first is made). */
  #thumbnailSlots(duration: number): string[] {
    if (this.thumbnails.length === 0) return [];
    return Array.from({ length: THUMBNAIL_SLOTS }, (_, i) => {
      const middle = ((i + 0.5) * duration) / THUMBNAIL_SLOTS;
      return (this.thumbnails.findLast((t) => t.seconds <= middle) ?? this.thumbnails[0]!).url;
    });
  }

  private renderClips(): TemplateResult {
    return html`<section aria-labelledby="clips-heading">
      <h2 id="clips-heading">${this.msg('edClips')}</h2>
      ${this.clips.length === 0
        ? html`<p>${this.msg('edNoClips')}</p>`
        : html`<ul class="items">
            ${this.clips.map(
              (clip) => html`<li class="item">
                <h3>${clip.title}</h3>
                <p>
                  ${this.recordings?.find((r) => r.sourceId === clip.sourceId) ? this.sourceName(this.recordings.find((r) => r.sourceId === clip.sourceId)!) : clip.sourceId}
                  · ${this.msg('edRange', { from: formatTimecode(clip.inSeconds), to: formatTimecode(clip.outSeconds) })}
                </p>
                <p class="actions">
                  <button type="button" @click=${() => this.exportClip(clip, 'fast')}>${this.msg('edExportFast')}</button>
                  <button type="button" @click=${() => this.exportClip(clip, 'exact')}>${this.msg('edExportExact')}</button>
                  <button type="button" @click=${() => this.deleteClip(clip)}>${this.msg('edDelete')}</button>
                </p>
                ${clip.exports.length ? html`<ul class="exports">${clip.exports.map((job) => this.renderExport(job))}</ul>` : nothing}
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private renderExport(job: ExportJob): TemplateResult {
    const mode = this.msg(job.mode === 'fast' ? 'edModeFast' : 'edModeExact');
    const label = this.msg('edProgressLabel', { mode });
    return html`<li>
      <span>${mode} · ${this.msg(STATUS_KEYS[job.status])}</span>
      ${job.status === 'queued' || job.status === 'running'
        ? html`<progress max="100" .value=${job.progress} aria-label=${label}>${Math.round(job.progress)}%</progress>
            <span>${Math.round(job.progress)}%</span>
            <button type="button" @click=${() => this.cancel(job)}>${this.msg('edCancel')}</button>`
        : nothing}
      ${job.downloadUrl ? html`<a class="link-button" href=${job.downloadUrl} download>${this.msg('edDownload')}</a>` : nothing}
      ${job.errorMessage ? html`<span class="error-text">${job.errorMessage}</span>` : nothing}
    </li>`;
  }

  static override styles = [
    ...RecordsPage.styles,
    css`
      .preview {
        display: block;
        width: min(100%, 32em);
        aspect-ratio: 16 / 9;
        background: #000;
      }
      .bar {
        position: relative;
        height: 6em;
        overflow: hidden;
        border: 1px solid var(--oi-border, #767676);
        background: #f2f2f2;
        cursor: pointer;
        margin: 0.5em 0;
      }
      .thumbs img {
        position: absolute;
        top: 0;
        height: 65%;
        object-fit: cover;
      }
      .wave {
        position: absolute;
        left: 0;
        bottom: 0;
        width: 100%;
        height: 35%;
        stroke: #1d3f73;
        stroke-width: 1;
      }
      .range {
        position: absolute;
        top: 0;
        bottom: 0;
        background: rgba(11, 94, 58, 0.35);
        border-left: 2px solid #0b5e3a;
        border-right: 2px solid #0b5e3a;
      }
      .cut {
        position: absolute;
        top: 0;
        bottom: 0;
        border-left: 2px dashed #5a5a5a;
      }
      .head {
        position: absolute;
        top: -4px;
        bottom: -4px;
        width: 3px;
        margin-left: -1px;
        background: #8a1c1c;
      }
      .scrub {
        width: 100%;
      }
      .points,
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6em;
        align-items: center;
      }
      .exports {
        list-style: none;
        padding: 0;
      }
      progress {
        width: 12em;
        height: 1.2em;
      }
      .error-text {
        color: #8a1c1c;
      }
    `,
  ];
}

if (!customElements.get('oi-clip-editor')) customElements.define('oi-clip-editor', OiClipEditor);
