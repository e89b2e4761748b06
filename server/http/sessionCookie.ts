import type { CookieOptions, Request } from 'express';

export const SESSION_COOKIE = 'oi_session';

/** httpOnly so page scripts cannot read it; Lax so other sites cannot post with it; Secure when served over https. */
export function sessionCookieOptions(publicUrl: string, expires?: Date): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: publicUrl.startsWith('https:'),
    path: '/',
    ...(expires && { expires }),
  };
}

/** The session token from the Cookie header (express 5 does not parse cookies, and one cookie needs no library). */
export function readSessionToken(req: Request): string | null {
  return sessionTokenFromCookieHeader(req.get('Cookie'));
}

/** The session token in a Cookie header's value; also for WebSocket upgrades, which never pass through express. */
export function sessionTokenFromCookieHeader(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === SESSION_COOKIE) {
      const value = part.slice(separator + 1).trim();
      return value === '' ? null : value;
    }
  }
  return null;
}
