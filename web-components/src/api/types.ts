// Public shapes of the server's JSON API, shared by the elements and the console.
// The web components talk to the server only over HTTP, so these mirror the wire format.

/** 草稿 → 已发布预告 → 直播中 → 已结束 → 回顾已发布; portals never see a draft (it answers 404). */
export type InterviewStatus = 'draft' | 'scheduled' | 'live' | 'ended' | 'replay';

/** The host or a guest as announced (嘉宾介绍). */
export interface Person {
  name: string;
  position: string;
  bio: string | null;
  /** The portrait (a re-encoded JPEG on the server), or null. */
  photoUrl: string | null;
}

/** A guest (嘉宾) is announced like any person. */
export type Guest = Person;

/** GET /api/public/interviews/:id, and each item of GET /api/interviews. */
export interface Interview {
  id: string;
  title: string;
  topic: string | null;
  department: string | null;
  /** 背景介绍. */
  background: string | null;
  /** ISO 8601 instant, or null while the time is not fixed. */
  startsAt: string | null;
  /** The planned end (ISO 8601), or null. */
  endsAt: string | null;
  status: InterviewStatus;
  host: Person | null;
  guests: Person[];
  /** HLS playlist: live while status is "live", the closed recording once "ended" or "replay"; null when none. */
  hlsUrl: string | null;
  pageUrl: string;
}

/** A person as the console sends them: `photo` is a file name from POST /api/interviews/:id/portraits. */
export interface PersonInput {
  name: string;
  position?: string;
  bio?: string | null;
  photo?: string | null;
}

/** Body of PUT /api/interviews/:id (all of the details; the guests in announcement order). */
export interface InterviewDetails {
  title: string;
  topic?: string | null;
  department?: string | null;
  background?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  host?: PersonInput | null;
  guests?: PersonInput[];
}

/** Body of POST /api/interviews: the console creates drafts; the API's default is 'scheduled' (announced at once). */
export interface NewInterview extends InterviewDetails {
  status?: 'draft' | 'scheduled';
}

/** A person as the console edits them. */
export interface StaffPerson extends Person {
  photo: string | null;
}

/** Item of GET /api/interviews and GET /api/interviews/:id: the public view plus what staff need. */
export interface StaffInterview extends Interview {
  host: StaffPerson | null;
  guests: StaffPerson[];
  createdAt: string;
  updatedAt: string;
  liveAt: string | null;
  endedAt: string | null;
  /** The statuses staff may move it to now. */
  nextStatuses: InterviewStatus[];
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
