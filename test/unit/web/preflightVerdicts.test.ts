import { describe, expect, it } from 'vitest';
import {
  cameraVerdict,
  kbps,
  latencyVerdict,
  microphoneVerdict,
  peakDb,
  uploadVerdict,
} from '../../../web-components/src/studio/preflightVerdicts.js';

describe('preflight verdicts', () => {
  it('measures upload in kbit/s and judges it against what one 720p camera needs', () => {
    expect(kbps(2_000_000, 2000)).toBe(8000);
    expect(uploadVerdict(kbps(2_000_000, 2000))).toBe('pass');
    expect(uploadVerdict(3000)).toBe('warn');
    expect(uploadVerdict(1000)).toBe('fail');
  });

  it('finds a silent, a good and a clipping microphone by the peak level', () => {
    expect(peakDb([0, 0, 0])).toBe(-Infinity);
    expect(peakDb([0.1, -0.5, 0.2])).toBeCloseTo(-6.02, 1);
    expect(microphoneVerdict(peakDb(new Float32Array(100).fill(0.001)))).toBe('fail');
    expect(microphoneVerdict(peakDb([0.3]))).toBe('pass');
    expect(microphoneVerdict(peakDb([1]))).toBe('warn');
  });

  it('judges the server round trip and the camera picture', () => {
    expect(latencyVerdict(40)).toBe('pass');
    expect(latencyVerdict(600)).toBe('warn');
    expect(latencyVerdict(5000)).toBe('fail');
    expect(cameraVerdict(0, 30)).toBe('fail');
    expect(cameraVerdict(1280, 0)).toBe('fail');
    expect(cameraVerdict(1280, 3)).toBe('warn');
    expect(cameraVerdict(1280, 25)).toBe('pass');
  });
});
