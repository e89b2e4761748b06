import { studioMessages as enStudio } from './en/studio.js';
import { viewerMessages as enViewer } from './en/viewer.js';
import { studioMessages as zhStudio } from './zh-CN/studio.js';
import { viewerMessages as zhViewer } from './zh-CN/viewer.js';
import type { MessageKey, Messages } from './zh-CN.js';

export type { MessageKey, Messages };

export type Lang = 'zh-CN' | 'en';

export const DEFAULT_LANG: Lang = 'zh-CN';

/**
 * The strings loaded so far: the public elements' parts (viewer, studio) always; the console's entry adds every
 * other part through ./all.ts. So the bundle portals load carries only its own strings (its size budget), while
 * MessageKey still types every key. test/unit/web/public-catalogue.test.ts checks that the public entry's modules
 * name no key of the other parts.
 */
const catalogues: Record<Lang, Partial<Messages>> = {
  'zh-CN': { ...zhViewer, ...zhStudio },
  en: { ...enViewer, ...enStudio },
};

/** Adds a language's strings (the other parts of the product); later ones win. */
export function addMessages(lang: Lang, messages: Partial<Messages>): void {
  Object.assign(catalogues[lang], messages);
}

/** Maps a `lang` attribute value (e.g. "en-GB", "zh", "") to a catalogue we have; zh-CN otherwise. */
export function resolveLang(lang: string | null | undefined): Lang {
  const tag = (lang ?? '').trim().toLowerCase();
  return tag === 'en' || tag.startsWith('en-') ? 'en' : DEFAULT_LANG;
}

/** Looks up `key` in the catalogue for `lang` and fills {placeholders} from `params`. */
export function t(lang: string | null | undefined, key: MessageKey, params?: Record<string, string | number>): string {
  // The key itself rather than nothing if a part was not loaded: visible in tests, never a crash.
  const template = catalogues[resolveLang(lang)][key] ?? key;
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
