import { execFile } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What a browser's <video> is given for a part: MP4 for H.264, WebM for VP8 (Chromium plays neither in Matroska). */
export interface PartPreviewFormat {
  extension: 'mp4' | 'webm';
  contentType: 'video/mp4' | 'video/webm';
}

export function previewFormat(videoCodec: string | null): PartPreviewFormat {
  return videoCodec === 'vp8' || videoCodec === 'vp9'
    ? { extension: 'webm', contentType: 'video/webm' }
    : { extension: 'mp4', contentType: 'video/mp4' };
}

/**
 * A copy of one recording part that a browser plays and seeks in: the picture copied as it is (no quality lost,
 * seconds for an hour), in MP4 with the index first (+faststart) for H.264, or in WebM for VP8 with the sound encoded
 * to Opus (WebM carries no AAC). Written under a temporary name and renamed when complete.
 */
export async function makePartPreview(ffmpegPath: string, input: string, output: string, videoCodec: string | null): Promise<void> {
  const format = previewFormat(videoCodec);
  const temporary = output.replace(/\.(mp4|webm)$/, `.tmp.$1`);
  const codecArgs =
    format.extension === 'mp4'
      ? ['-c', 'copy', '-movflags', '+faststart', '-f', 'mp4']
      : ['-c:v', 'copy', '-c:a', 'libopus', '-b:a', '64k', '-f', 'webm'];
  try {
    await run(ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', input, '-map', '0:v:0?', '-map', '0:a:0?', '-sn', ...codecArgs, temporary]);
    await rename(temporary, output);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
