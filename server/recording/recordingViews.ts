import { buildTimeline, sameSource, timelineDuration } from '../domain/recording/timeline.js';
import type { RecordingPart, RecordingSource } from '../domain/recording/types.js';

/** A recording as the console shows it: one source's parts and its joined timeline. */
export interface RecordingView extends RecordingSource {
  /** `program` or `camera-<cameraId>`: names the source in URLs. */
  sourceId: string;
  /** The camera's name; 导播画面 for the program is the console's to say. */
  name: string | null;
  /** Length of the joined timeline (complete parts). */
  durationSeconds: number;
  bytes: number;
  /** True while a part is being written (the show is on air). */
  recording: boolean;
  parts: {
    id: string;
    status: RecordingPart['status'];
    startedAt: string;
    endedAt: string | null;
    /** Where the part starts on the timeline; null when it is not on it (being written, or failed). */
    offsetSeconds: number | null;
    durationSeconds: number | null;
    bytes: number;
    recovered: boolean;
    videoCodec: string | null;
    width: number | null;
    height: number | null;
    hasAudio: boolean | null;
    error: string | null;
  }[];
}

export function sourceId(source: RecordingSource): string {
  return source.kind === 'program' ? 'program' : `camera-${source.cameraId}`;
}

/** `program` or `camera-<uuid>` back to a source; null for anything else. */
export function parseSourceId(id: string): RecordingSource | null {
  if (id === 'program') return { kind: 'program', cameraId: null };
  const match = /^camera-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(id);
  return match ? { kind: 'camera', cameraId: match[1]!.toLowerCase() } : null;
}

/** The interview's recordings, the program first, then the cameras by name. */
export function recordingViews(parts: readonly RecordingPart[], cameraNames: ReadonlyMap<string, string>): RecordingView[] {
  const sources: RecordingSource[] = [];
  for (const part of parts) if (!sources.some((s) => sameSource(s, part))) sources.push({ kind: part.kind, cameraId: part.cameraId });
  const views = sources.map((source): RecordingView => {
    const own = parts.filter((p) => sameSource(p, source));
    const timeline = buildTimeline(own, source);
    return {
      ...source,
      sourceId: sourceId(source),
      name: source.cameraId === null ? null : (cameraNames.get(source.cameraId) ?? null),
      durationSeconds: timelineDuration(timeline),
      bytes: own.reduce((sum, p) => sum + p.bytes, 0),
      recording: own.some((p) => p.status === 'recording'),
      parts: own.map((p) => ({
        id: p.id,
        status: p.status,
        startedAt: p.startedAt.toISOString(),
        endedAt: p.endedAt?.toISOString() ?? null,
        offsetSeconds: timeline.find((t) => t.part.id === p.id)?.offsetSeconds ?? null,
        durationSeconds: p.durationSeconds,
        bytes: p.bytes,
        recovered: p.recovered,
        videoCodec: p.videoCodec,
        width: p.width,
        height: p.height,
        hasAudio: p.hasAudio,
        error: p.error,
      })),
    };
  });
  return views.sort((a, b) => (a.kind === b.kind ? (a.name ?? '').localeCompare(b.name ?? '') : a.kind === 'program' ? -1 : 1));
}
