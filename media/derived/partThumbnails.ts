import { execFile } from 'node:child_process';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PartThumbnailsOptions {
  ffmpegPath: string;
  /** The recording part (Matroska or MP4). */
  input: string;
  /** The directory that receives 00000.jpg, 00001.jpg, … (replaced as a whole once all are written). */
  outputDir: string;
  /** Thumbnail k shows the part at k × intervalSeconds (the first keyframe at or after it). */
  intervalSeconds: number;
  /** Width in pixels; the height follows the picture's aspect ratio. */
  width: number;
}

/**
 * JPEG thumbnails of one recording part, one per interval. Only keyframes are decoded (`-skip_frame nokey`): the
 * recorders ask for one every segment length, so a thumbnail is at most that late, and an hour of 720p takes seconds
 * instead of a full decode. `select` keeps the first keyframe at or after each multiple of the interval. Written into a
 * temporary directory renamed over `outputDir`, so a reader never sees half a set. Returns how many were made.
 */
export async function makePartThumbnails(o: PartThumbnailsOptions): Promise<number> {
  const temporary = `${o.outputDir}.tmp`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  try {
    await run(o.ffmpegPath, [
      '-hide_banner', '-loglevel', 'error', '-nostdin', '-y',
      '-skip_frame', 'nokey', '-i', o.input,
      '-an', '-sn',
      '-vf', `setpts=PTS-STARTPTS,select='gte(t\\,selected_n*${o.intervalSeconds})',scale=${o.width}:-2`,
      '-fps_mode', 'passthrough', '-q:v', '5', '-start_number', '0',
      path.join(temporary, '%05d.jpg'),
    ]);
    await rm(o.outputDir, { recursive: true, force: true });
    await rename(temporary, o.outputDir);
    return (await readdir(o.outputDir)).filter((name) => name.endsWith('.jpg')).length;
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

/** The file name of thumbnail `index` in a part's thumbnail directory. */
export function thumbnailFileName(index: number): string {
  return `${String(index).padStart(5, '0')}.jpg`;
}
