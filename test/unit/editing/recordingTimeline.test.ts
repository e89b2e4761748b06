import { describe, expect, it } from 'vitest';
import { buildTimeline, piecesFor, timelineDuration } from '../../../server/domain/recording/timeline.js';
import type { RecordingPart } from '../../../server/domain/recording/types.js';
import { parseSourceId, recordingViews, sourceId } from '../../../server/recording/recordingViews.js';
import { parseRecordingFileName } from '../../../server/recording/recordingFileName.js';

const CAMERA = '0b6f7a52-6c1e-4a8e-9a55-1c2d3e4f5a6b';
let n = 0;
function part(overrides: Partial<RecordingPart>): RecordingPart {
  n++;
  return {
    id: `p${n}`,
    interviewId: 'i',
    kind: 'program',
    cameraId: null,
    path: `interviews/i/recordings/p${n}.mkv`,
    status: 'complete',
    startedAt: new Date(Date.UTC(2026, 4, 20, 2, 0, n)),
    endedAt: null,
    durationSeconds: 10,
    bytes: 100,
    videoCodec: 'h264',
    hasAudio: true,
    width: 1280,
    height: 720,
    recovered: false,
    error: null,
    ...overrides,
  };
}

describe('recording timeline', () => {
  const parts = [
    part({ durationSeconds: 20, startedAt: new Date('2026-05-20T02:10:00Z') }),
    part({ durationSeconds: 10, startedAt: new Date('2026-05-20T02:00:00Z') }),
    part({ status: 'recording', durationSeconds: null, startedAt: new Date('2026-05-20T02:20:00Z') }),
    part({ kind: 'camera', cameraId: CAMERA, durationSeconds: 30 }),
  ];

  it('joins one source\'s complete parts in start order, without the gaps between them', () => {
    const timeline = buildTimeline(parts, { kind: 'program', cameraId: null });
    expect(timeline.map((t) => [t.part.id, t.offsetSeconds])).toEqual([
      [parts[1]!.id, 0],
      [parts[0]!.id, 10],
    ]);
    expect(timelineDuration(timeline)).toBe(30);
  });

  it('splits a range across parts into pieces of files', () => {
    const timeline = buildTimeline(parts, { kind: 'program', cameraId: null });
    expect(piecesFor(timeline, 5, 15).map((p) => [p.part.id, p.fromSeconds, p.toSeconds])).toEqual([
      [parts[1]!.id, 5, 10],
      [parts[0]!.id, 0, 5],
    ]);
    expect(piecesFor(timeline, 12, 14).map((p) => [p.fromSeconds, p.toSeconds])).toEqual([[2, 4]]);
    expect(piecesFor(timeline, 40, 50)).toEqual([]);
  });

  it('lists the program first, a source still recording, and names sources for URLs', () => {
    const views = recordingViews(parts, new Map([[CAMERA, '嘉宾机位']]));
    expect(views.map((v) => [v.sourceId, v.name, v.durationSeconds, v.recording])).toEqual([
      ['program', null, 30, true],
      [`camera-${CAMERA}`, '嘉宾机位', 30, false],
    ]);
    expect(views[0]!.parts.find((p) => p.status === 'recording')!.offsetSeconds).toBeNull();
    expect(parseSourceId(sourceId({ kind: 'camera', cameraId: CAMERA }))).toEqual({ kind: 'camera', cameraId: CAMERA });
    expect(parseSourceId('program')).toEqual({ kind: 'program', cameraId: null });
    expect(parseSourceId('camera-x')).toBeNull();
  });

  it('reads the source and start time from a part\'s file name', () => {
    expect(parseRecordingFileName('program-20261128T101500Z.mkv')).toEqual({
      kind: 'program',
      cameraId: null,
      startedAt: new Date('2026-11-28T10:15:00Z'),
    });
    expect(parseRecordingFileName(`camera-${CAMERA}-20261128T101500.250Z.mkv`)).toEqual({
      kind: 'camera',
      cameraId: CAMERA,
      startedAt: new Date('2026-11-28T10:15:00.250Z'),
    });
    expect(parseRecordingFileName('program-20261128T101500Z.repair.mkv')).toBeNull();
    expect(parseRecordingFileName('notes.txt')).toBeNull();
  });
});
