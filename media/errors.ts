/**
 * Errors raised by the media node. Each has a stable `code`; the HTTP layer maps
 * `WhipError.status` to the response status, so media/ never imports HTTP code.
 */
export class MediaError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MediaError';
    this.code = code;
  }
}

/** A WHIP request the media node refuses; `status` is the HTTP status RFC 9725 asks for. */
export class WhipError extends MediaError {
  readonly status: number;

  constructor(status: number, code: string, message: string, options?: ErrorOptions) {
    super(code, message, options);
    this.name = 'WhipError';
    this.status = status;
  }
}

/** The offer describes something mediasoup cannot carry (answered 400 with the reason). */
export class SdpRejectedError extends WhipError {
  constructor(message: string) {
    super(400, 'sdp_unsupported', message);
    this.name = 'SdpRejectedError';
  }
}

/** FFmpeg could not be found or could not start. */
export class FfmpegNotFoundError extends MediaError {
  constructor(message: string) {
    super('ffmpeg_not_found', message);
    this.name = 'FfmpegNotFoundError';
  }
}
