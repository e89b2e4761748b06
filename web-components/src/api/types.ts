// Public shapes of the server's JSON API, shared by the elements and the console.
// The web components talk to the server only over HTTP, so these mirror the wire format.

export type InterviewStatus = 'scheduled' | 'live' | 'ended';

export interface Guest {
  name: string;
  position: string;
}

/** GET /api/public/interviews/:id, and each item of GET /api/interviews. */
export interface Interview {
  id: string;
  title: string;
  topic: string | null;
  department: string | null;
  /** ISO 8601 instant, or null while the time is not fixed. */
  startsAt: string | null;
  status: InterviewStatus;
  guests: Guest[];
  /** HLS playlist: live while status is "live", the closed recording once "ended"; null when none. */
  hlsUrl: string | null;
  pageUrl: string;
}

/** Body of POST /api/interviews. */
export interface NewInterview {
  title: string;
  topic?: string;
  department?: string;
  startsAt?: string;
  guests?: Guest[];
}

/** Item of GET /api/interviews/:id/cameras. */
export interface Camera {
  id: string;
  name: string;
  whipUrl: string;
  createdAt: string;
  live: boolean;
}

/** Answer of POST /api/interviews/:id/cameras: the only time the token is shown. */
export interface CreatedCamera {
  id: string;
  name: string;
  whipUrl: string;
  token: string;
}

/** Answer of POST /api/cameras/:cameraId/studio-token: a short-lived publish token for staff. */
export interface StudioToken {
  whipUrl: string;
  token: string;
  expiresAt: string;
}

export interface User {
  id: string;
  username: string;
  role: string;
}

/** The server's error body for every non-2xx JSON answer. */
export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}
