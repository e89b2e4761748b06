/**
 * Who may call each endpoint: the expected side of the authorisation matrix (authz.matrix.test.ts). One entry per
 * route the HTTP app registers and per WebSocket endpoint, keyed like apiRoutes.ts ("GET /api/interviews/{id}",
 * "WS /api/interviews/{id}/staff-events"). The test walks the express app's router stack and fails on a route with
 * no entry here, so a new endpoint cannot be added without deciding who may call it.
 *
 * `allow`: the principals that get through (any answer but 401/403). Everyone else must be refused with 401 or 403
 * and a JSON `{error:{code}}`, except those in `hidden`, who get 404 not_found (another unit's item, answered as
 * unknown). `request` gives the path, body or headers a route needs to reach its check (see World); without it the
 * path's parameters are filled from the world by name and writes send an empty JSON object.
 */
import type { World } from '../helpers/authzWorld.js';

export const PRINCIPALS = [
  'anonymous',
  /** A camera's WHIP bearer token and no cookie. */
  'camera',
  /** users.role admin. */
  'admin',
  /** A staff account from before organisations and roles: no role, no unit (LEGACY_STAFF_ACTIONS). */
  'legacy',
  'planner',
  'officeAdmin',
  'publisher',
  'studio',
  /** proposer and dept_reviewer of the unit the interview belongs to. */
  'proposer',
  'deptReviewer',
  /** proposer and dept_reviewer of another unit. */
  'otherProposer',
  'otherReviewer',
  /** Members of the interview (interview_members): staff accounts with no unit and no role in the year, like legacy. */
  'host',
  'guest',
  'moderator',
  'reviewer',
] as const;

export type Principal = (typeof PRINCIPALS)[number];

export interface AuthzRequest {
  /** The path with its parameters filled in; by default each `{name}` is taken from the world (World.param). */
  path?: string;
  /** A JSON body (sent with Content-Type application/json). */
  json?: unknown;
  /** A raw body; set its Content-Type in headers. */
  body?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

export interface Expected {
  allow: readonly Principal[];
  hidden?: readonly Principal[];
  /** Built for each principal's call, so an allowed call may act on a fresh item. */
  request?: (world: World, who: Principal) => AuthzRequest | Promise<AuthzRequest>;
  /** Run after every other route (logging out ends the principal's session). */
  last?: true;
}

export const EVERYONE: readonly Principal[] = PRINCIPALS;
export const USERS: readonly Principal[] = PRINCIPALS.filter((who) => who !== 'anonymous' && who !== 'camera');
export const OFFICE: readonly Principal[] = ['admin', 'planner', 'officeAdmin'];
export const MEMBERS: readonly Principal[] = ['host', 'guest', 'moderator', 'reviewer'];
const ADMINS: readonly Principal[] = ['admin', 'officeAdmin'];
/** Staff accounts with no role in the year keep what staff always did: run interviews (LEGACY_STAFF_ACTIONS). */
const LEGACY: readonly Principal[] = ['legacy', ...MEMBERS];
/** Who runs the studio: cameras, their tokens, the program switcher, overlays, clips (the broadcast station). */
const STUDIO_CREW: readonly Principal[] = [...OFFICE, 'studio', ...LEGACY];
/** Every account but the pre-roles ones and the pure interview members: they have a role in the year. */
const YEAR_ROLES: readonly Principal[] = [...OFFICE, 'publisher', 'studio', 'proposer', 'deptReviewer', 'otherProposer', 'otherReviewer'];
/** The interview's reviewers: its member reviewer and its unit's dept_reviewer (unitInterviewRoles). */
const REVIEWERS: readonly Principal[] = ['admin', 'reviewer', 'deptReviewer'];
const RECORDS_READERS: readonly Principal[] = ['admin', 'planner', 'officeAdmin', 'publisher', 'deptReviewer', ...MEMBERS];
const OFFICE_RECORDS: readonly Principal[] = [...OFFICE, 'publisher'];
const OTHER_UNIT: readonly Principal[] = ['otherProposer', 'otherReviewer'];

const SDP_OFFER = { 'Content-Type': 'application/sdp' };
const SDP_FRAGMENT = { 'Content-Type': 'application/trickle-ice-sdpfrag', 'If-Match': '*' };
const PNG = { 'Content-Type': 'image/png' };

export const EXPECTED_ACCESS: Record<string, Expected> = {
  // Pages and documents.
  'GET /console': { allow: EVERYONE },
  'GET /console/{path}': { allow: EVERYONE, request: () => ({ path: '/console/interviews' }) },
  'GET /demo': { allow: EVERYONE },
  'GET /watch/{id}': { allow: EVERYONE },
  'GET /healthz': { allow: EVERYONE },
  'GET /readyz': { allow: EVERYONE },
  // Without metricsToken only a direct loopback scraper may read it, and every call here is one (H3's tests refuse others).
  'GET /metrics': { allow: EVERYONE },
  'GET /api/docs': { allow: EVERYONE },

  // Logging in and out.
  // Last: logging in ends the session the call carried (rotation), as logging out does.
  'POST /api/auth/login': { allow: EVERYONE, request: (w) => ({ json: w.loginBody }), last: true },
  'POST /api/auth/logout': { allow: EVERYONE, last: true },
  'GET /api/auth/me': { allow: USERS },

  // Interviews (the office's roles; the guard in interviewPermissionGuard.ts).
  'GET /api/interviews': { allow: USERS },
  'GET /api/interviews/{id}': { allow: USERS },
  'POST /api/interviews': { allow: [...OFFICE, ...LEGACY], request: (w) => ({ json: { title: w.unique('授权矩阵'), status: 'draft' } }) },
  'PUT /api/interviews/{id}': { allow: [...OFFICE, ...LEGACY], request: (w) => ({ path: `/api/interviews/${w.draftId}`, json: { title: w.unique('改过') } }) },
  'POST /api/interviews/{id}/status': {
    allow: [...OFFICE, 'publisher', 'studio', ...LEGACY],
    request: (w) => ({ path: `/api/interviews/${w.draftId}/status`, json: { status: 'draft' } }),
  },
  'POST /api/interviews/{id}/end': { allow: [...OFFICE, 'publisher', 'studio', ...LEGACY], request: (w) => ({ path: `/api/interviews/${w.draftId}/end` }) },
  'POST /api/interviews/{id}/portraits': { allow: [...OFFICE, ...LEGACY], request: (w) => ({ body: w.png, headers: PNG }) },
  'GET /api/interviews/{id}/cameras': { allow: USERS },
  'POST /api/interviews/{id}/cameras': { allow: STUDIO_CREW, request: (w) => ({ json: { name: w.unique('机位') } }) },
  'POST /api/preflight/upload': { allow: USERS, request: () => ({ body: 'x'.repeat(1024), headers: { 'Content-Type': 'application/octet-stream' } }) },

  // The studio.
  'GET /api/interviews/{id}/media-status': { allow: USERS },
  'PUT /api/interviews/{id}/program': { allow: STUDIO_CREW, request: (w) => ({ json: { cameraId: w.cameraId } }) },
  'PUT /api/interviews/{id}/overlays': { allow: STUDIO_CREW, request: () => ({ json: { lowerThird: null, logo: false, liveBadge: false } }) },
  'POST /api/cameras/{id}/token': { allow: STUDIO_CREW, request: async (w) => ({ path: `/api/cameras/${await w.spareCamera()}/token` }) },
  'DELETE /api/cameras/{id}': { allow: STUDIO_CREW, request: async (w) => ({ path: `/api/cameras/${await w.spareCamera()}` }) },
  'POST /api/cameras/{id}/studio-token': { allow: STUDIO_CREW },

  // Public reads.
  'GET /api/public/interviews': { allow: EVERYONE },
  'GET /api/public/interviews/{id}': { allow: EVERYONE },
  'GET /api/public/interviews/{id}/qa': { allow: EVERYONE },
  'GET /api/public/interviews/{id}/chapters': { allow: EVERYONE },
  'GET /api/public/interviews/{id}/follow-ups': { allow: EVERYONE },
  'GET /api/public/interviews/{id}/transcript': { allow: EVERYONE },
  'GET /api/public/interviews/{id}/transcript.html': { allow: EVERYONE },
  'GET /api/public/interviews/{id}/transcript.md': { allow: EVERYONE },
  'GET /api/public/interviews/{id}/transcript.docx': { allow: EVERYONE },
  'GET /api/public/plans/{year}': { allow: EVERYONE },
  'GET /api/public/schedule.ics': { allow: EVERYONE },
  'GET /media/interviews/{id}/hls/{file}': { allow: EVERYONE },
  'GET /media/interviews/{id}/replay/{file}': { allow: EVERYONE },
  'GET /media/interviews/{id}/people/{file}': { allow: EVERYONE },
  // A picture of a post still pending review is the interview's staff's only; others are told it does not exist.
  'GET /media/interviews/{id}/images/{file}': {
    allow: ['admin', ...MEMBERS],
    hidden: PRINCIPALS.filter((who) => who !== 'admin' && !MEMBERS.includes(who)),
  },

  // Netizens' questions (by device token: anyone).
  'POST /api/public/interviews/{id}/questions': { allow: EVERYONE, request: (w) => ({ json: { nickname: '网友', body: w.unique('授权矩阵的提问') } }) },
  'GET /api/public/interviews/{id}/my-questions': { allow: EVERYONE },
  'DELETE /api/public/interviews/{id}/my-questions/{questionId}': { allow: EVERYONE },

  // The Q&A desks (roles in the interview; admins hold them all).
  'GET /api/interviews/{id}/qa': { allow: ['admin', ...MEMBERS] },
  'POST /api/interviews/{id}/questions/{questionId}/actions': {
    allow: ['admin', 'moderator'],
    request: (w) => ({ path: `/api/interviews/${w.interviewId}/questions/${w.pendingQuestionId}/actions`, json: { action: 'approve' } }),
  },
  'DELETE /api/interviews/{id}/answering': { allow: ['admin', 'host'] },
  'POST /api/interviews/{id}/posts': { allow: ['admin', 'host'], request: () => ({ json: { role: 'host', body: '主持人的话' } }) },
  'POST /api/interviews/{id}/posts/{postId}/actions': { allow: ['admin', 'reviewer'], request: () => ({ json: { action: 'approve' } }) },
  'POST /api/interviews/{id}/images': { allow: ['admin', 'host', 'guest'], request: (w) => ({ body: w.png, headers: PNG }) },
  'GET /api/interviews/{id}/review-settings': { allow: ['admin', ...MEMBERS] },
  'PUT /api/interviews/{id}/review-settings': { allow: ['admin', 'moderator', 'reviewer'], request: () => ({ json: { sensitiveWordAction: 'hold' } }) },
  'GET /api/interviews/{id}/audit': { allow: ['admin', 'moderator', 'reviewer'] },
  'GET /api/interviews/{id}/bans': { allow: ['admin', 'moderator'] },
  'POST /api/interviews/{id}/bans': {
    allow: ['admin', 'moderator'],
    request: (w) => ({ json: { questionId: w.questionId, scope: 'interview', reason: '授权矩阵', days: 1 } }),
  },
  'DELETE /api/interviews/{id}/bans/{banId}': { allow: ['admin', 'moderator'] },
  'GET /api/interviews/{id}/members': { allow: ['admin'] },
  'PUT /api/interviews/{id}/members/{userId}': { allow: ['admin'], request: () => ({ json: { roles: ['moderator'] } }) },
  'DELETE /api/interviews/{id}/members/{userId}': { allow: ['admin'] },

  // WHIP: the camera's bearer token only.
  'OPTIONS /whip/{cameraId}': { allow: EVERYONE },
  'OPTIONS /whip/{cameraId}/{sessionId}': { allow: EVERYONE },
  'POST /whip/{cameraId}': { allow: ['camera'], request: () => ({ body: 'v=0\r\n', headers: SDP_OFFER }) },
  'PATCH /whip/{cameraId}/{sessionId}': { allow: ['camera'], request: () => ({ body: 'a=ice-ufrag:x\r\n', headers: SDP_FRAGMENT }) },
  'DELETE /whip/{cameraId}/{sessionId}': { allow: ['camera'] },

  // WHEP monitors: any console user.
  'OPTIONS /whep/interviews/{id}/program': { allow: EVERYONE },
  'OPTIONS /whep/interviews/{id}/cameras/{cameraId}': { allow: EVERYONE },
  'OPTIONS /whep/sessions/{sessionId}': { allow: EVERYONE },
  'POST /whep/interviews/{id}/program': { allow: USERS, request: () => ({ body: 'v=0\r\n', headers: SDP_OFFER }) },
  'POST /whep/interviews/{id}/cameras/{cameraId}': { allow: USERS, request: () => ({ body: 'v=0\r\n', headers: SDP_OFFER }) },
  'PATCH /whep/sessions/{sessionId}': { allow: USERS, request: () => ({ body: 'a=ice-ufrag:x\r\n', headers: SDP_FRAGMENT }) },
  'DELETE /whep/sessions/{sessionId}': { allow: USERS },

  // After the show: transcript and follow-ups (recordPermissions.ts).
  'GET /api/interviews/{id}/transcript': { allow: RECORDS_READERS },
  'POST /api/interviews/{id}/transcript/build': { allow: REVIEWERS },
  'PUT /api/interviews/{id}/transcript': { allow: REVIEWERS, request: () => ({ json: { entries: [] } }) },
  'POST /api/interviews/{id}/transcript/actions': { allow: REVIEWERS, request: () => ({ json: { action: 'approve' } }) },
  'GET /api/interviews/{id}/follow-ups': { allow: RECORDS_READERS },
  'POST /api/interviews/{id}/follow-ups/{questionId}/answer': { allow: [...REVIEWERS, 'guest'], request: () => ({ json: { answer: '会后答复' } }) },
  'POST /api/interviews/{id}/follow-ups/{questionId}/actions': { allow: REVIEWERS, request: () => ({ json: { action: 'approve' } }) },
  'GET /api/follow-ups/overdue': { allow: OFFICE_RECORDS },
  'GET /api/statistics': { allow: OFFICE_RECORDS },
  'GET /api/statistics/export.xlsx': { allow: OFFICE_RECORDS },

  // Recordings, clips and exports.
  'GET /api/interviews/{id}/recordings': { allow: USERS },
  'GET /api/interviews/{id}/recordings/{sourceId}/thumbnails': { allow: USERS },
  'GET /api/interviews/{id}/recordings/{sourceId}/waveform': { allow: USERS },
  'GET /api/interviews/{id}/recordings/parts/{partId}/thumbnails/{file}': { allow: USERS },
  'GET /api/interviews/{id}/recordings/parts/{partId}/preview': { allow: USERS },
  'GET /api/interviews/{id}/clips': { allow: USERS },
  'POST /api/interviews/{id}/clips': { allow: STUDIO_CREW, request: () => ({ json: { title: '片段', sourceId: 'program', inSeconds: 0, outSeconds: 1 } }) },
  'PATCH /api/interviews/{id}/clips/{clipId}': { allow: STUDIO_CREW, request: () => ({ json: { title: '改过的片段' } }) },
  'DELETE /api/interviews/{id}/clips/{clipId}': { allow: STUDIO_CREW },
  'POST /api/interviews/{id}/clips/{clipId}/exports': { allow: STUDIO_CREW, request: () => ({ json: { mode: 'fast' } }) },
  'GET /api/interviews/{id}/exports/{jobId}': { allow: USERS },
  'POST /api/interviews/{id}/exports/{jobId}/cancel': { allow: STUDIO_CREW },
  'GET /api/interviews/{id}/exports/{jobId}/download': { allow: USERS },

  // The column's year (planPermissions.ts).
  'GET /api/organisations': { allow: YEAR_ROLES },
  'POST /api/organisations': { allow: ADMINS, request: (w) => ({ json: { name: w.unique('单位'), kind: 'agency' } }) },
  'GET /api/users': { allow: ADMINS },
  'POST /api/users': { allow: ADMINS, request: (w) => ({ json: { username: w.unique('authz-user'), password: 'a-long-password', roles: [] } }) },
  'PUT /api/users/{id}/assignment': { allow: ADMINS, request: () => ({ json: { organisationId: null, roles: ['publisher'] } }) },
  'POST /api/users/{id}/password': { allow: ADMINS, request: () => ({ json: { password: 'another-long-password' } }) },
  'GET /api/plan/me': { allow: USERS },
  'GET /api/plan/settings': { allow: USERS },
  'PUT /api/plan/settings': { allow: ADMINS, request: () => ({ json: { announceDaysBefore: 3 } }) },
  'GET /api/notices': { allow: USERS },
  'GET /api/mail/outbox': { allow: OFFICE },
  'POST /api/mail/outbox/{id}/retry': { allow: OFFICE },
  'POST /api/notices/{id}/read': { allow: ['proposer', 'deptReviewer'], hidden: ['admin', ...OTHER_UNIT] },
  'GET /api/proposals': { allow: [...OFFICE, 'proposer', 'deptReviewer', ...OTHER_UNIT] },
  'POST /api/proposals': { allow: ['admin', 'proposer', 'otherProposer'], request: (w, who) => ({ json: w.proposal(who === 'otherProposer') }) },
  'GET /api/proposals/missing': { allow: OFFICE },
  'POST /api/proposals/reminders': { allow: OFFICE, request: (w) => ({ json: { year: w.year, organisationIds: [], message: '请报送' } }) },
  'GET /api/proposals/{id}': { allow: [...OFFICE, 'proposer', 'deptReviewer'], hidden: OTHER_UNIT },
  'PUT /api/proposals/{id}': { allow: ['admin', 'proposer'], hidden: ['otherProposer'], request: (w) => ({ json: w.proposalForm() }) },
  'POST /api/proposals/{id}/submit': { allow: ['admin', 'proposer'], hidden: ['otherProposer'] },
  'POST /api/proposals/{id}/review': {
    allow: OFFICE,
    request: (w) => ({ path: `/api/proposals/${w.submittedProposalId}/review`, json: { decision: 'request_changes', comment: '请补充' } }),
  },
  'GET /api/plans/{year}': { allow: YEAR_ROLES },
  'GET /api/plans/{year}/export.xlsx': { allow: YEAR_ROLES },
  'POST /api/plans/{year}/import': { allow: OFFICE, request: (w) => ({ path: `/api/plans/${w.freshYear()}/import`, body: w.planCsv, headers: { 'Content-Type': 'text/csv' } }) },
  'POST /api/plans/{year}/rows': { allow: OFFICE, request: (w) => ({ json: { unitName: w.unitName, timeText: '7月', topic: w.unique('主题') } }) },
  'PUT /api/plans/{year}/published': { allow: OFFICE, request: () => ({ json: { published: true } }) },
  'PUT /api/plan-rows/{id}': { allow: OFFICE, request: (w) => ({ json: { unitName: w.unitName, timeText: '6月2日', topic: '招生政策解读' } }) },
  'DELETE /api/plan-rows/{id}': { allow: OFFICE, request: async (w) => ({ path: `/api/plan-rows/${await w.spareRow()}` }) },
  'POST /api/plan-rows/{id}/schedule': { allow: OFFICE, request: async (w) => ({ path: `/api/plan-rows/${await w.spareRow()}/schedule`, json: {} }) },
  'GET /api/interviews/{id}/checklist': { allow: [...OFFICE, 'publisher', 'studio', 'proposer', 'deptReviewer', ...LEGACY], hidden: OTHER_UNIT },
  'PUT /api/interviews/{id}/checklist/{item}': { allow: [...OFFICE, 'proposer', 'deptReviewer', ...LEGACY], hidden: OTHER_UNIT, request: () => ({ json: { done: true } }) },
  // Every logged-in user gets a list: the office, centre and station every upcoming show's, a unit its own, staff from before roles all.
  'GET /api/checklists': { allow: USERS },

  // WebSockets (SOCKET_ENDPOINTS): the viewer's is public, the console's is for the interview's staff.
  'WS /api/public/interviews/{id}/events': { allow: EVERYONE },
  'WS /api/interviews/{id}/staff-events': { allow: ['admin', ...MEMBERS] },
};
