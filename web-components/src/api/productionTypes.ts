/** What the console reads from the live-production API (mirrors server/http/productionRouter.ts). */

export interface CameraMediaStatus {
  cameraId: string;
  name: string;
  connected: boolean;
  codec: string | null;
  width: number | null;
  height: number | null;
  bitrateKbps: number | null;
  packetLossPercent: number | null;
  lastKeyframeAt: string | null;
}

/** GET /api/interviews/:id/media-status (C2). */
export interface MediaStatus {
  onAir: boolean;
  liveSince: string | null;
  programCameraId: string | null;
  pendingCameraId: string | null;
  audioCameraId: string | null;
  cameras: CameraMediaStatus[];
  hls: { segmentAgeSeconds: number | null };
  recording: { bytes: number };
  disk: { freeBytes: number; warning: boolean };
  overlays: ProgramOverlays;
}

/** What is drawn over the program; PUT /api/interviews/:id/overlays takes and answers it. */
export interface ProgramOverlays {
  lowerThird: { name: string; position: string } | null;
  logo: boolean;
  liveBadge: boolean;
}

/** PUT /api/interviews/:id/program: the answer. */
export interface ProgramChange {
  programCameraId: string | null;
  pendingCameraId: string | null;
  audioCameraId: string | null;
  /** From the request to the cut (the camera's keyframe), or null if it had not landed within a few seconds. */
  switchMs: number | null;
}
