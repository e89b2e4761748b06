/** One media segment of an HLS playlist as the replay's timeline sees it. */
export interface PlaylistSegment {
  uri: string;
  durationSeconds: number;
  /** The wall-clock time of the segment's first frame (#EXT-X-PROGRAM-DATE-TIME), carried forward from the last tag. */
  programDateTime: Date | null;
  /** The segment follows an #EXT-X-DISCONTINUITY (a new FFmpeg run: reconnect, restart). */
  discontinuity: boolean;
  /** Where the segment starts in the playlist, in seconds (the player's time). */
  startSeconds: number;
}

/**
 * The segments of a media playlist, with their start in the player's time and their wall-clock time. A tag's
 * PROGRAM-DATE-TIME applies to the next segment; segments without one follow the previous segment's date plus its
 * duration (RFC 8216 §4.3.2.6). Pure.
 */
export function parsePlaylist(text: string): PlaylistSegment[] {
  const segments: PlaylistSegment[] = [];
  let duration: number | null = null;
  let date: Date | null = null;
  let discontinuity = false;
  let start = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#EXTINF:')) {
      duration = Number.parseFloat(line.slice('#EXTINF:'.length));
    } else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) {
      const parsed = new Date(line.slice('#EXT-X-PROGRAM-DATE-TIME:'.length));
      date = Number.isNaN(parsed.getTime()) ? null : parsed;
    } else if (line === '#EXT-X-DISCONTINUITY') {
      discontinuity = true;
    } else if (line !== '' && !line.startsWith('#') && duration !== null && Number.isFinite(duration)) {
      const previous = segments[segments.length - 1];
      const programDateTime =
        date ?? (previous?.programDateTime && !discontinuity ? new Date(previous.programDateTime.getTime() + previous.durationSeconds * 1000) : null);
      segments.push({ uri: line, durationSeconds: duration, programDateTime, discontinuity, startSeconds: start });
      start += duration;
      duration = null;
      date = null;
      discontinuity = false;
    }
  }
  return segments;
}

/**
 * Where the wall-clock moment `at` is in the playlist, in seconds: inside a segment, its start plus the time since
 * its first frame; in a gap between segments (the show was off air: a reconnect), the start of the next segment;
 * before the first, 0; after the last, the end. Null when no segment carries a date.
 */
export function playlistSecondsAt(segments: readonly PlaylistSegment[], at: Date): number | null {
  const dated = segments.filter((s) => s.programDateTime !== null);
  if (dated.length === 0) return null;
  const t = at.getTime();
  for (const segment of dated) {
    const begins = segment.programDateTime!.getTime();
    const ends = begins + segment.durationSeconds * 1000;
    if (t < begins) return segment.startSeconds;
    if (t < ends) return segment.startSeconds + (t - begins) / 1000;
  }
  const last = segments[segments.length - 1]!;
  return last.startSeconds + last.durationSeconds;
}
