import crypto from 'node:crypto';

/** Bearer tokens: a prefix saying what the token is for (so a leaked one is recognisable) and 256 random bits. */
export const CAMERA_TOKEN_PREFIX = 'oi_cam_';
export const STUDIO_TOKEN_PREFIX = 'oi_studio_';

export function newSecretToken(prefix = ''): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

/**
 * sha256 of a token, hex. Tokens carry 256 random bits, so a fast hash is enough: no one can guess one from its
 * hash, and the database never holds a usable token.
 */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two token hashes in constant time. */
export function sameTokenHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
