/**
 * The netizen's device token: 32 random bytes, base64url (43 characters), created once and kept in localStorage
 * under DEVICE_TOKEN_KEY, so "我的提问" survives reloads and is shared by every interview on the portal's origin.
 * Sent as X-Device-Token and in the socket's hello; the server keeps only its hash.
 */
export const DEVICE_TOKEN_KEY = 'online-interview.device-token';

/** What the server accepts: 32–128 URL-safe characters. A stored value that is not this is replaced. */
const VALID = /^[A-Za-z0-9_-]{32,128}$/;

/** Where localStorage is blocked (privacy settings, some embedded webviews) the token lives for this page only. */
let memoryToken: string | null = null;

type TokenStorage = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): TokenStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Reading localStorage itself throws (SecurityError) when the browser blocks site data.
    return null;
  }
}

/** 32 random bytes as base64url without padding. */
export function newDeviceToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The token if this device has one, without creating it (a viewer who never asked has none). */
export function peekDeviceToken(storage: TokenStorage | null = defaultStorage()): string | null {
  if (memoryToken) return memoryToken;
  try {
    const stored = storage?.getItem(DEVICE_TOKEN_KEY) ?? null;
    return stored !== null && VALID.test(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The device's token, created and stored on first use. */
export function deviceToken(storage: TokenStorage | null = defaultStorage()): string {
  const existing = peekDeviceToken(storage);
  if (existing) return existing;
  const token = newDeviceToken();
  try {
    if (!storage) throw new Error('no storage');
    storage.setItem(DEVICE_TOKEN_KEY, token);
  } catch {
    // Full or blocked storage: remember it in memory for as long as the page lives.
    memoryToken = token;
  }
  return token;
}

/** Forgets the in-memory token; for tests. */
export function resetMemoryDeviceToken(): void {
  memoryToken = null;
}
