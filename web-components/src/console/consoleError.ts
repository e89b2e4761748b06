import { ApiError } from '../api/client.js';
import { t, type MessageKey } from '../i18n/index.js';
import { errorMessage } from './api.js';

/** Codes the console explains in the user's language, each saying what to do; others show the server's own message. */
const CODE_KEYS: Record<string, MessageKey> = {
  network: 'errNetworkDo',
  image_too_large: 'errPhotoTooLarge',
  unsupported_image_type: 'errPhotoType',
  image_type_mismatch: 'errPhotoType',
  image_unreadable: 'errPhotoUnreadable',
  image_too_many_pixels: 'errPhotoTooLarge',
  invalid_status_transition: 'errStatusMoved',
  unauthenticated: 'errSignedOut',
};

/** The line to show for a failed console action. */
export function consoleError(lang: string | null | undefined, error: unknown): string {
  if (error instanceof ApiError) {
    const key = error.status === 0 ? CODE_KEYS['network'] : CODE_KEYS[error.code];
    if (key) return t(lang, key);
  } else if (error instanceof TypeError) {
    // fetch rejects with a TypeError when the server cannot be reached.
    return t(lang, 'errNetworkDo');
  }
  return t(lang, 'errGeneric', { message: errorMessage(error) });
}
