/** A camera slot of an interview: one WHIP publisher (browser studio page, OBS or a hardware encoder). */
export interface Camera {
  id: string;
  interviewId: string;
  name: string;
  createdAt: Date;
  /** Set when staff removed the camera; its tokens stop working. */
  revokedAt: Date | null;
}

/** Who a valid camera or studio token speaks for. */
export interface CameraIdentity {
  cameraId: string;
  interviewId: string;
}
