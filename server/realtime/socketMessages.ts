import { z } from 'zod';
import {
  banSchema,
  myQuestionSchema,
  publicPostSchema,
  publicQuestionSchema,
  reviewSettingsSchema,
  staffPostSchema,
  staffQuestionSchema,
} from '../http/openapi/qaResponseSchemas.js';

/**
 * The WebSocket endpoints and their messages, in and out: what RealtimeHub accepts and sends (it builds its paths
 * and parses the hello from here), published in the OpenAPI document under `x-websockets` and checked against real
 * traffic by the integration tests.
 */

/** The one message clients send: where they are in the Q&A, and (viewers) their device token to see their own questions. */
export const helloMessage = z
  .object({
    type: z.literal('hello'),
    since: z.int().min(0).describe('The highest seq already seen (qa-synced or qa), 0 for everything'),
    deviceToken: z
      .string()
      .regex(/^[A-Za-z0-9_-]{32,128}$/)
      .optional()
      .describe("Viewers: the netizen's device token, to get their own questions' events (audience device)"),
  })
  .meta({ id: 'SocketHello', description: 'Sent once by the client after the socket opens' });

export const interviewMessage = z
  .strictObject({
    type: z.literal('interview'),
    interview: z.record(z.string(), z.unknown()).describe('The public view of the interview, as GET /api/public/interviews/{id}'),
  })
  .meta({ id: 'SocketInterview', description: 'First on every socket, then after each change of the interview' });

const removed = z.strictObject({ id: z.uuid(), removed: z.literal(true) }).describe('The item stopped being visible to this audience');
const answering = z.strictObject({ answeringQuestionId: z.uuid().nullable() });

/** `{type:'qa', …}`: one stored event; `item` depends on `event` and `audience` (docs/qa.md, "Realtime"). */
export const qaEventMessage = z
  .strictObject({
    type: z.literal('qa'),
    seq: z.int().min(1),
    event: z.enum(['question', 'post', 'answering', 'settings', 'ban']),
    audience: z.enum(['public', 'device', 'staff']),
    item: z.union([
      publicQuestionSchema,
      myQuestionSchema,
      staffQuestionSchema,
      publicPostSchema,
      staffPostSchema,
      answering,
      z.strictObject({ questionsOpen: z.boolean() }),
      reviewSettingsSchema,
      banSchema,
      removed,
    ]),
  })
  .meta({
    id: 'SocketQaEvent',
    description:
      'One Q&A change in seq order. item: question → PublicQuestion (public), MyQuestion (device), StaffQuestion ' +
      '(staff); post → PublicPost / StaffPost; answering → { answeringQuestionId }; settings → { questionsOpen } ' +
      '(public) / ReviewSettings (staff); ban (staff only) → Ban; or { id, removed: true }. Upsert by id; ignore a seq already seen.',
  });

export const qaSyncedMessage = z
  .strictObject({ type: z.literal('qa-synced'), seq: z.int().min(0) })
  .meta({ id: 'SocketQaSynced', description: 'The replay after hello is complete up to seq; resume from the highest seq seen' });

export const viewersMessage = z
  .strictObject({ type: z.literal('viewers'), count: z.int().min(0) })
  .meta({ id: 'SocketViewers', description: "This server process's viewer sockets on the interview, when the number changes (checked every 5 s)" });

/** Everything the server sends on either socket. */
export const serverMessage = z.discriminatedUnion('type', [interviewMessage, qaEventMessage, qaSyncedMessage, viewersMessage]);

/** Close codes the server uses beyond the standard 1001 (going away) and 1011 (server error). */
export const CLOSE_CODES = {
  badHello: 4400,
  notFound: 4404,
} as const;

export interface SocketEndpoint {
  /** OpenAPI-style path; RealtimeHub matches requests against it. */
  path: string;
  auth: 'none' | 'session';
  description: string;
  /** Refused upgrades: HTTP status → why. */
  refusals: Record<number, string>;
  closeCodes: Record<number, string>;
}

const closeCodes = {
  1001: 'The server is shutting down: reconnect (to it or another) and resume',
  1011: 'Server error: reconnect and resume',
  [CLOSE_CODES.badHello]: 'A malformed hello, or a second one',
  [CLOSE_CODES.notFound]: 'No such interview',
};

export const SOCKET_ENDPOINTS = {
  viewer: {
    path: '/api/public/interviews/{id}/events',
    auth: 'none',
    description:
      "A viewer's socket: the interview, and after hello the public Q&A events (and the device's own) and the viewer count. " +
      'A socket more than 1 MB behind is dropped; it reconnects and resumes.',
    refusals: { 404: 'Not a socket path' },
    closeCodes,
  },
  staff: {
    path: '/api/interviews/{id}/staff-events',
    auth: 'session',
    description: "The console's socket (session cookie, from the server's own Origin): every audience's events, bans included.",
    refusals: { 401: 'No valid session', 403: 'No role in the interview, or another Origin', 404: 'No such interview' },
    closeCodes,
  },
} as const satisfies Record<string, SocketEndpoint>;

/** A regular expression matching the endpoint's path, capturing `{id}`. */
export function socketPathPattern(endpoint: SocketEndpoint): RegExp {
  return new RegExp(`^${endpoint.path.replace('{id}', '([0-9a-f-]{36})')}$`, 'i');
}
