import type { FinalisedRecording } from './finaliseRecording.js';

/**
 * A recording part began or ended. `path` is absolute. An ended part carries what finalising it found (see
 * finaliseRecording); `crashed` says FFmpeg died rather than being stopped.
 */
export type RecordingPartEvent =
  | { phase: 'started'; kind: 'program' | 'camera'; cameraId: string | null; path: string; at: Date }
  | ({ phase: 'ended'; kind: 'program' | 'camera'; cameraId: string | null; path: string; at: Date; crashed: boolean } & FinalisedRecording);
