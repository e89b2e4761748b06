import { css, html, nothing, type TemplateResult } from 'lit';
import type { Person } from './api/types.js';
import { t } from './i18n/index.js';

/**
 * The announcement's people and background (预告): the host line, the 背景介绍 text and the 嘉宾介绍 cards. A photo is
 * shown only when `photoSrc` gives a URL for it (the element loads nothing from hosts other than its server).
 */
export function renderBackground(lang: string | null | undefined, background: string | null): TemplateResult | typeof nothing {
  const text = background?.trim();
  if (!text) return nothing;
  return html`<section class="background" part="background" aria-labelledby="oi-background-title">
    <h3 id="oi-background-title">${t(lang, 'backgroundTitle')}</h3>
    ${text.split(/\n\s*\n/).map((paragraph) => html`<p>${paragraph}</p>`)}
  </section>`;
}

/** "王芳（县融媒体中心主持人）", or the name alone when no post is given. */
export function personLine(lang: string | null | undefined, person: Pick<Person, 'name' | 'position'>): string {
  return person.position ? t(lang, 'personWithPosition', { name: person.name, position: person.position }) : person.name;
}

export function hostLine(lang: string | null | undefined, host: Person | null): string | null {
  return host && host.name.trim() ? personLine(lang, host) : null;
}

export function renderGuests(
  lang: string | null | undefined,
  guests: readonly Person[],
  photoSrc: (url: string) => string | null,
): TemplateResult | typeof nothing {
  if (guests.length === 0) return nothing;
  return html`<section class="guests" part="guests" aria-labelledby="oi-guests-title">
    <h3 id="oi-guests-title">${t(lang, 'guestsTitle')}</h3>
    <ul class="guest-list">
      ${guests.map((guest) => {
        const src = guest.photoUrl ? photoSrc(guest.photoUrl) : null;
        return html`<li class="guest" part="guest">
          ${src
            ? html`<img class="photo" part="guest-photo" src=${src} alt=${t(lang, 'guestPhotoAlt', { name: guest.name })} loading="lazy" />`
            : html`<span class="photo initial" part="guest-photo" aria-hidden="true">${[...guest.name.trim()][0] ?? ''}</span>`}
          <div class="guest-text">
            <p class="guest-name" part="guest-name">${guest.name}</p>
            ${guest.position ? html`<p class="guest-position" part="guest-position">${guest.position}</p>` : nothing}
            ${guest.bio?.trim() ? html`<p class="guest-bio" part="guest-bio">${guest.bio}</p>` : nothing}
          </div>
        </li>`;
      })}
    </ul>
  </section>`;
}

export const peopleStyles = css`
  .background p {
    margin: 0 0 0.6em;
    white-space: pre-line;
  }
  .guest-list {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .guest {
    display: flex;
    gap: 0.8em;
    flex: 1 1 18em;
    min-width: 0;
    padding: 0.8em;
    border: 1px solid var(--oi-border, #d0d0d0);
    border-radius: var(--oi-radius, 4px);
    background: var(--oi-surface, #fff);
  }
  .photo {
    flex: 0 0 auto;
    width: 6em;
    height: 7.5em;
    object-fit: cover;
    border-radius: var(--oi-radius, 4px);
    background: #e8e4de;
  }
  .initial {
    display: flex;
    align-items: center;
    justify-content: center;
    font-size: 2.2em;
    width: 2.7em;
    height: 3.4em;
    color: #4a4a4a;
  }
  .guest-text {
    min-width: 0;
  }
  .guest-text p {
    margin: 0 0 0.3em;
  }
  .guest-name {
    font-weight: bold;
    font-size: 1.1em;
  }
  .guest-position {
    color: var(--oi-muted-text, #444);
  }
  .guest-bio {
    white-space: pre-line;
  }
`;
