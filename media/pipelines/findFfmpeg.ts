import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FfmpegNotFoundError } from '../errors.js';

/**
 * Where FFmpeg is, in this order: an explicit path (FFMPEG_PATH), the binary of `ffmpeg-static`
 * when that package is installed and its download succeeded, then `ffmpeg` on PATH (Debian's
 * package, which scripts/setup.sh installs).
 */
export function findFfmpeg(explicitPath?: string, searchPath = process.env['PATH'] ?? ''): string {
  if (explicitPath) {
    if (isExecutable(explicitPath)) return explicitPath;
    throw new FfmpegNotFoundError(`FFMPEG_PATH points at ${explicitPath}, which is not an executable file`);
  }
  const fromPackage = ffmpegStaticBinary();
  if (fromPackage && isExecutable(fromPackage)) return fromPackage;
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'ffmpeg');
    if (isExecutable(candidate)) return candidate;
  }
  throw new FfmpegNotFoundError('FFmpeg was not found: install it (apt-get install ffmpeg, or run scripts/setup.sh) or set FFMPEG_PATH');
}

function ffmpegStaticBinary(): string | undefined {
  try {
    const value: unknown = createRequire(import.meta.url)('ffmpeg-static');
    return typeof value === 'string' ? value : undefined;
  } catch {
    // Not installed: the normal case, since its install downloads from a host we cannot reach.
    return undefined;
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
