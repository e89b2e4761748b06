import type { RecordingPart, RecordingSource } from './types.js';

/** A part placed on its recording's timeline: the parts joined in start order, without the gaps between them. */
export interface TimelinePart {
  part: RecordingPart;
  /** Where the part starts on the timeline, in seconds. */
  offsetSeconds: number;
  durationSeconds: number;
}

/** A piece of one part file that a range of the timeline covers: seconds from the start of that file. */
export interface TimelinePiece {
  part: RecordingPart;
  fromSeconds: number;
  toSeconds: number;
}

export function sameSource(a: RecordingSource, b: RecordingSource): boolean {
  return a.kind === b.kind && (a.cameraId ?? null) === (b.cameraId ?? null);
}

/**
 * One source's timeline: its complete parts with a duration, in start order. A part still being written, or one
 * that failed, is not on it (it has no known length, or nothing to play).
 */
export function buildTimeline(parts: readonly RecordingPart[], source: RecordingSource): TimelinePart[] {
  const playable = parts
    .filter((p) => sameSource(p, source) && p.status === 'complete' && p.durationSeconds !== null && p.durationSeconds > 0)
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  let offset = 0;
  return playable.map((part) => {
    const placed = { part, offsetSeconds: offset, durationSeconds: part.durationSeconds! };
    offset += part.durationSeconds!;
    return placed;
  });
}

export function timelineDuration(timeline: readonly TimelinePart[]): number {
  const last = timeline[timeline.length - 1];
  return last ? last.offsetSeconds + last.durationSeconds : 0;
}

/** The pieces of part files that [inSeconds, outSeconds) of the timeline covers, in order; [] outside it. */
export function piecesFor(timeline: readonly TimelinePart[], inSeconds: number, outSeconds: number): TimelinePiece[] {
  const pieces: TimelinePiece[] = [];
  for (const placed of timeline) {
    const start = Math.max(inSeconds, placed.offsetSeconds);
    const end = Math.min(outSeconds, placed.offsetSeconds + placed.durationSeconds);
    // Slivers under a millisecond are rounding, not media.
    if (end - start < 0.001) continue;
    pieces.push({ part: placed.part, fromSeconds: start - placed.offsetSeconds, toSeconds: end - placed.offsetSeconds });
  }
  return pieces;
}
