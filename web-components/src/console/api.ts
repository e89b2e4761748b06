import { ApiError, fetchJson } from '../api/client.js';

/** The hash the console returns to after a login forced by a 401. */
let returnTo = '';

export function takeReturnTo(): string {
  const hash = returnTo;
  returnTo = '';
  return hash;
}

/**
 * A same-origin console API call with the session cookie and a JSON body. A 401 means the session is gone:
 * remember where the user was and go to the login page (unless the caller handles 401 itself, as login does).
 */
export async function api<T>(
  path: string,
  options: { method?: string; body?: unknown; redirectOn401?: boolean } = {},
): Promise<T> {
  const { method = 'GET', body, redirectOn401 = true } = options;
  try {
    return await fetchJson<T>('', path, {
      method,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
  } catch (error) {
    if (redirectOn401 && error instanceof ApiError && error.status === 401 && location.hash !== '#/login') {
      returnTo = location.hash;
      location.hash = '#/login';
    }
    throw error;
  }
}

/** The message to show inline for a failed call: the server's own message when it sent one. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
