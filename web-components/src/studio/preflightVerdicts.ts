/** What a preflight check found: good, usable with a caveat, or a problem to fix before going live. */
export type Verdict = 'pass' | 'warn' | 'fail';

/**
 * Upload needed for one 720p camera: the studio publishes about 2.5 Mbit/s; twice that leaves room for the rest of
 * the office's traffic and for bursts after packet loss.
 */
export const UPLOAD_GOOD_KBPS = 5000;
export const UPLOAD_MIN_KBPS = 2500;

/** Below this peak level (dBFS) over the test, the microphone is taken as silent (muted, unplugged, wrong device). */
export const MIC_SILENT_DB = -50;
/** Above this the voice is clipping. */
export const MIC_CLIPPING_DB = -1;

/** The server's answer time that still feels instant; above 1 s the console and WHIP set-up feel slow. */
export const LATENCY_GOOD_MS = 300;
export const LATENCY_SLOW_MS = 1000;

/** Kbit/s from bytes sent in a number of milliseconds. */
export function kbps(bytes: number, ms: number): number {
  return ms <= 0 ? Infinity : (bytes * 8) / ms;
}

export function uploadVerdict(measuredKbps: number): Verdict {
  if (measuredKbps >= UPLOAD_GOOD_KBPS) return 'pass';
  return measuredKbps >= UPLOAD_MIN_KBPS ? 'warn' : 'fail';
}

/** The loudest sample of a test, in dBFS, from the analyser's time-domain samples (−1 … 1). */
export function peakDb(samples: ArrayLike<number>): number {
  let peak = 0;
  for (let i = 0; i < samples.length; i++) peak = Math.max(peak, Math.abs(samples[i]!));
  return peak === 0 ? -Infinity : 20 * Math.log10(peak);
}

export function microphoneVerdict(peak: number): Verdict {
  if (peak < MIC_SILENT_DB) return 'fail';
  return peak > MIC_CLIPPING_DB ? 'warn' : 'pass';
}

export function latencyVerdict(ms: number): Verdict {
  if (ms <= LATENCY_GOOD_MS) return 'pass';
  return ms <= LATENCY_SLOW_MS ? 'warn' : 'fail';
}

/** The camera shows a picture when it has a size and new frames arrived during the test. */
export function cameraVerdict(width: number, framesSeen: number): Verdict {
  if (width === 0 || framesSeen === 0) return 'fail';
  return framesSeen < 10 ? 'warn' : 'pass';
}
