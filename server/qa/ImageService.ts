import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { PostImageRepository } from '../db/PostImageRepository.js';
import { isAllowed } from '../domain/qa/permissions.js';
import { QaForbiddenError } from '../domain/qa/QaRuleError.js';
import { sniffImageType, type PostImageType } from '../domain/qa/sniffImageType.js';
import type { Actor, PostImage } from '../domain/qa/types.js';
import { ImageRejectedError } from './ImageRejectedError.js';
import { processImage } from './processImage.js';
import type { ImageUrl } from './qaEvents.js';

const EXTENSIONS: Record<PostImageType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

export interface UploadedImage {
  id: string;
  url: string;
  width: number;
  height: number;
  bytes: number;
  mimeType: PostImageType;
}

/** Where a served picture lives, and whether anyone may see it or only the interview's staff. */
export interface ServableImage {
  path: string;
  mimeType: PostImageType;
  public: boolean;
}

/**
 * Post pictures: an upload is checked by its bytes, re-encoded clean (processImage) and stored below the data
 * directory as `interviews/<id>/images/<imageId>.<ext>`, waiting for the post that will carry it.
 */
export class ImageService {
  readonly #images: PostImageRepository;
  readonly #dataDir: string;
  readonly #imageUrl: ImageUrl;
  readonly #logger: Logger;

  constructor(deps: { images: PostImageRepository; dataDir: string; imageUrl: ImageUrl; logger: Logger }) {
    this.#images = deps.images;
    this.#dataDir = deps.dataDir;
    this.#imageUrl = deps.imageUrl;
    this.#logger = deps.logger;
  }

  /** `declaredType` is the request's Content-Type, already one of the three; the bytes must agree with it. */
  async upload(interviewId: string, actor: Actor, declaredType: PostImageType, body: Buffer): Promise<UploadedImage> {
    // Pictures exist only for posts, so whoever may write a host or a guest post may upload.
    if (!isAllowed(actor, 'post.host') && !isAllowed(actor, 'post.guest')) {
      throw new QaForbiddenError('Uploading pictures needs the role host or guest in this interview.');
    }
    const sniffed = sniffImageType(body);
    if (sniffed !== declaredType) {
      throw new ImageRejectedError(
        'image_type_mismatch',
        sniffed === null
          ? 'The file is not a JPEG, PNG or WebP picture.'
          : `The file is a ${sniffed} picture but was sent as ${declaredType}; send it with its own type.`,
      );
    }
    const started = performance.now();
    const processed = await processImage(body, sniffed);
    const id = crypto.randomUUID();
    const image: PostImage = {
      id,
      path: `interviews/${interviewId}/images/${id}.${EXTENSIONS[sniffed]}`,
      mimeType: sniffed,
      width: processed.width,
      height: processed.height,
      bytes: processed.data.length,
    };
    await this.#writeFile(image.path, processed.data);
    try {
      await this.#images.insert({ ...image, interviewId, uploadedBy: actor.userId, postId: null, createdAt: new Date() });
    } catch (error) {
      // No row, no way to reach the file: do not leave it behind.
      await fs.rm(path.join(this.#dataDir, image.path), { force: true });
      throw error;
    }
    this.#logger.info(
      { interviewId, imageId: image.id, userId: actor.userId, inBytes: body.length, outBytes: image.bytes, ms: Math.round(performance.now() - started) },
      'post image stored',
    );
    return { id: image.id, url: this.#imageUrl(image.path), width: image.width, height: image.height, bytes: image.bytes, mimeType: image.mimeType };
  }

  /** The picture at `relativePath`, or null when none is stored there. */
  async find(relativePath: string): Promise<ServableImage | null> {
    const stored = await this.#images.findByPath(relativePath);
    if (!stored) return null;
    return { path: stored.row.path, mimeType: stored.row.mimeType, public: stored.postStatus === 'approved' };
  }

  /** Written under a temporary name and renamed: a crash leaves a stray temp file, never a half picture at a URL. */
  async #writeFile(relativePath: string, data: Buffer): Promise<void> {
    const target = path.join(this.#dataDir, relativePath);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${crypto.randomUUID()}.tmp`;
    try {
      await fs.writeFile(temp, data, { flag: 'wx' });
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }
}
