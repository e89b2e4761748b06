import type Hls from 'hls.js';
import { watchStalls } from './stall-watchdog.js';

/** What the viewer should be told about playback; null when it is fine. */
export type PlaybackIssue = 'waiting' | 'retrying' | 'unsupported' | 'load-failed' | null;

export interface Playback {
  destroy(): void;
}

const RETRY_DELAY_MS = 3000;
/** A second media error this soon after a recovery means recovery in place is not working: rebuild. */
const MEDIA_RECOVERY_WINDOW_MS = 5000;

/**
 * Plays an HLS playlist in `video`: natively on Apple's browsers (Safari, iOS) and where Media Source Extensions are
 * missing, otherwise through hls.js, imported lazily so pages that never play video never download it. Chrome now
 * also claims native HLS, but its player starts a live show several segments behind the edge (about 5 s after the
 * first segment, measured here); hls.js starts on the first segment and behaves the same on old and new Chrome.
 * A watchdog restarts loading when playback is frozen without an error (see stall-watchdog.ts), so a stalled stream
 * recovers by itself: first by reloading in place, then by rebuilding the player.
 */
export function startPlayback(
  video: HTMLVideoElement,
  url: string,
  options: { live: boolean; onIssue: (issue: PlaybackIssue) => void },
): Playback {
  const { live, onIssue } = options;
  let destroyed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const play = () => {
    // Rejected when the browser blocks autoplay even muted; the controls remain.
    if (live) video.play().catch(() => undefined);
  };
  let started = false;
  const onPlaying = () => {
    started = true;
    onIssue(null);
  };
  // A live playlist that fails before anything played is usually one the server has not written yet.
  const retrying = () => onIssue(live && !started ? 'waiting' : 'retrying');
  video.addEventListener('playing', onPlaying);
  // Live starts muted: browsers block autoplay with sound. The viewer unmutes with the element's button.
  video.muted = live;
  /** Set below to the way this player recovers from a stall; `rebuild` after a recovery that did not help. */
  let recover: (rebuild: boolean) => void = () => undefined;
  const watchdog = watchStalls(video, (attempt) => {
    retrying();
    recover(attempt > 1);
  });

  if (prefersNativeHls(video)) {
    // A recording resumes where it stopped; a live show at its edge (the browser picks it on load).
    const reload = () => {
      const position = video.currentTime;
      video.src = url;
      if (!live) resumeAt(video, position);
      play();
    };
    recover = reload;
    const onError = () => {
      retrying();
      clearTimeout(retryTimer);
      retryTimer = setTimeout(reload, RETRY_DELAY_MS);
    };
    video.addEventListener('error', onError);
    video.src = url;
    play();
    return {
      destroy() {
        watchdog.stop();
        clearTimeout(retryTimer);
        video.removeEventListener('error', onError);
        video.removeEventListener('playing', onPlaying);
        video.removeAttribute('src');
        video.load();
      },
    };
  }

  let hls: Hls | null = null;
  const create = (HlsClass: typeof Hls) => {
    const instance = new HlsClass({
      // The inline worker needs blob: workers, which strict CSPs of portal sites forbid; the gain is small at 720p.
      enableWorker: false,
      // Two segments behind the live edge (hls.js defaults to three): lower latency, still a buffer for county links.
      liveSyncDurationCount: 2,
      liveMaxLatencyDurationCount: 6,
      backBufferLength: 30,
    });
    let lastMediaRecovery = 0;
    instance.on(HlsClass.Events.MANIFEST_PARSED, play);
    instance.on(HlsClass.Events.ERROR, (_event, data) => {
      if (!data.fatal) return;
      retrying();
      clearTimeout(retryTimer);
      if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR && Date.now() - lastMediaRecovery > MEDIA_RECOVERY_WINDOW_MS) {
        lastMediaRecovery = Date.now();
        instance.recoverMediaError();
      } else if (data.type === HlsClass.ErrorTypes.NETWORK_ERROR) {
        // Before the first playlist arrived there is nothing to resume: load the source again.
        retryTimer = setTimeout(() => {
          if (instance.levels.length > 0) instance.startLoad();
          else instance.loadSource(url);
        }, RETRY_DELAY_MS);
      } else {
        retryTimer = setTimeout(() => {
          instance.destroy();
          hls = create(HlsClass);
        }, RETRY_DELAY_MS);
      }
    });
    instance.loadSource(url);
    instance.attachMedia(video);
    return instance;
  };

  import('hls.js').then(
    ({ default: HlsClass }) => {
      if (destroyed) return;
      if (!HlsClass.isSupported()) {
        onIssue('unsupported');
        return;
      }
      hls = create(HlsClass);
      recover = (rebuild) => {
        if (!hls) return;
        if (rebuild) {
          const position = video.currentTime;
          hls.destroy();
          hls = create(HlsClass);
          if (!live) resumeAt(video, position);
          return;
        }
        hls.stopLoad();
        // -1: from the live sync point for a live show; a recording continues where it froze.
        hls.startLoad(live ? -1 : video.currentTime);
      };
    },
    () => {
      if (!destroyed) onIssue('load-failed');
    },
  );

  return {
    destroy() {
      destroyed = true;
      watchdog.stop();
      clearTimeout(retryTimer);
      video.removeEventListener('playing', onPlaying);
      hls?.destroy();
      hls = null;
    },
  };
}

/** After a reload, a recording continues where it was rather than from the start. */
function resumeAt(video: HTMLVideoElement, position: number): void {
  if (position > 0) video.addEventListener('loadedmetadata', () => (video.currentTime = position), { once: true });
}

function prefersNativeHls(video: HTMLVideoElement): boolean {
  if (!video.canPlayType('application/vnd.apple.mpegurl')) return false;
  const hasMse = typeof MediaSource !== 'undefined' || 'ManagedMediaSource' in window;
  return !hasMse || /apple/i.test(navigator.vendor);
}
