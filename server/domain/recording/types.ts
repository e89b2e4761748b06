/**
 * Recordings and clips as plain data (issue 5). A source is the program or one camera's ISO feed; a recording is
 * every part of one source, joined in start order into one timeline.
 */

export type SourceKind = 'program' | 'camera';

/** Which recording: the program, or one camera's. */
export interface RecordingSource {
  kind: SourceKind;
  /** Set for kind 'camera', null for the program. */
  cameraId: string | null;
}

/** recording → complete (stopped, or recovered after a crash) | failed (nothing playable was written). */
export type RecordingPartStatus = 'recording' | 'complete' | 'failed';

export interface RecordingPart extends RecordingSource {
  id: string;
  interviewId: string;
  /** Relative to the data directory, e.g. interviews/<id>/recordings/program-20261128T101500Z.mkv. */
  path: string;
  status: RecordingPartStatus;
  startedAt: Date;
  endedAt: Date | null;
  /** From ffprobe once the part is complete. */
  durationSeconds: number | null;
  bytes: number;
  videoCodec: string | null;
  hasAudio: boolean | null;
  width: number | null;
  height: number | null;
  /** True when the part was finalised after a crash (its last second may be missing). */
  recovered: boolean;
  error: string | null;
}

export interface Clip extends RecordingSource {
  id: string;
  interviewId: string;
  title: string;
  /** Seconds on the recording's timeline (its parts joined). */
  inSeconds: number;
  outSeconds: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** fast: stream copy, cut on keyframes; exact: re-encoded, frame-accurate. */
export type ExportMode = 'fast' | 'exact';

export type ExportJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** One export of a clip; the clip's source and points are copied in, so editing the clip later changes no job. */
export interface ExportJob extends RecordingSource {
  id: string;
  clipId: string;
  interviewId: string;
  mode: ExportMode;
  inSeconds: number;
  outSeconds: number;
  status: ExportJobStatus;
  /** 0–100. */
  progress: number;
  attempts: number;
  /** Relative to the data directory, once done. */
  outputPath: string | null;
  bytes: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  createdBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}
