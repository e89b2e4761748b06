import { spawn } from 'node:child_process';

/** Samples per second FFmpeg decodes the sound to: plenty for a peak per tenth of a second, and cheap. */
const SAMPLE_RATE = 8000;
/** Both channels are read (a mono mix would lower a one-sided or out-of-phase sound); mono is doubled by FFmpeg. */
const CHANNELS = 2;

/** FFmpeg could not read a part's sound. */
export class AudioPeaksError extends Error {
  readonly code = 'audio_peaks_failed';
  constructor(message: string) {
    super(message);
    this.name = 'AudioPeaksError';
  }
}

/**
 * The sound's peak level per window of `windowSeconds` (0–1, the largest absolute sample of the window, 3 decimals),
 * from the part's first audio stream, over both channels. FFmpeg decodes to 16-bit PCM at 8 kHz; the peaks are taken here
 * as the samples stream in, so memory stays flat for a long show. A part without sound gives [].
 */
export async function audioPeaks(ffmpegPath: string, input: string, windowSeconds: number): Promise<number[]> {
  const windowSamples = Math.round(SAMPLE_RATE * windowSeconds) * CHANNELS;
  const child = spawn(
    ffmpegPath,
    ['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', input, '-map', '0:a:0?', '-vn', '-sn', '-ac', String(CHANNELS), '-ar', String(SAMPLE_RATE), '-f', 's16le', 'pipe:1'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const peaks: number[] = [];
  let peak = 0;
  let inWindow = 0;
  let carry: Buffer | null = null;
  child.stdout.on('data', (chunk: Buffer) => {
    const data = carry ? Buffer.concat([carry, chunk]) : chunk;
    const whole = data.length - (data.length % 2);
    for (let offset = 0; offset < whole; offset += 2) {
      const sample = Math.abs(data.readInt16LE(offset));
      if (sample > peak) peak = sample;
      if (++inWindow === windowSamples) {
        peaks.push(Math.round((peak / 32768) * 1000) / 1000);
        peak = 0;
        inWindow = 0;
      }
    }
    carry = whole < data.length ? data.subarray(whole) : null;
  });
  let errors = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    errors = (errors + chunk).slice(-2000);
  });
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new AudioPeaksError(`FFmpeg stopped (${code ?? signal}) reading the sound of ${input}: ${errors.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
  if (inWindow > 0) peaks.push(Math.round((peak / 32768) * 1000) / 1000);
  return peaks;
}
