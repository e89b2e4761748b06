import sharp from 'sharp';
import type { PostImageType } from '../domain/qa/sniffImageType.js';
import { ImageRejectedError } from './ImageRejectedError.js';
import { IMAGE_LIMITS } from './imageLimits.js';

export interface ProcessedImage {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Decodes an upload and encodes it afresh: turned upright by its orientation tag, shrunk to the long-side limit,
 * and written without any metadata, so a photo's EXIF (GPS position, camera, owner) never reaches viewers and
 * nothing the sender smuggled into the file survives. The output keeps the type the bytes were.
 */
export async function processImage(input: Buffer, type: PostImageType): Promise<ProcessedImage> {
  // failOn 'error': a truncated or corrupt file is refused rather than half-decoded into grey.
  const pipeline = sharp(input, { limitInputPixels: IMAGE_LIMITS.maxInputPixels, failOn: 'error' })
    .autoOrient()
    .resize(IMAGE_LIMITS.maxSide, IMAGE_LIMITS.maxSide, { fit: 'inside', withoutEnlargement: true });
  switch (type) {
    case 'image/jpeg':
      // Plain libjpeg-turbo: mozjpeg's files are about a quarter smaller but take four times the CPU (0.8 s against
      // 0.2 s for a 12 MP photo), CPU the live stream's encoder on the same machine needs more.
      pipeline.jpeg({ quality: IMAGE_LIMITS.jpegQuality });
      break;
    case 'image/png':
      pipeline.png({ compressionLevel: 9 });
      break;
    case 'image/webp':
      pipeline.webp({ quality: IMAGE_LIMITS.jpegQuality });
      break;
  }
  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new ImageRejectedError(
        'image_too_many_pixels',
        `The picture has more than ${IMAGE_LIMITS.maxInputPixels / 1_000_000} megapixels; send a smaller one.`,
      );
    }
    throw new ImageRejectedError('image_unreadable', 'The picture could not be decoded; it may be damaged. Send it again or pick another.');
  }
}
