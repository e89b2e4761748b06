import { execFile } from 'node:child_process';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ffprobeFor, probeMedia, type MediaInfo } from './probeMedia.js';

const run = promisify(execFile);

export interface FinalisedRecording {
  /** False when nothing playable was written (FFmpeg died before its first frame). */
  playable: boolean;
  /** Nothing at all was written; the empty file was removed. */
  empty: boolean;
  /** True when the file had to be rewritten (a crash or a stop without trailers left no duration or index). */
  repaired: boolean;
  info: MediaInfo | null;
  error: string | null;
}

/**
 * Makes a recording part that FFmpeg stopped writing — normally, or by a crash — a complete, seekable file. A
 * Matroska file cut off by kill -9 plays up to its last cluster but has no duration and no index (Cues), so seeking
 * in it (the clip editor, exports) would read it from the start. It is then remuxed (stream copy: quick, lossless)
 * into a temporary file renamed over it, so a crash during the repair leaves the original. Idempotent.
 */
export async function finaliseRecording(ffmpegPath: string, file: string): Promise<FinalisedRecording> {
  const ffprobe = ffprobeFor(ffmpegPath);
  const size = await stat(file).then((s) => s.size, () => 0);
  if (size === 0) {
    // Nothing was recorded (FFmpeg failed before its first frame): no part to keep.
    await rm(file, { force: true });
    return { playable: false, empty: true, repaired: false, info: null, error: 'the file is empty or missing' };
  }
  let info: MediaInfo;
  try {
    info = await probeMedia(ffprobe, file);
  } catch (error) {
    return { playable: false, empty: false, repaired: false, info: null, error: `ffprobe cannot read it: ${(error as Error).message.slice(0, 300)}` };
  }
  if (info.videoCodec === null && !info.hasAudio) return { playable: false, empty: false, repaired: false, info, error: 'no stream was written' };
  if (info.durationSeconds !== null) return { playable: true, empty: false, repaired: false, info, error: null };

  const extension = path.extname(file);
  const temporary = `${file.slice(0, -extension.length)}.repair${extension}`;
  try {
    await run(ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-y', '-i', file, '-map', '0', '-c', 'copy', temporary]);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    return { playable: false, empty: false, repaired: false, info, error: `could not repair it: ${(error as Error).message.slice(0, 300)}` };
  }
  info = await probeMedia(ffprobe, file);
  return { playable: info.durationSeconds !== null, empty: false, repaired: true, info, error: null };
}
