export { MediaServer, type MediaServerEvents, type PublishResult } from './MediaServer.js';
export type { MediaServerOptions } from './MediaServerOptions.js';
export { MediaError, WhipError, SdpRejectedError, FfmpegNotFoundError } from './errors.js';
export { WhipSessionCloseReason, type PatchResult } from './whip/WhipSession.js';
export type { MediaStatus, CameraMediaStatus } from './program/MediaStatus.js';
export type { ProgramAudio } from './program/ProgramSwitcher.js';
