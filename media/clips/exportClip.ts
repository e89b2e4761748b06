import { spawn } from 'node:child_process';
import { rename, rm, writeFile } from 'node:fs/promises';
import { buildClipArgs, clipSeconds, fastConcatList, type ClipPiece } from './clipArgs.js';

export interface ExportClipOptions {
  ffmpegPath: string;
  pieces: ClipPiece[];
  mode: 'fast' | 'exact';
  outputPath: string;
  frameRate: number;
  width: number;
  height: number;
  /** Called with 0–100 as FFmpeg reports its position. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

/** FFmpeg failed on a clip; `message` carries its last error lines. */
export class ClipExportError extends Error {
  readonly code = 'export_failed';
  constructor(message: string) {
    super(message);
    this.name = 'ClipExportError';
  }
}

/**
 * Exports a clip to `outputPath`: written under a temporary name and renamed when complete, so a download never
 * gets half a file. Aborting (cancel, shutdown) kills FFmpeg and removes the temporary file.
 */
export async function exportClip(o: ExportClipOptions): Promise<void> {
  const temporary = o.outputPath.replace(/\.mp4$/, '.part.mp4');
  const concatListPath = o.outputPath.replace(/\.mp4$/, '.ffconcat');
  if (o.mode === 'fast') await writeFile(concatListPath, fastConcatList(o.pieces));
  const args = buildClipArgs({ ...o, outputPath: temporary, concatListPath });
  const total = clipSeconds(o.pieces);
  try {
    await new Promise<void>((resolve, reject) => {
      if (o.signal?.aborted) return reject(o.signal.reason);
      const child = spawn(o.ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let errors = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        errors = (errors + chunk).slice(-2000);
      });
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        for (const match of chunk.matchAll(/out_time_us=(\d+)/g)) {
          o.onProgress?.(Math.min(99.9, Math.max(0, (Number(match[1]) / 1e6 / total) * 100)));
        }
      });
      const abort = () => child.kill('SIGKILL');
      o.signal?.addEventListener('abort', abort, { once: true });
      child.on('error', reject);
      child.on('close', (code, signal) => {
        o.signal?.removeEventListener('abort', abort);
        if (o.signal?.aborted) reject(o.signal.reason);
        else if (code === 0) resolve();
        else reject(new ClipExportError(`FFmpeg stopped (${code ?? signal}): ${errors.trim().split('\n').slice(-3).join(' | ')}`));
      });
    });
    await rename(temporary, o.outputPath);
    o.onProgress?.(100);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    await rm(concatListPath, { force: true });
  }
}
