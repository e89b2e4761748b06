import { resolveLang } from './i18n/index.js';

/** Time left to a start, split for display; null once it is due. */
export interface CountdownParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function countdownParts(msLeft: number): CountdownParts | null {
  if (!Number.isFinite(msLeft) || msLeft <= 0) return null;
  // Rounded up: "1 second" until it is due, never "0 seconds" while still waiting.
  const total = Math.ceil(msLeft / 1000);
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

/** A position in a recording as h:mm:ss, or m:ss under an hour (chapter marks). */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The local time of day of an ISO instant ("10:30"), for the end of a show that ends on the day it starts. */
export function formatTimeOfDay(lang: string | null | undefined, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(resolveLang(lang), { hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
}

/** Whether two ISO instants fall on the same local day. */
export function sameLocalDay(a: string, b: string): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

/**
 * Whether `url` (absolute or relative to the server) is on the configured server: the elements fetch nothing from
 * any other host, so a photo or picture URL pointing elsewhere is not loaded.
 */
export function isOnServer(url: string, server: string | null | undefined, baseUrl: string): boolean {
  try {
    const serverOrigin = new URL(server?.trim() || baseUrl).origin;
    return new URL(url, server?.trim() || baseUrl).origin === serverOrigin;
  } catch {
    return false;
  }
}
