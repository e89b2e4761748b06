import type { StaffInterviewJson } from '../http/InterviewPresenter.js';
import type { NewCameraJson } from './ApiClient.js';

/** Human-readable interview, one field a line. */
export function formatInterview(heading: string, interview: StaffInterviewJson): string {
  const lines = [
    `${heading}: ${interview.title}`,
    field('id', interview.id),
    field('status', interview.status),
    field('starts at', interview.startsAt ?? '(not set)'),
  ];
  if (interview.topic) lines.push(field('topic', interview.topic));
  if (interview.department) lines.push(field('department', interview.department));
  if (interview.guests.length > 0) {
    lines.push(field('guests', interview.guests.map((g) => (g.position ? `${g.name} (${g.position})` : g.name)).join(', ')));
  }
  lines.push(field('page', interview.pageUrl));
  lines.push(field('HLS', interview.hlsUrl ?? '(none yet: appears once the show is on air)'));
  return lines.join('\n') + '\n';
}

/** Human-readable new camera; the token is shown only this once. */
export function formatCamera(camera: NewCameraJson): string {
  return (
    [
      `Camera added: ${camera.name}`,
      field('id', camera.id),
      field('WHIP URL', camera.whipUrl),
      field('token', camera.token),
      '',
      'The token is shown only now: enter the WHIP URL and this token (as the Bearer token) in OBS or the encoder.',
    ].join('\n') + '\n'
  );
}

function field(name: string, value: string): string {
  return `  ${(name + ':').padEnd(12)}${value}`;
}
