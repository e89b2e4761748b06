import { html, nothing, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../i18n/index.js';
import { REJECT_REASONS, type PostImage, type PostRole, type QuestionStatus } from './types.js';

export const QUESTION_STATUS_KEYS: Record<QuestionStatus, MessageKey> = {
  pending: 'qStatusPending',
  approved: 'qStatusApproved',
  answered: 'qStatusAnswered',
  rejected: 'qStatusRejected',
  withdrawn: 'qStatusWithdrawn',
  merged: 'qStatusMerged',
};

/** The catalogue label of each preset reject reason, in REJECT_REASONS order (the value sent stays the preset). */
const REASON_KEYS: Record<(typeof REJECT_REASONS)[number], MessageKey> = {
  与主题无关: 'reasonOffTopic',
  重复提问: 'reasonDuplicate',
  含不文明用语: 'reasonUncivil',
  涉及个人隐私: 'reasonPrivacy',
  信息不完整: 'reasonIncomplete',
};

export function reasonLabel(lang: string | null | undefined, reason: (typeof REJECT_REASONS)[number]): string {
  return t(lang, REASON_KEYS[reason]);
}

/** The authorName the server gives host posts while interviews record no host's name: the role, not a name. */
const HOST_PLACEHOLDER_NAME = '主持人';

/** "主持人" (or "主持人 李华") or "嘉宾 王敏（县发展和改革局局长）": who speaks on a 图文直播 line. */
export function authorLabel(
  lang: string | null | undefined,
  post: { role: PostRole; authorName: string; authorPosition: string | null },
): string {
  if (post.role === 'host') {
    const name = post.authorName.trim();
    return name === '' || name === HOST_PLACEHOLDER_NAME ? t(lang, 'feedHostOnly') : t(lang, 'feedHost', { name });
  }
  return post.authorPosition
    ? t(lang, 'feedGuest', { name: post.authorName, position: post.authorPosition })
    : t(lang, 'feedGuestNoPosition', { name: post.authorName });
}

/** A post's pictures, sized to reserve their space before they load; the alt text says whose picture it is. */
export function renderImages(
  lang: string | null | undefined,
  post: { role: PostRole; authorName: string; authorPosition: string | null; images?: PostImage[] },
  resolve: (url: string) => string,
): TemplateResult | typeof nothing {
  const images = post.images ?? [];
  if (images.length === 0) return nothing;
  const alt = t(lang, 'feedImageAlt', { who: authorLabel(lang, post) });
  return html`<div class="images">
    ${images.map(
      (image) =>
        html`<img src=${resolve(image.url)} width=${image.width} height=${image.height} alt=${alt} loading="lazy" />`,
    )}
  </div>`;
}

/** Characters as a reader counts them (code points, so an emoji is one). */
export function charCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Sorts by an ISO time, then id, so every client lists the same order. */
export function byTime<T extends { id: string }>(time: (item: T) => string | null): (a: T, b: T) => number {
  return (a, b) => {
    const ta = Date.parse(time(a) ?? '') || 0;
    const tb = Date.parse(time(b) ?? '') || 0;
    return ta - tb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}
