import type { PostImage } from './types.js';

export type PostImageType = PostImage['mimeType'];

/**
 * The picture type the bytes themselves announce (their magic numbers), or null for anything else. An upload's
 * Content-Type and file name are the sender's claim; only this decides what the server stores and serves.
 */
export function sniffImageType(bytes: Uint8Array): PostImageType | null {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF <size> WEBP
  if (startsWith(bytes, 0, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, 8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  return null;
}

function startsWith(bytes: Uint8Array, offset: number, magic: readonly number[]): boolean {
  if (bytes.length < offset + magic.length) return false;
  return magic.every((byte, i) => bytes[offset + i] === byte);
}
