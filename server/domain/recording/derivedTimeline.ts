import type { TimelinePart } from './timeline.js';

/** A part's thumbnail placed on its recording's joined timeline. */
export interface TimelineThumbnail {
  seconds: number;
  partId: string;
  index: number;
}

/**
 * Every part's thumbnails on the joined timeline: thumbnail k of a part shows it at k × interval from its start.
 * `counts` says how many each part has (a part without any, e.g. no picture, adds none).
 */
export function thumbnailsOnTimeline(
  timeline: readonly TimelinePart[],
  counts: ReadonlyMap<string, number>,
  intervalSeconds: number,
): TimelineThumbnail[] {
  return timeline.flatMap((placed) =>
    Array.from({ length: counts.get(placed.part.id) ?? 0 }, (_, index) => ({
      seconds: Math.round((placed.offsetSeconds + index * intervalSeconds) * 1000) / 1000,
      partId: placed.part.id,
      index,
    })).filter((t) => t.index === 0 || t.seconds < placed.offsetSeconds + placed.durationSeconds),
  );
}

/**
 * The parts' sound peaks (one per window) joined like the timeline: each part contributes exactly
 * round(duration / window) values, cut or padded with silence (0) where its sound is shorter or longer than its
 * picture, so peak i is always at i × window on the timeline.
 */
export function peaksOnTimeline(timeline: readonly TimelinePart[], peaks: ReadonlyMap<string, readonly number[]>, windowSeconds: number): number[] {
  return timeline.flatMap((placed) => {
    const own = peaks.get(placed.part.id) ?? [];
    return Array.from({ length: Math.round(placed.durationSeconds / windowSeconds) }, (_, i) => own[i] ?? 0);
  });
}
