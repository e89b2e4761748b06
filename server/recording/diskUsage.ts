import { readdir, stat, statfs } from 'node:fs/promises';
import path from 'node:path';

/** Bytes of every file below `dir` (0 when it does not exist). */
export async function directoryBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let total = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await directoryBytes(full);
    else if (entry.isFile()) total += (await stat(full).catch(() => undefined))?.size ?? 0;
  }
  return total;
}

/** What one show takes on disk, by kind, and what is left on the file system holding the data directory. */
export interface ShowDiskUsage {
  recordingsBytes: number;
  hlsBytes: number;
  /** Exported clips, thumbnails and waveforms: all can be made again from the recordings. */
  derivedBytes: number;
  totalBytes: number;
  freeBytes: number;
}

export async function showDiskUsage(dataDir: string, interviewId: string): Promise<ShowDiskUsage> {
  const dir = path.join(dataDir, 'interviews', interviewId);
  const [recordingsBytes, hlsBytes, clipsBytes, derivedBytes, fs] = await Promise.all([
    directoryBytes(path.join(dir, 'recordings')),
    directoryBytes(path.join(dir, 'hls')),
    directoryBytes(path.join(dir, 'clips')),
    directoryBytes(path.join(dir, 'derived')),
    statfs(dataDir),
  ]);
  const derived = clipsBytes + derivedBytes;
  return {
    recordingsBytes,
    hlsBytes,
    derivedBytes: derived,
    totalBytes: recordingsBytes + hlsBytes + derived,
    freeBytes: fs.bavail * fs.bsize,
  };
}
