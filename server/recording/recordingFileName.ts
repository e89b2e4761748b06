import type { RecordingSource } from '../domain/recording/types.js';

const NAME = /^(?:program|camera-([0-9a-f-]{36}))-(\d{8}T\d{6})(\.\d{1,3})?Z\.(mkv|mp4)$/i;

/**
 * The source and start time a recording part's file name carries (`program-<UTC>.mkv`,
 * `camera-<cameraId>-<UTC>.mkv`), for parts the database never heard of (the server died before it could write the
 * row); null for any other file.
 */
export function parseRecordingFileName(name: string): (RecordingSource & { startedAt: Date }) | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, cameraId, stamp, fraction] = match;
  const iso = `${stamp!.slice(0, 4)}-${stamp!.slice(4, 6)}-${stamp!.slice(6, 8)}T${stamp!.slice(9, 11)}:${stamp!.slice(11, 13)}:${stamp!.slice(13, 15)}${fraction ?? ''}Z`;
  const startedAt = new Date(iso);
  if (Number.isNaN(startedAt.getTime())) return null;
  return { kind: cameraId ? 'camera' : 'program', cameraId: cameraId ?? null, startedAt };
}
