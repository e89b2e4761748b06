import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type OutputInfo } from 'sharp';
import { portraitPath } from '../domain/Interview.js';
import { sniffImageType, type PostImageType } from '../domain/qa/sniffImageType.js';
import { ImageRejectedError } from '../qa/ImageRejectedError.js';
import { IMAGE_LIMITS } from '../qa/imageLimits.js';

/** A portrait's file name: what the upload answers and the interview's people refer to. */
const PORTRAIT_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.jpg$/;

/** A portrait is shown at most a few hundred pixels wide; twice that is sharp on any screen. */
const PORTRAIT_SIDE = 800;

export interface StoredPortrait {
  /** The file name to put in the person's `photo`. */
  photo: string;
  width: number;
  height: number;
  bytes: number;
}

/**
 * The host's and guests' portraits: `<dataDir>/interviews/<id>/people/<uuid>.jpg`. An upload is checked by its bytes
 * (JPEG, PNG or WebP), decoded with the post pictures' limits, turned upright, shrunk, flattened on white and
 * re-encoded as JPEG without any metadata (no EXIF position or camera data reaches the portal). The file name is
 * the record: a person refers to it, and only names of this shape are looked up.
 */
export class PortraitStore {
  readonly #dataDir: string;

  constructor(dataDir: string) {
    this.#dataDir = dataDir;
  }

  async save(interviewId: string, declaredType: PostImageType, body: Buffer): Promise<StoredPortrait> {
    const sniffed = sniffImageType(body);
    if (sniffed !== declaredType) {
      throw new ImageRejectedError(
        'image_type_mismatch',
        sniffed === null
          ? 'The file is not a JPEG, PNG or WebP picture; save the photo as one of those and upload it again.'
          : `The file is a ${sniffed} picture but was sent as ${declaredType}; send it with its own type.`,
      );
    }
    const { data, info } = await encode(body);
    const photo = `${crypto.randomUUID()}.jpg`;
    const file = this.#file(interviewId, photo);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Written under a temporary name and renamed, so a reader never sees half a file.
    const temp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
    return { photo, width: info.width, height: info.height, bytes: data.length };
  }

  /** Whether `photo` names a portrait uploaded for this interview. */
  async exists(interviewId: string, photo: string): Promise<boolean> {
    if (!PORTRAIT_FILE.test(photo)) return false;
    return fs.access(this.#file(interviewId, photo)).then(
      () => true,
      () => false,
    );
  }

  /** The file below the data directory, or null for a name that cannot be a portrait. */
  relativePath(interviewId: string, photo: string): string | null {
    return PORTRAIT_FILE.test(photo) ? portraitPath(interviewId, photo) : null;
  }

  #file(interviewId: string, photo: string): string {
    return path.join(this.#dataDir, portraitPath(interviewId, photo));
  }
}

async function encode(body: Buffer): Promise<{ data: Buffer; info: OutputInfo }> {
  try {
    return await sharp(body, { limitInputPixels: IMAGE_LIMITS.maxInputPixels, failOn: 'error' })
      .autoOrient()
      .resize(PORTRAIT_SIDE, PORTRAIT_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: IMAGE_LIMITS.jpegQuality })
      .toBuffer({ resolveWithObject: true });
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
