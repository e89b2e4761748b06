/** What a post picture may be: the limits the upload route and the image pipeline share (issue 3). */
export const IMAGE_LIMITS = {
  /** The largest upload accepted, in bytes; a phone photo is 2–8 MB. */
  maxBytes: 10 * 1024 * 1024,
  /** Decoding stops above this many pixels, so a small file cannot expand into gigabytes of memory. */
  maxInputPixels: 40_000_000,
  /** The long side after downscaling: sharp on any screen the feed is shown on, and a tenth of a camera's bytes. */
  maxSide: 2048,
  /** Pictures one post may carry (the nine-grid). */
  maxPerPost: 9,
  jpegQuality: 85,
} as const;
