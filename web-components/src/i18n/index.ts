import { zhCN, type MessageKey, type Messages } from './zh-CN.js';
import { en } from './en.js';

export type { MessageKey, Messages };

export type Lang = 'zh-CN' | 'en';

export const DEFAULT_LANG: Lang = 'zh-CN';

export const catalogues: Record<Lang, Messages> = { 'zh-CN': zhCN, en };

/** Maps a `lang` attribute value (e.g. "en-GB", "zh", "") to a catalogue we have; zh-CN otherwise. */
export function resolveLang(lang: string | null | undefined): Lang {
  const tag = (lang ?? '').trim().toLowerCase();
  return tag === 'en' || tag.startsWith('en-') ? 'en' : DEFAULT_LANG;
}

/** Looks up `key` in the catalogue for `lang` and fills {placeholders} from `params`. */
export function t(lang: string | null | undefined, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogues[resolveLang(lang)][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Formats an ISO instant as a full local date and time in the given language. */
export function formatDateTime(lang: string | null | undefined, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // Explicit fields rather than dateStyle/timeStyle: Safari 13 lacks those.
  return new Intl.DateTimeFormat(resolveLang(lang), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

/** A short local time for feed lines: "09:30", with the date when it is not today ("5月15日 09:30"). */
export function formatTime(lang: string | null | undefined, iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const today = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(resolveLang(lang), {
    ...(today ? {} : { month: 'short', day: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}
