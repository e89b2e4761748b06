import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../i18n/index.js';
import { baseStyles } from '../styles.js';
import {
  cameraVerdict,
  kbps,
  latencyVerdict,
  microphoneVerdict,
  peakDb,
  uploadVerdict,
  type Verdict,
} from './preflightVerdicts.js';

type CheckId = 'camera' | 'microphone' | 'server' | 'upload';

interface CheckResult {
  verdict: Verdict | 'running' | 'waiting';
  /** What was measured, and what to do when it is not a pass. */
  detail: string;
}

const CHECKS: readonly { id: CheckId; label: MessageKey }[] = [
  { id: 'camera', label: 'preCamera' },
  { id: 'microphone', label: 'preMicrophone' },
  { id: 'server', label: 'preServer' },
  { id: 'upload', label: 'preUpload' },
];

const VERDICT_KEYS: Record<CheckResult['verdict'], MessageKey> = {
  pass: 'prePass',
  warn: 'preWarn',
  fail: 'preFail',
  running: 'preRunning',
  waiting: 'preWaiting',
};

const TEST_MS = 2000;
const UPLOAD_BYTES = 2 * 1024 * 1024;

/**
 * <studio-preflight>: the check before going live, run on the studio's own camera and microphone (`stream`) against
 * the server at `server` (an origin; '' for this page's, as on the console's studio page): the camera shows moving pictures, the microphone picks up
 * a voice (the user is asked to speak), the server answers, and the upload can carry a camera (2 MB timed to
 * POST /api/preflight/upload). Each result says what was measured and what to do. Needs a logged-in console session
 * for the upload.
 */
export class StudioPreflight extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    server: { type: String },
    stream: { attribute: false },
    results: { state: true },
    running: { state: true },
  };

  declare lang: string;
  declare server: string;
  declare stream: MediaStream | null;
  declare results: Partial<Record<CheckId, CheckResult>>;
  declare running: boolean;

  constructor() {
    super();
    this.server = '';
    this.stream = null;
    this.results = {};
    this.running = false;
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  private set(id: CheckId, result: CheckResult): void {
    this.results = { ...this.results, [id]: result };
  }

  /** Runs the four checks; the camera and microphone at once (both take TEST_MS), then the network ones. */
  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.results = Object.fromEntries(CHECKS.map(({ id }) => [id, { verdict: 'waiting', detail: '' }]));
    try {
      await Promise.all([this.checkCamera(), this.checkMicrophone()]);
      await this.checkServer();
      await this.checkUpload();
    } finally {
      this.running = false;
      this.dataset.done = 'true';
    }
  }

  private async checkCamera(): Promise<void> {
    this.set('camera', { verdict: 'running', detail: '' });
    const track = this.stream?.getVideoTracks()[0];
    if (!track || track.readyState !== 'live') {
      this.set('camera', { verdict: 'fail', detail: this.msg('preCameraMissing') });
      return;
    }
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = new MediaStream([track]);
    let frames = 0;
    try {
      await video.play();
      const started = performance.now();
      let lastTime = -1;
      while (performance.now() - started < TEST_MS) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        // A frozen camera keeps its size but its current time stops moving.
        if (video.currentTime !== lastTime) frames += 1;
        lastTime = video.currentTime;
      }
    } catch {
      frames = 0;
    }
    const width = video.videoWidth;
    const height = video.videoHeight;
    video.srcObject = null;
    const verdict = cameraVerdict(width, frames);
    const size = `${width}×${height}`;
    this.set('camera', {
      verdict,
      detail: verdict === 'pass' ? this.msg('preCameraOk', { size }) : verdict === 'warn' ? this.msg('preCameraSlow', { size }) : this.msg('preCameraNoPicture'),
    });
  }

  private async checkMicrophone(): Promise<void> {
    this.set('microphone', { verdict: 'running', detail: this.msg('preSpeak') });
    const track = this.stream?.getAudioTracks()[0];
    if (!track || track.readyState !== 'live') {
      this.set('microphone', { verdict: 'fail', detail: this.msg('preMicrophoneMissing') });
      return;
    }
    const context = new AudioContext();
    try {
      const analyser = context.createAnalyser();
      analyser.fftSize = 2048;
      context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      let peak = -Infinity;
      const started = performance.now();
      while (performance.now() - started < TEST_MS) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        analyser.getFloatTimeDomainData(samples);
        peak = Math.max(peak, peakDb(samples));
      }
      const verdict = microphoneVerdict(peak);
      const level = Number.isFinite(peak) ? Math.round(peak) : -99;
      this.set('microphone', {
        verdict,
        detail: verdict === 'pass' ? this.msg('preMicOk', { db: level }) : verdict === 'warn' ? this.msg('preMicLoud', { db: level }) : this.msg('preMicSilent'),
      });
    } finally {
      await context.close();
    }
  }

  private async checkServer(): Promise<void> {
    this.set('server', { verdict: 'running', detail: '' });
    const started = performance.now();
    try {
      const response = await fetch(`${this.server}/healthz`, { cache: 'no-store' });
      if (!response.ok) throw new Error(String(response.status));
      const ms = Math.round(performance.now() - started);
      const verdict = latencyVerdict(ms);
      this.set('server', { verdict, detail: this.msg(verdict === 'pass' ? 'preServerOk' : 'preServerSlow', { ms }) });
    } catch {
      this.set('server', { verdict: 'fail', detail: this.msg('preServerDown') });
    }
  }

  private async checkUpload(): Promise<void> {
    this.set('upload', { verdict: 'running', detail: '' });
    // Random bytes: a proxy or VPN that compresses must not make the line look faster than it is.
    const body = new Uint8Array(UPLOAD_BYTES);
    for (let offset = 0; offset < body.length; offset += 65536) crypto.getRandomValues(body.subarray(offset, offset + 65536));
    const started = performance.now();
    try {
      const response = await fetch(`${this.server}/api/preflight/upload`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/octet-stream' },
        body,
      });
      if (!response.ok) throw new Error(String(response.status));
      const measured = Math.round(kbps(UPLOAD_BYTES, performance.now() - started));
      const verdict = uploadVerdict(measured);
      const key: MessageKey = verdict === 'pass' ? 'preUploadOk' : verdict === 'warn' ? 'preUploadLow' : 'preUploadTooLow';
      this.set('upload', { verdict, detail: this.msg(key, { mbps: (measured / 1000).toFixed(1) }) });
    } catch {
      this.set('upload', { verdict: 'fail', detail: this.msg('preUploadFailed') });
    }
  }

  override render(): TemplateResult {
    const anyResult = Object.keys(this.results).length > 0;
    return html`
      <section aria-labelledby="preflight-title" part="preflight">
        <h2 id="preflight-title">${this.msg('preTitle')}</h2>
        <p>${this.msg('preIntro')}</p>
        <button type="button" part="preflight-run" ?disabled=${this.running} @click=${() => void this.run()}>
          ${this.msg(this.running ? 'preRunningButton' : anyResult ? 'preRunAgain' : 'preRun')}
        </button>
        ${anyResult
          ? html`<ul class="results" aria-live="polite">
              ${CHECKS.map(({ id, label }) => {
                const result = this.results[id];
                if (!result) return nothing;
                return html`<li class=${result.verdict} data-check=${id} data-verdict=${result.verdict}>
                  <strong>${this.msg(label)}：${this.msg(VERDICT_KEYS[result.verdict])}</strong>
                  ${result.detail ? html`<span>${result.detail}</span>` : nothing}
                </li>`;
              })}
            </ul>`
          : nothing}
      </section>
    `;
  }

  static override styles = [
    baseStyles,
    css`
      section {
        border: 1px solid var(--oi-border, #c4c4c4);
        border-radius: var(--oi-radius, 4px);
        padding: 0.5em 1em 1em;
        margin: 1em 0;
      }
      .results {
        list-style: none;
        padding: 0;
        margin: 0.8em 0 0;
      }
      .results li {
        display: flex;
        flex-direction: column;
        padding: 0.4em 0.8em;
        margin-bottom: 0.4em;
        border-left: 6px solid #6b6b6b;
      }
      .results li.pass {
        border-left-color: #1e7b34;
      }
      .results li.warn {
        border-left-color: #8a5a00;
        background: #fff7e0;
        color: #4d3200;
      }
      .results li.fail {
        border-left-color: var(--oi-danger, #9b1c1c);
        background: #fdecec;
        color: #5c0f0f;
      }
    `,
  ];
}

if (!customElements.get('studio-preflight')) customElements.define('studio-preflight', StudioPreflight);
