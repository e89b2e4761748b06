import { z } from 'zod';
import { EDITING_API_ROUTES } from './editingApiRoutes.js';
import { PLAN_API_ROUTES } from './planApiRoutes.js';
import { loginBody } from '../authRouter.js';
import { interviewDetailsBody, newCameraBody, newInterviewBody, statusBody } from '../interviewsRouter.js';
import { memberBody } from '../membersRouter.js';
import { overlaysBody, programBody } from '../productionRouter.js';
import { askBody } from '../qaPublicRouter.js';
import { banBody, newPostBody, postActionBody, questionActionBody, reviewSettingsBody } from '../qaStaffRouter.js';
import {
  answeringClearedSchema, auditEntrySchema, banSchema, memberSchema, myQuestionSchema, publicQaSchema, reviewSettingsSchema,
  staffPostSchema, staffQaSchema, staffQuestionSchema, uploadedImageSchema,
} from './qaResponseSchemas.js';
import { followUpActionBody, followUpAnswerBody, transcriptActionBody, transcriptEditBody } from '../recordsStaffRouter.js';

export const API_TAGS = {
  auth: 'Logging in and out of the console',
  interviews: 'Interviews and their cameras (staff)',
  cameras: 'Camera tokens (staff)',
  public: 'What any portal may read without logging in',
  questions: "Netizens' and moderators' questions",
  posts: 'Host and guest posts (图文直播) and their pictures',
  moderation: 'Screening, review settings, bans and the audit log',
  members: "Who moderates, hosts, guests and reviews each interview",
  production: 'Live production: the director\'s status, program switcher, overlays, WHEP monitoring (staff)',
  whip: 'WHIP ingest (RFC 9725) for cameras and the browser studio',
  whep: "WHEP playback (draft-ietf-wish-whep) of cameras and the program for the director's monitors (staff)",
  media: 'HLS playback files and post pictures',
  editing: 'After the show: recordings, replay chapters, clips and their exports (staff)',
  records: 'After the show: transcript (文字实录), follow-ups (会后答复), statistics',
  organisations: 'Units (镇, 部门, 直属机构), console accounts and their roles',
  proposals: "Units' proposals (意见建议征集表), the office's review and reminders",
  plan: 'The yearly plan (访谈计划表), scheduling and preparation checklists',
  operations: 'Health probes and Prometheus metrics for the operators (docs/observability.md)',
} as const;

export type ApiTag = keyof typeof API_TAGS;

/** none: anyone; session: the console's `oi_session` cookie; bearer: a camera or studio token (WHIP). */
export type ApiAuth = 'none' | 'session' | 'bearer';

/** The status each error code is answered with; a route lists the codes, the document groups them by status. */
export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_json: 400,
  image_type_mismatch: 400,
  image_too_many_pixels: 400,
  image_unreadable: 400,
  sdp_missing: 400,
  sdp_unsupported: 400,
  invalid_fragment: 400,
  invalid_body: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  unauthorized: 401,
  forbidden: 403,
  forbidden_origin: 403,
  banned: 403,
  not_found: 404,
  organisation_exists: 409,
  username_taken: 409,
  proposal_not_editable: 409,
  proposal_not_submitted: 409,
  plan_row_scheduled: 409,
  mail_not_failed: 409,
  mail_not_configured: 409,
  plan_import_rejected: 422,
  session_not_found: 404,
  invalid_status_transition: 409,
  not_live: 409,
  camera_not_live: 409,
  codec_mismatch: 409,
  logo_not_configured: 409,
  questions_closed: 409,
  question_not_pending: 409,
  question_not_approved: 409,
  question_final: 409,
  question_not_found: 409,
  merge_into_self: 409,
  merge_other_interview: 409,
  merge_target_unavailable: 409,
  post_not_pending: 409,
  show_not_over: 409,
  transcript_not_built: 409,
  transcript_not_draft: 409,
  transcript_empty: 409,
  transcript_not_approved: 409,
  nothing_to_unpublish: 409,
  unknown_image: 409,
  follow_up_published: 409,
  follow_up_not_answered: 409,
  transcript_not_published: 404,
  etag_mismatch: 412,
  payload_too_large: 413,
  image_too_large: 413,
  body_too_large: 413,
  unsupported_media_type: 415,
  unsupported_image_type: 415,
  precondition_required: 428,
  clip_out_of_range: 400,
  fast_mode_unavailable: 409,
  export_not_done: 409,
  export_finished: 409,
  recording_empty: 409,
  rate_limited: 429,
  login_locked: 429,
  login_rate_limited: 429,
  publisher_limit: 503,
  shutting_down: 503,
  database_unavailable: 503,
  storage_read_only: 503,
  storage_full: 507,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete' | 'options';
  /** The full path in OpenAPI form, `/api/interviews/{id}/…`; the names are the express parameter names. */
  path: string;
  tag: ApiTag;
  summary: string;
  auth: ApiAuth;
  /** The schema the router validates the JSON body with (the same object, imported from the router). */
  body?: z.ZodType;
  /** A body that is not JSON (a picture, an SDP offer): its content types. */
  rawBody?: { contentTypes: string[]; description: string };
  /** The netizen's device token, sent as `X-Device-Token`. */
  deviceToken?: true;
  /** `schema`: the JSON answer's zod schema, where the server has one (the Q&A's, see qaResponseSchemas.ts). */
  success: { status: number; description: string; contentType?: string; schema?: z.ZodType };
  errors: ErrorCode[];
}

// The /api chain's checks: writes come from the server's own pages, bodies are JSON of at most 100 kB.
const ownOriginWrite: ErrorCode[] = ['forbidden_origin'];
const jsonBody: ErrorCode[] = ['forbidden_origin', 'unsupported_media_type', 'invalid_json', 'payload_too_large', 'invalid_request'];
const staff: ErrorCode[] = ['unauthenticated', 'not_found'];
const qaStaff: ErrorCode[] = ['unauthenticated', 'forbidden', 'not_found'];
const publicJsonBody: ErrorCode[] = ['unsupported_media_type', 'invalid_json', 'payload_too_large', 'invalid_request'];
const whip: ErrorCode[] = ['unauthorized', 'shutting_down'];
const whep: ErrorCode[] = ['unauthenticated', 'forbidden_origin'];
const whepOffer: ErrorCode[] = [
  ...whep, 'not_found', 'not_live', 'unsupported_media_type', 'sdp_missing', 'sdp_unsupported', 'invalid_body', 'body_too_large', 'shutting_down',
];

/** Every route the server mounts, except the HTML pages and their assets; the integration test holds the app to this list. */
export const API_ROUTES: ApiRoute[] = [
  // auth
  {
    method: 'post', path: '/api/auth/login', tag: 'auth', auth: 'none', summary: 'Log in; sets the session cookie', body: loginBody,
    success: { status: 200, description: '`{ user: { id, username, role } }` and the `oi_session` cookie' },
    errors: [...jsonBody, 'invalid_credentials', 'login_locked', 'login_rate_limited'],
  },
  {
    method: 'post', path: '/api/auth/logout', tag: 'auth', auth: 'none', summary: 'Log out; ends the session and clears the cookie',
    success: { status: 204, description: 'Logged out (also when there was no session)' },
    errors: ownOriginWrite,
  },
  {
    method: 'get', path: '/api/auth/me', tag: 'auth', auth: 'session', summary: 'The logged-in user',
    success: { status: 200, description: '`{ user: { id, username, role } }`' },
    errors: ['unauthenticated'],
  },

  // interviews
  {
    method: 'get', path: '/api/interviews', tag: 'interviews', auth: 'session', summary: 'List the interviews',
    success: { status: 200, description: 'The interviews, staff view' },
    errors: ['unauthenticated'],
  },
  {
    method: 'post', path: '/api/interviews', tag: 'interviews', auth: 'session', summary: 'Create an interview', body: newInterviewBody,
    success: { status: 201, description: 'The new interview, staff view' },
    errors: ['unauthenticated', ...jsonBody],
  },
  {
    method: 'get', path: '/api/interviews/{id}', tag: 'interviews', auth: 'session', summary: 'One interview',
    success: { status: 200, description: 'The interview, staff view' },
    errors: staff,
  },
  {
    method: 'put', path: '/api/interviews/{id}', tag: 'interviews', auth: 'session',
    summary: 'Edit the details: title, topic, department, times, background, host and guests (in order)', body: interviewDetailsBody,
    success: { status: 200, description: 'The edited interview, staff view' },
    errors: [...staff, ...jsonBody],
  },
  {
    method: 'post', path: '/api/interviews/{id}/status', tag: 'interviews', auth: 'session',
    summary: 'Move the interview: announce, withdraw, go live, end (or call off), publish or withdraw the replay', body: statusBody,
    success: { status: 200, description: 'The interview in its new status, staff view (`nextStatuses` lists the moves allowed next)' },
    errors: [...staff, ...jsonBody, 'invalid_status_transition'],
  },
  {
    method: 'post', path: '/api/interviews/{id}/portraits', tag: 'interviews', auth: 'session',
    summary: "Upload a host's or guest's photo (re-encoded as JPEG, metadata stripped)",
    rawBody: { contentTypes: ['image/jpeg', 'image/png', 'image/webp'], description: 'The photo itself, at most 10 MB and 40 MP' },
    success: { status: 201, description: '`{ photo, photoUrl, width, height, bytes }`; put `photo` in the person' },
    errors: [
      ...staff, 'forbidden_origin', 'unsupported_image_type', 'image_too_large', 'image_type_mismatch', 'image_too_many_pixels',
      'image_unreadable', 'storage_full', 'storage_read_only',
    ],
  },
  {
    method: 'post', path: '/api/preflight/upload', tag: 'interviews', auth: 'session',
    summary: "The studio's upload bandwidth probe: random bytes, read and discarded",
    rawBody: { contentTypes: ['application/octet-stream'], description: 'About 2 MB of random bytes, at most 4 MB' },
    success: { status: 200, description: '`{ bytes, receiveMs }`' },
    errors: ['unauthenticated', 'forbidden_origin', 'payload_too_large'],
  },
  {
    method: 'post', path: '/api/interviews/{id}/end', tag: 'interviews', auth: 'session',
    summary: 'End the interview: close the playlist, finalise the recordings',
    success: { status: 200, description: 'The ended interview, staff view' },
    errors: [...staff, ...ownOriginWrite, 'invalid_status_transition'],
  },
  {
    method: 'get', path: '/api/interviews/{id}/cameras', tag: 'interviews', auth: 'session', summary: "The interview's cameras",
    success: { status: 200, description: '`[{ id, name, whipUrl, createdAt, live }]`' },
    errors: staff,
  },
  {
    method: 'post', path: '/api/interviews/{id}/cameras', tag: 'interviews', auth: 'session', summary: 'Add a camera', body: newCameraBody,
    success: { status: 201, description: '`{ id, name, whipUrl, token }`; the token is shown only here' },
    errors: [...staff, ...jsonBody],
  },

  // production
  {
    method: 'get', path: '/api/interviews/{id}/media-status', tag: 'production', auth: 'session',
    summary: "The director's status bar: program, cameras, HLS freshness, recording size, disk space",
    success: {
      status: 200,
      description: '`{ onAir, liveSince, programCameraId, cameras: [{ cameraId, name, connected, codec, width, height, bitrateKbps, packetLossPercent, keyframeRequests, lastKeyframeAt }], hls: { segmentAgeSeconds }, recording: { bytes }, disk: { freeBytes, warning } }`',
    },
    errors: staff,
  },
  {
    method: 'put', path: '/api/interviews/{id}/program', tag: 'production', auth: 'session', body: programBody,
    summary: 'Cut the program to a camera (on its next keyframe) and/or choose whose microphone it carries',
    success: { status: 200, description: '`{ programCameraId, pendingCameraId, audioCameraId, switchMs }`' },
    errors: [...staff, ...jsonBody, 'not_live', 'camera_not_live', 'codec_mismatch'],
  },
  {
    method: 'put', path: '/api/interviews/{id}/overlays', tag: 'production', auth: 'session', body: overlaysBody,
    summary: 'Lower third (name, position), station logo and 直播 badge over the program; all off passes the camera through',
    success: { status: 200, description: '`{ lowerThird: { name, position } | null, logo, liveBadge }` as applied' },
    errors: [...staff, ...jsonBody, 'not_live', 'logo_not_configured'],
  },
  // cameras
  {
    method: 'post', path: '/api/cameras/{id}/token', tag: 'cameras', auth: 'session', summary: "Replace the camera's token",
    success: { status: 200, description: '`{ token }`; the old token stops working' },
    errors: [...staff, ...ownOriginWrite],
  },
  {
    method: 'delete', path: '/api/cameras/{id}', tag: 'cameras', auth: 'session', summary: 'Remove the camera and cut off its stream',
    success: { status: 204, description: 'Removed' },
    errors: [...staff, ...ownOriginWrite],
  },
  {
    method: 'post', path: '/api/cameras/{id}/studio-token', tag: 'cameras', auth: 'session',
    summary: 'A short-lived token for publishing from the browser studio',
    success: { status: 200, description: '`{ whipUrl, token, expiresAt }`' },
    errors: [...staff, ...ownOriginWrite],
  },

  // public
  {
    method: 'get', path: '/healthz', tag: 'operations', auth: 'none', summary: 'Liveness probe: answered while the event loop runs',
    success: { status: 200, description: '`{ ok: true }`' },
    errors: [],
  },
  {
    method: 'get', path: '/readyz', tag: 'operations', auth: 'none',
    summary: 'Readiness probe: the database answers, every mediasoup worker runs and answers, FFmpeg is still there; 503 names the failed check',
    success: { status: 200, description: '`{ ready, checks: { database, mediasoupWorkers, ffmpeg } }`, each `{ ok, message? }` (the message says what to do); 503 with the same body when a check fails' },
    errors: [],
  },
  {
    method: 'get', path: '/metrics', tag: 'operations', auth: 'none',
    summary: 'Prometheus metrics (text format); only a direct loopback connection, or anyone sending the setting metricsToken as a bearer token',
    success: { status: 200, description: 'Prometheus text exposition format 0.0.4' },
    errors: ['unauthorized', 'forbidden'],
  },
  {
    method: 'get', path: '/api/docs', tag: 'public', auth: 'none', summary: 'This document (OpenAPI 3.1)',
    success: { status: 200, description: 'The OpenAPI document' },
    errors: [],
  },
  {
    method: 'get', path: '/api/public/interviews', tag: 'public', auth: 'none',
    summary: "One year's public plan (`?year=YYYY`, China Standard Time, default this year; drafts left out), in programme order",
    success: { status: 200, description: '`{ year, interviews: [public view…] }`' },
    errors: ['invalid_request'],
  },
  {
    method: 'get', path: '/api/public/interviews/{id}', tag: 'public', auth: 'none', summary: 'One interview, public view (CORS for the listed portals)',
    success: { status: 200, description: 'The interview, public view' },
    errors: ['not_found'],
  },
  {
    method: 'get', path: '/api/public/interviews/{id}/qa', tag: 'public', auth: 'none', summary: 'The approved questions and posts',
    success: { status: 200, description: '`{ seq, questions, posts, answeringQuestionId, questionsOpen }`', schema: publicQaSchema },
    errors: ['not_found'],
  },

  // questions
  {
    method: 'post', path: '/api/public/interviews/{id}/questions', tag: 'questions', auth: 'none', deviceToken: true,
    summary: 'Ask a question', body: askBody,
    success: { status: 201, description: "The question, the asker's view (`MyQuestion`)", schema: myQuestionSchema },
    errors: [...publicJsonBody, 'not_found', 'banned', 'questions_closed', 'rate_limited'],
  },
  {
    method: 'get', path: '/api/public/interviews/{id}/my-questions', tag: 'questions', auth: 'none', deviceToken: true,
    summary: "This device's questions, all statuses",
    success: { status: 200, description: '`MyQuestion[]`', schema: z.array(myQuestionSchema) },
    errors: ['invalid_request', 'not_found'],
  },
  {
    method: 'delete', path: '/api/public/interviews/{id}/my-questions/{questionId}', tag: 'questions', auth: 'none', deviceToken: true,
    summary: "Withdraw one of this device's questions",
    success: { status: 200, description: 'The withdrawn question (`MyQuestion`)', schema: myQuestionSchema },
    errors: ['invalid_request', 'not_found', 'question_final'],
  },
  {
    method: 'post', path: '/api/interviews/{id}/questions/{questionId}/actions', tag: 'questions', auth: 'session',
    summary: 'Moderate, select, mark answering or answered', body: questionActionBody,
    success: { status: 200, description: '`StaffQuestion`', schema: staffQuestionSchema },
    errors: [
      ...qaStaff, ...jsonBody, 'question_not_pending', 'question_not_approved', 'question_final', 'question_not_found',
      'merge_into_self', 'merge_other_interview', 'merge_target_unavailable',
    ],
  },

  {
    method: 'delete', path: '/api/interviews/{id}/answering', tag: 'questions', auth: 'session',
    summary: 'Stop showing a question as being answered (正在回答), leaving it approved',
    success: { status: 200, description: '`{ answeringQuestionId: null }`, also when none was being answered', schema: answeringClearedSchema },
    errors: [...qaStaff, ...ownOriginWrite],
  },

  // posts
  {
    method: 'post', path: '/api/interviews/{id}/posts', tag: 'posts', auth: 'session', summary: 'Publish a host or guest post', body: newPostBody,
    success: { status: 201, description: '`StaffPost`', schema: staffPostSchema },
    errors: [...qaStaff, ...jsonBody, 'question_not_found'],
  },
  {
    method: 'post', path: '/api/interviews/{id}/posts/{postId}/actions', tag: 'posts', auth: 'session', summary: 'Approve or reject a post',
    body: postActionBody,
    success: { status: 200, description: '`StaffPost`', schema: staffPostSchema },
    errors: [...qaStaff, ...jsonBody, 'post_not_pending'],
  },
  {
    method: 'post', path: '/api/interviews/{id}/images', tag: 'posts', auth: 'session', summary: 'Upload a picture for a post',
    rawBody: { contentTypes: ['image/jpeg', 'image/png', 'image/webp'], description: 'The picture itself, at most 10 MB and 40 MP' },
    success: { status: 201, description: '`{ id, url, width, height, bytes, mimeType }`', schema: uploadedImageSchema },
    errors: [
      ...qaStaff, 'forbidden_origin', 'unsupported_image_type', 'image_too_large', 'image_type_mismatch', 'image_too_many_pixels',
      'image_unreadable', 'storage_full', 'storage_read_only',
    ],
  },

  // moderation
  {
    method: 'get', path: '/api/interviews/{id}/qa', tag: 'moderation', auth: 'session', summary: "The interview's Q&A as staff see it",
    success: { status: 200, description: '`{ seq, questions, posts, settings, me }`', schema: staffQaSchema },
    errors: qaStaff,
  },
  {
    method: 'get', path: '/api/interviews/{id}/review-settings', tag: 'moderation', auth: 'session', summary: 'The review settings',
    success: { status: 200, description: '`ReviewSettings`', schema: reviewSettingsSchema },
    errors: qaStaff,
  },
  {
    method: 'put', path: '/api/interviews/{id}/review-settings', tag: 'moderation', auth: 'session', summary: 'Change some review settings',
    body: reviewSettingsBody,
    success: { status: 200, description: '`ReviewSettings`', schema: reviewSettingsSchema },
    errors: [...qaStaff, ...jsonBody],
  },
  {
    method: 'get', path: '/api/interviews/{id}/audit', tag: 'moderation', auth: 'session', summary: 'The audit log, newest first',
    success: { status: 200, description: '`AuditEntry[]` (at most 1000)', schema: z.array(auditEntrySchema) },
    errors: qaStaff,
  },
  {
    method: 'get', path: '/api/interviews/{id}/bans', tag: 'moderation', auth: 'session', summary: 'The bans in force here',
    success: { status: 200, description: '`Ban[]`, newest first', schema: z.array(banSchema) },
    errors: qaStaff,
  },
  {
    method: 'post', path: '/api/interviews/{id}/bans', tag: 'moderation', auth: 'session', summary: "Ban a question's asker", body: banBody,
    success: { status: 201, description: '`Ban`', schema: banSchema },
    errors: [...qaStaff, ...jsonBody, 'question_not_found'],
  },
  {
    method: 'delete', path: '/api/interviews/{id}/bans/{banId}', tag: 'moderation', auth: 'session', summary: 'Lift a ban',
    success: { status: 204, description: 'Lifted' },
    errors: [...qaStaff, ...ownOriginWrite],
  },

  // members
  {
    method: 'get', path: '/api/interviews/{id}/members', tag: 'members', auth: 'session', summary: "The interview's members (admins)",
    success: { status: 200, description: '`Member[]`', schema: z.array(memberSchema) },
    errors: qaStaff,
  },
  {
    method: 'put', path: '/api/interviews/{id}/members/{userId}', tag: 'members', auth: 'session', summary: "Set a user's roles (admins)",
    body: memberBody,
    success: { status: 200, description: '`Member[]`', schema: z.array(memberSchema) },
    errors: [...qaStaff, ...jsonBody],
  },
  {
    method: 'delete', path: '/api/interviews/{id}/members/{userId}', tag: 'members', auth: 'session', summary: 'Remove a member (admins)',
    success: { status: 200, description: '`Member[]`', schema: z.array(memberSchema) },
    errors: [...qaStaff, ...ownOriginWrite],
  },

  // whip
  {
    method: 'options', path: '/whip/{cameraId}', tag: 'whip', auth: 'none', summary: 'CORS preflight; `Accept-Post: application/sdp`',
    success: { status: 204, description: 'No content' },
    errors: [],
  },
  {
    method: 'post', path: '/whip/{cameraId}', tag: 'whip', auth: 'bearer', summary: 'Publish: send the SDP offer, get the answer',
    rawBody: { contentTypes: ['application/sdp'], description: 'The SDP offer, at most 128 kB' },
    success: { status: 201, description: 'The SDP answer; `Location` names the session, `ETag` its ICE session', contentType: 'application/sdp' },
    errors: [...whip, 'unsupported_media_type', 'sdp_missing', 'sdp_unsupported', 'invalid_body', 'body_too_large', 'publisher_limit'],
  },
  {
    method: 'options', path: '/whip/{cameraId}/{sessionId}', tag: 'whip', auth: 'none',
    summary: 'CORS preflight; `Accept-Patch: application/trickle-ice-sdpfrag`',
    success: { status: 204, description: 'No content' },
    errors: [],
  },
  {
    method: 'patch', path: '/whip/{cameraId}/{sessionId}', tag: 'whip', auth: 'bearer', summary: 'Trickle ICE candidates or restart ICE',
    rawBody: { contentTypes: ['application/trickle-ice-sdpfrag'], description: 'An SDP fragment; `If-Match` carries the ETag' },
    success: { status: 204, description: 'Candidates taken; an ICE restart answers 200 with the new fragment' },
    errors: [
      ...whip, 'unsupported_media_type', 'session_not_found', 'precondition_required', 'etag_mismatch', 'invalid_fragment', 'invalid_body', 'rate_limited',
      'body_too_large',
    ],
  },
  {
    method: 'delete', path: '/whip/{cameraId}/{sessionId}', tag: 'whip', auth: 'bearer', summary: 'Stop publishing',
    success: { status: 200, description: 'Stopped' },
    errors: [...whip, 'session_not_found', 'rate_limited'],
  },

  // whep
  {
    method: 'options', path: '/whep/interviews/{id}/program', tag: 'whep', auth: 'none', summary: '`Accept-Post: application/sdp`',
    success: { status: 204, description: 'No content' },
    errors: [],
  },
  {
    method: 'post', path: '/whep/interviews/{id}/program', tag: 'whep', auth: 'session', summary: 'Watch the program: send a recvonly offer',
    rawBody: { contentTypes: ['application/sdp'], description: 'The SDP offer (recvonly video and audio), at most 128 kB' },
    success: { status: 201, description: 'The SDP answer; `Location` names the session resource', contentType: 'application/sdp' },
    errors: whepOffer,
  },
  {
    method: 'options', path: '/whep/interviews/{id}/cameras/{cameraId}', tag: 'whep', auth: 'none', summary: '`Accept-Post: application/sdp`',
    success: { status: 204, description: 'No content' },
    errors: [],
  },
  {
    method: 'post', path: '/whep/interviews/{id}/cameras/{cameraId}', tag: 'whep', auth: 'session',
    summary: 'Watch one camera live (sub-second): send a recvonly offer',
    rawBody: { contentTypes: ['application/sdp'], description: 'The SDP offer (recvonly video and audio), at most 128 kB' },
    success: { status: 201, description: 'The SDP answer; `Location` names the session resource', contentType: 'application/sdp' },
    errors: [...whepOffer, 'camera_not_live'],
  },
  {
    method: 'options', path: '/whep/sessions/{sessionId}', tag: 'whep', auth: 'none',
    summary: '`Accept-Patch: application/trickle-ice-sdpfrag`',
    success: { status: 204, description: 'No content' },
    errors: [],
  },
  {
    method: 'patch', path: '/whep/sessions/{sessionId}', tag: 'whep', auth: 'session', summary: 'Trickle ICE candidates or restart ICE',
    rawBody: { contentTypes: ['application/trickle-ice-sdpfrag'], description: 'An SDP fragment; `If-Match` carries the ETag' },
    success: { status: 204, description: 'Candidates taken; an ICE restart answers 200 with the new fragment' },
    errors: [...whep, 'unsupported_media_type', 'session_not_found', 'precondition_required', 'etag_mismatch', 'invalid_fragment', 'invalid_body', 'body_too_large', 'rate_limited'],
  },
  {
    method: 'delete', path: '/whep/sessions/{sessionId}', tag: 'whep', auth: 'session', summary: 'Stop watching',
    success: { status: 200, description: 'Stopped' },
    errors: [...whep, 'session_not_found', 'rate_limited'],
  },

  // records (after the show)
  {
    method: 'get', path: '/api/interviews/{id}/transcript', tag: 'records', auth: 'session',
    summary: 'The transcript (文字实录) being prepared: working copy, status, history, what the user may do',
    success: { status: 200, description: '`{ interviewId, showOver, transcript: { status, entries, published, publishedAt, builtAt, updatedAt, approvedAt } | null, history, me }`' },
    errors: qaStaff,
  },
  {
    method: 'post', path: '/api/interviews/{id}/transcript/build', tag: 'records', auth: 'session',
    summary: 'Build (or rebuild) the transcript from the approved posts and answered questions, as a draft',
    success: { status: 200, description: 'The transcript, staff view' },
    errors: [...qaStaff, ...ownOriginWrite, 'show_not_over'],
  },
  {
    method: 'put', path: '/api/interviews/{id}/transcript', tag: 'records', auth: 'session', body: transcriptEditBody,
    summary: "Replace the working copy (the department reviewer's corrections); it becomes a draft again (JSON up to 2 MB)",
    success: { status: 200, description: 'The transcript, staff view' },
    errors: [...qaStaff, ...jsonBody, 'transcript_not_built', 'unknown_image'],
  },
  {
    method: 'post', path: '/api/interviews/{id}/transcript/actions', tag: 'records', auth: 'session', body: transcriptActionBody,
    summary: 'Approve, publish or unpublish the transcript',
    success: { status: 200, description: 'The transcript, staff view' },
    errors: [...qaStaff, ...jsonBody, 'transcript_not_built', 'transcript_not_draft', 'transcript_empty', 'transcript_not_approved', 'nothing_to_unpublish'],
  },
  {
    method: 'get', path: '/api/interviews/{id}/follow-ups', tag: 'records', auth: 'session',
    summary: 'The follow-ups (会后答复) of questions approved but not answered live, with due dates',
    success: { status: 200, description: '`{ followUps: StaffFollowUp[], me: { canAnswer, canReview } }`' },
    errors: qaStaff,
  },
  {
    method: 'post', path: '/api/interviews/{id}/follow-ups/{questionId}/answer', tag: 'records', auth: 'session', body: followUpAnswerBody,
    summary: "Write the department's answer; it waits for review",
    success: { status: 200, description: 'The follow-up, staff view' },
    errors: [...qaStaff, ...jsonBody, 'follow_up_published'],
  },
  {
    method: 'post', path: '/api/interviews/{id}/follow-ups/{questionId}/actions', tag: 'records', auth: 'session', body: followUpActionBody,
    summary: 'Publish the answer (approve) or send it back with a reason (reject)',
    success: { status: 200, description: 'The follow-up, staff view' },
    errors: [...qaStaff, ...jsonBody, 'follow_up_not_answered'],
  },
  {
    method: 'get', path: '/api/follow-ups/overdue', tag: 'records', auth: 'session',
    summary: "The office's list: unpublished follow-ups past their due date, most overdue first",
    success: { status: 200, description: '`{ followUps: StaffFollowUp[] }`' },
    errors: ['unauthenticated', 'forbidden'],
  },
  {
    method: 'get', path: '/api/statistics', tag: 'records', auth: 'session',
    summary: 'The year in numbers per department (`?year=`, this year by default)',
    success: { status: 200, description: '`{ year, departments: StatisticsRow[], total: StatisticsRow }`' },
    errors: ['unauthenticated', 'forbidden', 'invalid_request'],
  },
  {
    method: 'get', path: '/api/statistics/export.xlsx', tag: 'records', auth: 'session',
    summary: 'The same statistics as an XLSX workbook (`?year=`)',
    success: { status: 200, description: 'The workbook', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    errors: ['unauthenticated', 'forbidden', 'invalid_request'],
  },
  {
    method: 'get', path: '/api/public/interviews/{id}/transcript', tag: 'public', auth: 'none',
    summary: 'The published transcript (contract C3)',
    success: { status: 200, description: '`{ publishedAt, entries: [{ role, speaker, text, images? }] }`' },
    errors: ['transcript_not_published'],
  },
  {
    method: 'get', path: '/api/public/interviews/{id}/transcript.html', tag: 'public', auth: 'none',
    summary: 'The published transcript as an HTML page',
    success: { status: 200, description: 'The page', contentType: 'text/html' },
    errors: ['transcript_not_published'],
  },
  {
    method: 'get', path: '/api/public/interviews/{id}/transcript.md', tag: 'public', auth: 'none',
    summary: 'The published transcript as Markdown',
    success: { status: 200, description: 'The text', contentType: 'text/markdown' },
    errors: ['transcript_not_published'],
  },
  {
    method: 'get', path: '/api/public/interviews/{id}/transcript.docx', tag: 'public', auth: 'none',
    summary: 'The published transcript as a Word document (pictures embedded)',
    success: { status: 200, description: 'The document', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    errors: ['transcript_not_published'],
  },
  {
    method: 'get', path: '/api/public/interviews/{id}/follow-ups', tag: 'public', auth: 'none',
    summary: 'The published follow-up answers (会后答复) of the interview',
    success: { status: 200, description: '`{ followUps: [{ questionId, nickname, question, askedAt, answer, publishedAt }] }`' },
    errors: ['not_found'],
  },

  // media
  {
    method: 'get', path: '/media/interviews/{id}/hls/{file}', tag: 'media', auth: 'none',
    summary: 'An HLS playlist or segment (`file` may contain slashes)',
    success: { status: 200, description: 'The playlist or segment', contentType: 'application/vnd.apple.mpegurl' },
    errors: ['not_found'],
  },
  {
    method: 'get', path: '/media/interviews/{id}/images/{file}', tag: 'media', auth: 'none',
    summary: 'A post picture: public once its post is approved, staff-only before',
    success: { status: 200, description: 'The picture', contentType: 'image/*' },
    errors: ['not_found'],
  },
  {
    method: 'get', path: '/media/interviews/{id}/people/{file}', tag: 'media', auth: 'none',
    summary: "A host's or guest's photo: public once the interview is announced, staff-only while a draft",
    success: { status: 200, description: 'The photo', contentType: 'image/jpeg' },
    errors: ['not_found'],
  },
  ...PLAN_API_ROUTES,
  ...EDITING_API_ROUTES,
];
