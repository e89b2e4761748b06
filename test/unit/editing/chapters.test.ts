import { describe, expect, it } from 'vitest';
import { buildChapters, chapterTitle, CHAPTER_TITLE_MAX } from '../../../server/domain/replay/chapters.js';
import { parsePlaylist, playlistSecondsAt } from '../../../server/domain/replay/hlsPlaylist.js';

/** Two FFmpeg runs: 0.5 s + 2 s + 2 s from 10:00:00, then (a reconnect 30 s later) 2 s + 2 s behind a discontinuity. */
const PLAYLIST = `#EXTM3U
#EXT-X-VERSION:6
#EXT-X-TARGETDURATION:2
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:VOD
#EXT-X-INDEPENDENT-SEGMENTS
#EXTINF:0.500000,
#EXT-X-PROGRAM-DATE-TIME:2026-05-20T10:00:00.000+0800
seg-00000.ts
#EXTINF:2.000000,
#EXT-X-PROGRAM-DATE-TIME:2026-05-20T10:00:00.500+0800
seg-00001.ts
#EXTINF:2.000000,
seg-00002.ts
#EXT-X-DISCONTINUITY
#EXTINF:2.000000,
#EXT-X-PROGRAM-DATE-TIME:2026-05-20T10:00:34.500+0800
seg-00003.ts
#EXTINF:2.000000,
#EXT-X-PROGRAM-DATE-TIME:2026-05-20T10:00:36.500+0800
seg-00004.ts
#EXT-X-ENDLIST
`;
const at = (clock: string) => new Date(`2026-05-20T${clock}+08:00`);

describe('parsePlaylist', () => {
  it('reads segments, their start in player time, their dates and discontinuities', () => {
    const segments = parsePlaylist(PLAYLIST);
    expect(segments.map((s) => [s.uri, s.startSeconds, s.discontinuity])).toEqual([
      ['seg-00000.ts', 0, false],
      ['seg-00001.ts', 0.5, false],
      ['seg-00002.ts', 2.5, false],
      ['seg-00003.ts', 4.5, true],
      ['seg-00004.ts', 6.5, false],
    ]);
    // A segment without its own date follows the previous one's.
    expect(segments[2]!.programDateTime).toEqual(at('10:00:02.500'));
  });

  it('maps wall-clock moments to playlist seconds, a reconnect gap to the start of the show resuming', () => {
    const segments = parsePlaylist(PLAYLIST);
    expect(playlistSecondsAt(segments, at('09:59:00'))).toBe(0);
    expect(playlistSecondsAt(segments, at('10:00:01.500'))).toBe(1.5);
    expect(playlistSecondsAt(segments, at('10:00:20'))).toBe(4.5);
    expect(playlistSecondsAt(segments, at('10:00:35'))).toBe(5);
    expect(playlistSecondsAt(segments, at('11:00:00'))).toBe(8.5);
    expect(playlistSecondsAt(parsePlaylist('#EXTM3U\n#EXTINF:2,\na.ts\n'), at('10:00:00'))).toBeNull();
  });
});

describe('buildChapters', () => {
  it('puts each answered question where its answer began in the replay, in playlist order', () => {
    const chapters = buildChapters(
      [
        { id: 'b', body: '第二个问题', answerStartedAt: at('10:00:35.000') },
        { id: 'a', body: '  第一个\n问题 ', answerStartedAt: at('10:00:01.250') },
      ],
      parsePlaylist(PLAYLIST),
    );
    expect(chapters).toEqual([
      { questionId: 'a', title: '第一个 问题', startSeconds: 1.3 },
      { questionId: 'b', title: '第二个问题', startSeconds: 5 },
    ]);
  });

  it('gives no chapters for a playlist without dates or without questions', () => {
    expect(buildChapters([], parsePlaylist(PLAYLIST))).toEqual([]);
    expect(buildChapters([{ id: 'a', body: 'x', answerStartedAt: at('10:00:00') }], [])).toEqual([]);
  });

  it('cuts long titles by characters, not bytes', () => {
    const long = '问'.repeat(CHAPTER_TITLE_MAX + 5);
    expect([...chapterTitle(long)]).toHaveLength(CHAPTER_TITLE_MAX);
    expect(chapterTitle(long).endsWith('…')).toBe(true);
  });
});
