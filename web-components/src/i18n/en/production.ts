import type { productionMessages as zh } from '../zh-CN/production.js';

// Strings of studio production: director, overlays, recordings, replay chapters, clip editor, in English: the same keys as ../zh-CN/production.ts.
export const productionMessages: Record<keyof typeof zh, string> = {
  directorLink: 'Director',
  directorTitle: 'Director: {title}',
  directorHint: 'Press the button under a camera, or a number key 1–9, to put that camera on air (the cut lands on its next keyframe).',
  directorProgram: 'Program (on air)',
  directorProgramWaiting: 'No camera has been on air yet.',
  directorCameras: 'Cameras',
  directorNoCameras: 'This interview has no cameras yet.',
  directorCameraOffline: 'Not publishing',
  directorCut: '{n} Cut to {name}',
  directorOnAir: 'On air',
  directorPending: 'Waiting for a keyframe…',
  directorSwitched: 'The program is on {name} ({ms} ms).',
  directorSwitchFailed: 'The cut failed: {message}',
  directorNotLive: 'The interview is not live yet: start a camera to direct it.',
  directorAudio: 'Program sound',
  directorAudioFollow: 'Follows the picture',
  directorAudioFrom: "Always {name}'s microphone",
  directorStatus: 'On air since {since}; newest segment {age} s ago; program recording {size}.',
  directorDiskWarning: 'The disk is nearly full ({free} left): free space or change disks before the recording stops.',
  directorMonitorFailed: 'A monitor could not connect: {message}',
};
