import { readdir, stat, statfs } from 'node:fs/promises';
import path from 'node:path';

/** Seconds since the newest HLS segment was written; null before the first one. */
export async function newestSegmentAgeSeconds(hlsDir: string, now = Date.now()): Promise<number | null> {
  const names = (await readdir(hlsDir).catch(() => [] as string[])).filter((name) => name.endsWith('.ts'));
  let newest = 0;
  for (const name of names) {
    const info = await stat(path.join(hlsDir, name)).catch(() => undefined);
    if (info && info.mtimeMs > newest) newest = info.mtimeMs;
  }
  return newest === 0 ? null : Math.max(0, (now - newest) / 1000);
}

/** Bytes of the program's recording parts (`program-*`) in a show's recordings folder. */
export async function programRecordingBytes(recordingsDir: string): Promise<number> {
  const names = (await readdir(recordingsDir).catch(() => [] as string[])).filter((name) => name.startsWith('program'));
  let total = 0;
  for (const name of names) total += (await stat(path.join(recordingsDir, name)).catch(() => undefined))?.size ?? 0;
  return total;
}

/** Free bytes for an unprivileged writer on the file system holding `dir`. */
export async function freeBytes(dir: string): Promise<number> {
  const info = await statfs(dir);
  return info.bavail * info.bsize;
}

/** The file side of an interview's media status: HLS freshness, program recording size, disk space. */
export async function showFilesStatus(
  dataDir: string,
  interviewId: string,
): Promise<{ hls: { segmentAgeSeconds: number | null }; recording: { bytes: number }; disk: { freeBytes: number } }> {
  const interviewDir = path.join(dataDir, 'interviews', interviewId);
  const [segmentAgeSeconds, bytes, free] = await Promise.all([
    newestSegmentAgeSeconds(path.join(interviewDir, 'hls')),
    programRecordingBytes(path.join(interviewDir, 'recordings')),
    freeBytes(dataDir),
  ]);
  return { hls: { segmentAgeSeconds }, recording: { bytes }, disk: { freeBytes: free } };
}
