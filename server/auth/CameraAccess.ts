import type { Logger } from 'pino';
import type { CameraRepository } from '../db/CameraRepository.js';
import type { StudioTokenRepository } from '../db/StudioTokenRepository.js';
import type { Camera, CameraIdentity } from '../domain/Camera.js';
import { isUuid } from '../domain/isUuid.js';
import { CAMERA_TOKEN_PREFIX, hashToken, newSecretToken, sameTokenHash, STUDIO_TOKEN_PREFIX } from './secretTokens.js';

/** A studio page stays usable for a working day; the camera's own token does not expire. */
const STUDIO_TOKEN_TTL_MS = 12 * 3_600_000;

/** What the WHIP router calls with a camera id and a bearer token (without "Bearer "). */
export type AuthenticateCamera = (cameraId: string, bearerToken: string) => Promise<CameraIdentity | null>;

/**
 * Camera tokens (long-lived, for OBS or an encoder: shown once, stored as sha256) and studio tokens (12 h, for the
 * console's studio page, issued to a logged-in staff member).
 */
export class CameraAccess {
  #cameras: CameraRepository;
  #studioTokens: StudioTokenRepository;
  #logger: Logger;

  constructor(options: { cameras: CameraRepository; studioTokens: StudioTokenRepository; logger: Logger }) {
    this.#cameras = options.cameras;
    this.#studioTokens = options.studioTokens;
    this.#logger = options.logger.child({ component: 'camera-access' });
  }

  /** The token is returned only here: the database keeps its hash. */
  async addCamera(interviewId: string, name: string): Promise<{ camera: Camera; token: string }> {
    const token = newSecretToken(CAMERA_TOKEN_PREFIX);
    const camera = await this.#cameras.create({ interviewId, name, tokenHash: hashToken(token) });
    this.#logger.info({ cameraId: camera.id, interviewId }, 'camera added');
    return { camera, token };
  }

  /** A new token replacing the old one at once; null when there is no such active camera. */
  async regenerateToken(cameraId: string): Promise<string | null> {
    if (!isUuid(cameraId)) return null;
    const token = newSecretToken(CAMERA_TOKEN_PREFIX);
    if (!(await this.#cameras.replaceTokenHash(cameraId, hashToken(token)))) return null;
    this.#logger.info({ cameraId }, 'camera token regenerated');
    return token;
  }

  /** Removes the camera: its token and studio tokens stop working. False when there is no such active camera. */
  async revoke(cameraId: string): Promise<boolean> {
    if (!isUuid(cameraId)) return false;
    if (!(await this.#cameras.revoke(cameraId, new Date()))) return false;
    await this.#studioTokens.deleteForCamera(cameraId);
    this.#logger.info({ cameraId }, 'camera revoked');
    return true;
  }

  /** Null when there is no such active camera. */
  async issueStudioToken(cameraId: string, userId: string): Promise<{ camera: Camera; token: string; expiresAt: Date } | null> {
    if (!isUuid(cameraId)) return null;
    const camera = await this.#cameras.findActive(cameraId);
    if (!camera) return null;
    const now = new Date();
    await this.#studioTokens.deleteExpired(now);
    const token = newSecretToken(STUDIO_TOKEN_PREFIX);
    const expiresAt = new Date(now.getTime() + STUDIO_TOKEN_TTL_MS);
    await this.#studioTokens.create({ cameraId, tokenHash: hashToken(token), userId, expiresAt });
    this.#logger.info({ cameraId, userId, expiresAt }, 'studio token issued');
    return { camera, token, expiresAt };
  }

  /** Accepts the camera's token or one of its unexpired studio tokens; null otherwise (or for a removed camera). */
  readonly authenticate: AuthenticateCamera = async (cameraId, bearerToken) => {
    if (!isUuid(cameraId) || bearerToken === '') return null;
    const camera = await this.#cameras.findWithTokenHash(cameraId);
    if (!camera || camera.revokedAt !== null) return null;
    const presented = hashToken(bearerToken);
    let accepted = sameTokenHash(camera.tokenHash, presented);
    for (const studioHash of await this.#studioTokens.validHashes(cameraId, new Date())) {
      // No early exit: every candidate is compared, so timing says nothing about which one matched.
      accepted = sameTokenHash(studioHash, presented) || accepted;
    }
    return accepted ? { cameraId: camera.id, interviewId: camera.interviewId } : null;
  };
}
