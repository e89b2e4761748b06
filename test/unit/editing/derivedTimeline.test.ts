import { describe, expect, it } from 'vitest';
import { peaksOnTimeline, thumbnailsOnTimeline } from '../../../server/domain/recording/derivedTimeline.js';
import type { TimelinePart } from '../../../server/domain/recording/timeline.js';
import type { RecordingPart } from '../../../server/domain/recording/types.js';

const placed = (id: string, offsetSeconds: number, durationSeconds: number): TimelinePart => ({
  part: { id } as RecordingPart,
  offsetSeconds,
  durationSeconds,
});

describe('thumbnails on the joined timeline', () => {
  it('places each part\'s thumbnails from its offset, one per interval, never past its end', () => {
    const timeline = [placed('a', 0, 12.3), placed('b', 12.3, 4)];
    const thumbnails = thumbnailsOnTimeline(timeline, new Map([['a', 3], ['b', 2]]), 5);
    expect(thumbnails).toEqual([
      { seconds: 0, partId: 'a', index: 0 },
      { seconds: 5, partId: 'a', index: 1 },
      { seconds: 10, partId: 'a', index: 2 },
      { seconds: 12.3, partId: 'b', index: 0 },
    ]);
  });

  it('a part without pictures adds none', () => {
    expect(thumbnailsOnTimeline([placed('a', 0, 10)], new Map(), 5)).toEqual([]);
  });
});

describe('sound peaks on the joined timeline', () => {
  it('gives each part exactly duration / window values: cut when its sound is longer, silence where shorter', () => {
    const timeline = [placed('a', 0, 0.3), placed('b', 0.3, 0.4), placed('c', 0.7, 0.2)];
    const peaks = new Map([
      ['a', [0.5, 0.6, 0.7, 0.8]],
      ['b', [0.1]],
    ]);
    expect(peaksOnTimeline(timeline, peaks, 0.1)).toEqual([0.5, 0.6, 0.7, 0.1, 0, 0, 0, 0, 0]);
  });
});
