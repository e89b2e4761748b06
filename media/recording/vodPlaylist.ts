import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';

/**
 * The live playlist as a replay: `#EXT-X-PLAYLIST-TYPE:VOD` (players show the whole show and a seek bar from the
 * start) and `#EXT-X-ENDLIST`. Everything else stays: every run of FFmpeg's segments, behind the
 * `#EXT-X-DISCONTINUITY` FFmpeg wrote when it appended after a restart or reconnect, so one playlist plays the whole
 * show. Pure; idempotent.
 */
export function toVodPlaylist(live: string): string {
  const lines = live.split('\n').map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const kept = lines.filter((line) => line !== '#EXT-X-ENDLIST' && !line.startsWith('#EXT-X-PLAYLIST-TYPE:'));
  const header = kept.indexOf('#EXTM3U');
  kept.splice(header + 1, 0, '#EXT-X-PLAYLIST-TYPE:VOD');
  if (header === -1) kept.unshift('#EXTM3U');
  return `${kept.join('\n')}\n#EXT-X-ENDLIST\n`;
}

/**
 * Rewrites the playlist at `file` as a replay (see toVodPlaylist), through a temporary file renamed over it so a
 * player never reads half of it. Returns false when there is no playlist (the show never went on air).
 */
export async function finaliseVodPlaylist(file: string): Promise<boolean> {
  if (!existsSync(file)) return false;
  const live = await readFile(file, 'utf8');
  const vod = toVodPlaylist(live);
  if (vod === live) return true;
  const temporary = `${file}.vod.tmp`;
  await writeFile(temporary, vod);
  await rename(temporary, file);
  return true;
}
