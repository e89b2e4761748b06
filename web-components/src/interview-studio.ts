import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { cssomStyle } from './cssomStyle.js';
import { t, type MessageKey } from './i18n/index.js';
import { baseStyles } from './styles.js';
import './studio/studio-preflight.js';
import { WhipError, WhipPublisher, type MediaConnectionState } from './whip/whip-client.js';

export type PublishState = 'idle' | 'connecting' | 'live' | 'stopped' | 'error';

const STATE_KEYS: Record<PublishState, MessageKey> = {
  idle: 'pubIdle',
  connecting: 'pubConnecting',
  live: 'pubLive',
  stopped: 'pubStopped',
  error: 'pubError',
};

const METER_INTERVAL_MS = 100;
/** The meter shows -60 dBFS … 0 dBFS as 0 … 100. */
const METER_FLOOR_DB = -60;

interface DeviceOption {
  id: string;
  label: string;
}

type AudioContextClass = typeof AudioContext;

/**
 * <interview-studio whip-url="…" token="…" lang>: a browser studio camera. Opens the camera and microphone, shows a
 * preview and an audio level meter, and publishes to the server over WHIP. Reports its state in the host's
 * data-state attribute and in `oi-publish-state` events (detail {state}).
 */
export class InterviewStudio extends LitElement {
  static override properties = {
    whipUrl: { type: String, attribute: 'whip-url' },
    token: { type: String },
    lang: { type: String, reflect: true },
    state: { state: true },
    message: { state: true },
    reconnecting: { state: true },
    cameras: { state: true },
    microphones: { state: true },
    cameraId: { state: true },
    microphoneId: { state: true },
    level: { state: true },
  };

  declare whipUrl: string | undefined;
  declare token: string | undefined;
  declare lang: string;
  declare state: PublishState;
  declare message: string;
  declare reconnecting: boolean;
  declare cameras: DeviceOption[];
  declare microphones: DeviceOption[];
  declare cameraId: string;
  declare microphoneId: string;
  declare level: number;

  private stream: MediaStream | null = null;
  private publisher: WhipPublisher | null = null;
  private audioContext: AudioContext | null = null;
  private audioSource: MediaStreamAudioSourceNode | null = null;
  private meterTimer: ReturnType<typeof setInterval> | undefined;
  /** Which button gets focus after the next render, since the pressed one may become disabled. */
  private focusAfterRender: 'publish' | 'stop' | null = null;

  constructor() {
    super();
    this.state = 'idle';
    this.message = '';
    this.reconnecting = false;
    this.cameras = [];
    this.microphones = [];
    this.cameraId = '';
    this.microphoneId = '';
    this.level = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.dataset.state = this.state;
    // Page unload never reaches disconnectedCallback; the DELETE is sent with keepalive.
    window.addEventListener('pagehide', this.onPageHide);
    navigator.mediaDevices?.addEventListener('devicechange', this.onDeviceChange);
    void this.openDevices();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.onPageHide);
    navigator.mediaDevices?.removeEventListener('devicechange', this.onDeviceChange);
    void this.stopAll();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const preview = this.renderRoot.querySelector<HTMLVideoElement>('video');
    if (preview && preview.srcObject !== this.stream) preview.srcObject = this.stream;
    if (this.focusAfterRender) {
      this.renderRoot.querySelector<HTMLButtonElement>(`[part="${this.focusAfterRender}"]`)?.focus();
      this.focusAfterRender = null;
    }
    if (changed.has('state')) {
      this.dataset.state = this.state;
      this.dispatchEvent(
        new CustomEvent('oi-publish-state', { detail: { state: this.state }, bubbles: true, composed: true }),
      );
    }
  }

  private readonly onPageHide = () => {
    void this.publisher?.stop();
  };

  private readonly onDeviceChange = () => {
    void this.listDevices();
  };

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  private fail(message: string): void {
    this.message = message;
    this.reconnecting = false;
    this.state = 'error';
  }

  /** Opens the selected (or default) camera and microphone; reports and returns false on failure. */
  private async openDevices(): Promise<boolean> {
    if (!navigator.mediaDevices?.getUserMedia) {
      // Also what insecure (http://) pages get: mediaDevices only exists in secure contexts.
      this.fail(this.msg('errUnsupported'));
      return false;
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: {
          width: { ideal: 1280 },
          height: { ideal: 720 },
          frameRate: { ideal: 30 },
          ...(this.cameraId ? { deviceId: { exact: this.cameraId } } : {}),
        },
        audio: this.microphoneId ? { deviceId: { exact: this.microphoneId } } : true,
      });
    } catch (error) {
      this.fail(this.mediaErrorMessage(error));
      return false;
    }
    if (!this.isConnected) {
      stopTracks(stream);
      return false;
    }
    const previous = this.stream;
    this.stream = stream;
    await this.publisher?.replaceTracks(stream);
    if (previous) stopTracks(previous);
    this.cameraId = stream.getVideoTracks()[0]?.getSettings().deviceId ?? this.cameraId;
    this.microphoneId = stream.getAudioTracks()[0]?.getSettings().deviceId ?? this.microphoneId;
    this.startMeter(stream);
    if (this.state === 'error') {
      this.state = 'idle';
      this.message = '';
    }
    await this.listDevices();
    return true;
  }

  /** Labels are only filled in after permission was granted, so this runs after getUserMedia. */
  private async listDevices(): Promise<void> {
    if (!navigator.mediaDevices?.enumerateDevices) return;
    const devices = await navigator.mediaDevices.enumerateDevices();
    const options = (kind: MediaDeviceKind, fallback: MessageKey) =>
      devices
        .filter((device) => device.kind === kind && device.deviceId)
        .map((device, index) => ({ id: device.deviceId, label: device.label || `${this.msg(fallback)} ${index + 1}` }));
    this.cameras = options('videoinput', 'studioCamera');
    this.microphones = options('audioinput', 'studioMicrophone');
  }

  private mediaErrorMessage(error: unknown): string {
    const name = error instanceof Error || error instanceof DOMException ? error.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') return this.msg('errPermission');
    if (name === 'NotFoundError' || name === 'OverconstrainedError') return this.msg('errNoDevice');
    if (name === 'NotReadableError') return this.msg('errDeviceBusy');
    return this.msg('errMedia', { message: error instanceof Error ? error.message : String(error) });
  }

  private startMeter(stream: MediaStream): void {
    this.audioSource?.disconnect();
    this.audioSource = null;
    const track = stream.getAudioTracks()[0];
    const Context: AudioContextClass | undefined =
      window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
    if (!track || !Context) return;
    this.audioContext ??= new Context();
    const analyser = this.audioContext.createAnalyser();
    analyser.fftSize = 1024;
    this.audioSource = this.audioContext.createMediaStreamSource(new MediaStream([track]));
    this.audioSource.connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    clearInterval(this.meterTimer);
    // A timer rather than requestAnimationFrame: ten updates a second are enough and cost less re-rendering.
    this.meterTimer = setInterval(() => {
      analyser.getByteTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += ((sample - 128) / 128) ** 2;
      const db = 10 * Math.log10(sum / samples.length || 1e-10);
      this.level = Math.round(Math.max(0, Math.min(100, (1 - db / METER_FLOOR_DB) * 100)));
    }, METER_INTERVAL_MS);
  }

  private stopMeter(): void {
    clearInterval(this.meterTimer);
    this.audioSource?.disconnect();
    this.audioSource = null;
    void this.audioContext?.close();
    this.audioContext = null;
    this.level = 0;
  }

  private async publish(): Promise<void> {
    if (!this.whipUrl) {
      this.fail(this.msg('errNoWhipUrl'));
      return;
    }
    this.message = '';
    this.reconnecting = false;
    this.state = 'connecting';
    if (!this.stream || this.stream.getTracks().every((track) => track.readyState === 'ended')) {
      if (!(await this.openDevices())) return;
    }
    this.focusAfterRender = 'stop';
    // Created before the user's click, the context may have been suspended by the autoplay policy.
    void this.audioContext?.resume();
    const publisher: WhipPublisher = new WhipPublisher(
      this.whipUrl,
      () => this.token ?? '',
      (state) => this.onMediaState(publisher, state),
    );
    this.publisher = publisher;
    try {
      await publisher.publish(this.stream!);
    } catch (error) {
      if (this.publisher !== publisher) return;
      this.publisher = null;
      this.focusAfterRender = 'publish';
      this.fail(this.publishErrorMessage(error));
    }
  }

  private onMediaState(publisher: WhipPublisher, state: MediaConnectionState): void {
    if (publisher !== this.publisher) return;
    if (state === 'connected') {
      this.reconnecting = false;
      this.state = 'live';
    } else if (state === 'disconnected') {
      this.reconnecting = true;
      this.state = 'connecting';
    } else if (state === 'failed') {
      this.publisher = null;
      void publisher.stop();
      this.focusAfterRender = 'publish';
      this.fail(this.msg('errIce'));
    }
  }

  private publishErrorMessage(error: unknown): string {
    if (error instanceof WhipError) {
      switch (error.kind) {
        case 'unauthorized':
          return this.msg('errUnauthorized');
        case 'http':
          return this.msg('errHttp', { status: error.status, message: error.message });
        case 'network':
          return this.msg('errNetwork');
        case 'no-location':
          return this.msg('errNoLocation');
        case 'bad-answer':
          return this.msg('errBadAnswer', { message: error.message });
      }
    }
    return this.msg('errPublish', { message: error instanceof Error ? error.message : String(error) });
  }

  private async stop(): Promise<void> {
    this.reconnecting = false;
    this.message = '';
    this.state = 'stopped';
    this.focusAfterRender = 'publish';
    await this.stopAll();
  }

  /** DELETE on the server, close the connection, release the devices (the camera light goes off). */
  private async stopAll(): Promise<void> {
    const publisher = this.publisher;
    this.publisher = null;
    await publisher?.stop();
    if (this.stream) stopTracks(this.stream);
    this.stream = null;
    this.stopMeter();
  }

  private async onSelect(kind: 'camera' | 'microphone', event: Event): Promise<void> {
    const value = (event.target as HTMLSelectElement).value;
    if (kind === 'camera') this.cameraId = value;
    else this.microphoneId = value;
    // Only reopen what is open: after "stop" the new choice is used by the next start.
    if (this.stream) await this.openDevices();
  }

  override render(): TemplateResult {
    const busy = this.state === 'connecting' || this.state === 'live';
    const stateText = this.reconnecting ? this.msg('pubReconnecting') : this.msg(STATE_KEYS[this.state]);
    return html`
      <div class="studio" part="container">
        <div class="screen" part="preview">
          <video muted autoplay playsinline aria-label=${this.msg('studioPreview')}></video>
          ${this.state === 'live' ? html`<span class="on-air" aria-hidden="true">${this.msg('pubLive')}</span>` : nothing}
        </div>
        <p class="meter-label" id="level-label">${this.msg('studioLevel')}</p>
        <div
          class="meter"
          part="meter"
          role="meter"
          aria-labelledby="level-label"
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${this.level}
        >
          <div class="meter-fill" ${cssomStyle({ width: `${this.level}%` })}></div>
        </div>
        <div class="devices">
          ${this.renderSelect('camera', 'studioCamera', this.cameras, this.cameraId)}
          ${this.renderSelect('microphone', 'studioMicrophone', this.microphones, this.microphoneId)}
        </div>
        <div class="actions">
          <button part="publish" type="button" ?disabled=${busy} @click=${() => void this.publish()}>
            ${this.msg('studioPublish')}
          </button>
          <button part="stop" class="danger" type="button" ?disabled=${!busy} @click=${() => void this.stop()}>
            ${this.msg('studioStop')}
          </button>
          ${this.state === 'error' && !this.stream
            ? html`<button part="open-devices" class="secondary" type="button" @click=${() => void this.openDevices()}>
                ${this.msg('studioOpenDevices')}
              </button>`
            : nothing}
        </div>
        <p class="connection" part="connection" aria-live="polite">
          ${this.msg('studioConnection')}：<strong class=${this.state}>${stateText}</strong>
        </p>
        <p class="error" part="error" role="alert">${this.message}</p>
        ${this.state === 'live' || !this.stream
          ? nothing
          : html`<studio-preflight lang=${this.lang ?? nothing} .stream=${this.stream}></studio-preflight>`}
      </div>
    `;
  }

  private renderSelect(kind: 'camera' | 'microphone', label: MessageKey, options: DeviceOption[], value: string) {
    const id = `oi-${kind}`;
    return html`
      <div class="field">
        <label for=${id}>${this.msg(label)}</label>
        <select
          id=${id}
          part="${kind}-select"
          ?disabled=${options.length === 0}
          @change=${(event: Event) => void this.onSelect(kind, event)}
        >
          ${options.map((option) => html`<option value=${option.id} ?selected=${option.id === value}>${option.label}</option>`)}
        </select>
      </div>
    `;
  }

  static override styles = [
    baseStyles,
    css`
      .screen {
        position: relative;
        width: 100%;
        padding-top: 56.25%;
        background: #000;
      }
      .screen > video {
        position: absolute;
        top: 0;
        left: 0;
        width: 100%;
        height: 100%;
      }
      .on-air {
        position: absolute;
        top: 0.5em;
        left: 0.5em;
        padding: 0.1em 0.6em;
        font-weight: bold;
        background: var(--oi-live, var(--oi-accent, #a8141c));
        color: #fff;
      }
      .meter-label {
        margin: 0.5em 0 0.2em;
      }
      .meter {
        height: 14px;
        margin: 0 0 1em;
        border: 1px solid #6b6b6b;
        background: #e6e6e6;
      }
      .meter-fill {
        height: 100%;
        background: #1e7b34;
        transition: width 80ms linear;
      }
      .devices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1em;
      }
      .field {
        display: flex;
        flex-direction: column;
        flex: 1 1 14em;
        min-width: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin-top: 1em;
      }
      @media (forced-colors: active) {
        /* High contrast mode drops backgrounds, which would hide the level entirely. */
        .meter-fill {
          forced-color-adjust: none;
          background: Highlight;
        }
      }
      .connection strong.live {
        color: var(--oi-live, var(--oi-accent, #a8141c));
      }
    `,
  ];
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

if (!customElements.get('interview-studio')) customElements.define('interview-studio', InterviewStudio);
