import type { Logger } from 'pino';

/** What the server hands the media node; every field comes from the server's configuration. */
export interface MediaServerOptions {
  /** Root of the data directory; media writes under `interviews/<id>/`. */
  dataDir: string;
  /** Number of mediasoup workers (one per core is typical). */
  workers: number;
  /** Local IP the WebRTC transports bind to. */
  listenIp: string;
  /** IP written into ICE candidates (what cameras can reach). */
  announcedIp: string;
  rtcMinPort: number;
  rtcMaxPort: number;
  /** Explicit FFmpeg binary; when absent it is looked up (ffmpeg-static, then PATH). */
  ffmpegPath?: string;
  hlsSegmentSeconds: number;
  recordingFormat: 'mkv' | 'fmp4';
  /** The station logo (PNG) the director may lay over the program. */
  logoFile?: string;
  logger: Logger;
}
