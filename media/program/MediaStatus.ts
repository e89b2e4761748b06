/** One camera's feed as the media node sees it (C2 in the helpers' contracts; the server adds the name). */
export interface CameraMediaStatus {
  cameraId: string;
  connected: boolean;
  /** The video codec's name, e.g. "H264" or "VP8". */
  codec: string | null;
  width: number | null;
  height: number | null;
  /** Audio and video together, as received by the server. */
  bitrateKbps: number | null;
  /** Loss the receiver saw in its last report interval. */
  packetLossPercent: number | null;
  /** Keyframe requests (RTCP PLI and FIR) the server sent the camera since its session began. */
  keyframeRequests: number | null;
  lastKeyframeAt: string | null;
}

/** An interview's media state for the director's status bar. */
export interface MediaStatus {
  onAir: boolean;
  liveSince: string | null;
  /** The camera whose picture is on the program. */
  programCameraId: string | null;
  /** The camera a cut is armed for, waiting for its keyframe. */
  pendingCameraId: string | null;
  /** Whose microphone the program carries when it stays on one camera; null when audio follows the picture. */
  audioCameraId: string | null;
  /** Cameras publishing now; the server adds the configured ones that are not. */
  cameras: CameraMediaStatus[];
  hls: { segmentAgeSeconds: number | null };
  recording: { bytes: number };
  disk: { freeBytes: number };
}
