import { clipEditBody, exportBody, newClipBody } from '../clipsRouter.js';
import type { ApiRoute, ErrorCode } from './apiRoutes.js';

const staff: ErrorCode[] = ['unauthenticated', 'not_found'];
const jsonBody: ErrorCode[] = ['forbidden_origin', 'unsupported_media_type', 'invalid_json', 'payload_too_large', 'invalid_request'];
const clip = '`{ id, title, sourceId, kind, cameraId, inSeconds, outSeconds, createdAt, updatedAt, exports: Export[] }`';
const exportShape =
  '`{ id, clipId, mode, status (queued|running|done|failed|cancelled), progress (0–100), inSeconds, outSeconds, bytes, errorCode, errorMessage, createdAt, startedAt, finishedAt, downloadUrl }`';

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
    method: 'get', path: '/api/interviews/{id}/recordings/{sourceId}/thumbnails', tag: 'editing', auth: 'session',
    summary: "Thumbnails along a recording's timeline (sourceId program or camera-<cameraId>), made by FFmpeg on first request and kept",
    success: { status: 200, description: '`{ intervalSeconds, width, thumbnails: [{ seconds, url }] }`: one per intervalSeconds of each part, at its place on the joined timeline' },
    errors: staff,
  },
  {
    method: 'get', path: '/api/interviews/{id}/recordings/{sourceId}/waveform', tag: 'editing', auth: 'session',
    summary: "The sound's peak level along a recording's timeline, made by FFmpeg on first request and kept",
    success: { status: 200, description: '`{ windowSeconds, peaks: number[] }`: peak i (0–1) is the loudest sample in [i, i+1) × windowSeconds; 0 where a part has no sound' },
    errors: staff,
  },
  {
    method: 'get', path: '/api/interviews/{id}/recordings/parts/{partId}/thumbnails/{file}', tag: 'editing', auth: 'session',
    summary: "One of a recording part's thumbnails (the url the thumbnails list gives)",
    success: { status: 200, description: 'The picture', contentType: 'image/jpeg' },
    errors: staff,
  },
  {
    method: 'get', path: '/api/interviews/{id}/recordings/parts/{partId}/preview', tag: 'editing', auth: 'session',
    summary: 'A recording part as a browser plays it (picture copied: MP4 for H.264, WebM for VP8), made on first request and kept; supports Range',
    success: { status: 200, description: 'The video', contentType: 'video/mp4' },
    errors: staff,
  },
  {
    method: 'get', path: '/api/interviews/{id}/clips', tag: 'editing', auth: 'session',
    summary: "The show's clips, each with its exports (poll it for progress)",
    success: { status: 200, description: `\`{ clips: Clip[] }\`, Clip = ${clip}` },
    errors: staff,
  },
  {
    method: 'post', path: '/api/interviews/{id}/clips', tag: 'editing', auth: 'session', body: newClipBody,
    summary: 'Mark a clip: in and out points (seconds) on a recording\'s timeline (sourceId program or camera-<cameraId>)',
    success: { status: 201, description: clip },
    errors: [...staff, ...jsonBody, 'clip_out_of_range', 'recording_empty'],
  },
  {
    method: 'patch', path: '/api/interviews/{id}/clips/{clipId}', tag: 'editing', auth: 'session', body: clipEditBody,
    summary: "Change a clip's title or points (exports already made keep theirs)",
    success: { status: 200, description: clip },
    errors: [...staff, ...jsonBody, 'clip_out_of_range', 'recording_empty'],
  },
  {
    method: 'delete', path: '/api/interviews/{id}/clips/{clipId}', tag: 'editing', auth: 'session',
    summary: 'Delete a clip, stopping its exports and removing their files',
    success: { status: 204, description: 'Deleted' },
    errors: [...staff, 'forbidden_origin'],
  },
  {
    method: 'post', path: '/api/interviews/{id}/clips/{clipId}/exports', tag: 'editing', auth: 'session', body: exportBody,
    summary: 'Queue an MP4 export of the clip: fast (stream copy, cut on keyframes) or exact (re-encoded, frame-accurate)',
    success: { status: 201, description: exportShape },
    errors: [...staff, ...jsonBody, 'fast_mode_unavailable', 'recording_empty'],
  },
  {
    method: 'get', path: '/api/interviews/{id}/exports/{jobId}', tag: 'editing', auth: 'session',
    summary: 'One export: status and progress',
    success: { status: 200, description: exportShape },
    errors: staff,
  },
  {
    method: 'post', path: '/api/interviews/{id}/exports/{jobId}/cancel', tag: 'editing', auth: 'session',
    summary: 'Cancel a queued or running export',
    success: { status: 200, description: exportShape },
    errors: [...staff, 'forbidden_origin', 'export_finished'],
  },
  {
    method: 'get', path: '/api/interviews/{id}/exports/{jobId}/download', tag: 'editing', auth: 'session',
    summary: 'Download a finished export (MP4, H.264 + AAC, +faststart)',
    success: { status: 200, description: 'The clip', contentType: 'video/mp4' },
    errors: [...staff, 'export_not_done'],
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
