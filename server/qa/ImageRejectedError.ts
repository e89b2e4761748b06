/**
 * Why an uploaded picture was refused, by stable code. HTTP maps `unsupported_image_type` to 415,
 * `image_too_large` to 413 and the rest to 400.
 */
export type ImageRejectedCode =
  | 'unsupported_image_type'
  | 'image_too_large'
  | 'image_type_mismatch'
  | 'image_too_many_pixels'
  | 'image_unreadable';

export class ImageRejectedError extends Error {
  readonly code: ImageRejectedCode;

  constructor(code: ImageRejectedCode, message: string) {
    super(message);
    this.name = 'ImageRejectedError';
    this.code = code;
  }
}
