import type { ApiRoute, ErrorCode } from './apiRoutes.js';

const staff: ErrorCode[] = ['unauthenticated', 'not_found'];

/** Recordings, replay and clips (issue 5, part B). */
export const EDITING_API_ROUTES: ApiRoute[] = [
  {
    method: 'get', path: '/api/interviews/{id}/recordings', tag: 'editing', auth: 'session',
    summary: "The show's recordings (program and each camera: parts joined into one timeline) and its disk usage",
    success: {
      status: 200,
      description:
        '`{ recordings: [{ sourceId, kind, cameraId, name, durationSeconds, bytes, recording, parts: [{ id, status, startedAt, endedAt, offsetSeconds, durationSeconds, bytes, recovered, videoCodec, width, height, hasAudio, error }] }], disk: { recordingsBytes, hlsBytes, derivedBytes, totalBytes, freeBytes } }`',
    },
    errors: staff,
  },
  {
    method: 'get', path: '/api/public/interviews/{id}/chapters', tag: 'public', auth: 'none',
    summary: "The replay's chapters (contract C4): each answered question at its place in the replay playlist",
    success: { status: 200, description: '`{ chapters: [{ questionId, title, startSeconds, thumbnailUrl }] }`; [] when none' },
    errors: ['not_found'],
  },
  {
    method: 'get', path: '/media/interviews/{id}/replay/{file}', tag: 'media', auth: 'none',
    summary: "A replay chapter's thumbnail",
    success: { status: 200, description: 'The picture', contentType: 'image/jpeg' },
    errors: ['not_found'],
  },
];
