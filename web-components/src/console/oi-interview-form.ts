import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { InterviewDetails, PersonInput, StaffInterview } from '../api/types.js';
import { t, type MessageKey } from '../i18n/index.js';
import { baseStyles } from '../styles.js';
import { api } from './api.js';
import { consoleError } from './consoleError.js';
import { consoleStyles } from './console-styles.js';
import { isoToLocalInput, localInputToIso } from './routes.js';
import { uploadPortrait } from './uploadImage.js';

/** A host or guest being edited; `file` is a chosen photo not uploaded yet (new interviews upload after saving). */
interface PersonDraft {
  name: string;
  position: string;
  bio: string;
  photo: string | null;
  photoUrl: string | null;
  file: File | null;
}

const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

const emptyPerson = (): PersonDraft => ({ name: '', position: '', bio: '', photo: null, photoUrl: null, file: null });

/**
 * The interview form: creates a draft (草稿) or edits any interview — title, topic, department, start and end,
 * background, the host and the guests (photo, post, short bio; reordered with Move up/down). Photos upload with a
 * progress line. Fires `oi-interview-saved` (detail {interview}).
 */
export class OiInterviewForm extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    interview: { attribute: false },
    host: { state: true },
    guests: { state: true },
    error: { state: true },
    progress: { state: true },
  };

  declare lang: string;
  /** The interview to edit; null creates a new draft. */
  declare interview: StaffInterview | null;
  declare host: PersonDraft;
  declare guests: PersonDraft[];
  declare error: string;
  /** What the long save is doing now ('' when idle); shown in a live region. */
  declare progress: string;

  /** Which field to focus after the next render (adding, removing and moving rows move focus deliberately). */
  private focusSelector: string | null = null;
  /** The draft this form created, so a retry after a failed upload does not create another. */
  private created: StaffInterview | null = null;

  constructor() {
    super();
    this.interview = null;
    this.host = emptyPerson();
    this.guests = [emptyPerson()];
    this.error = '';
    this.progress = '';
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('interview') && this.interview) {
      const toDraft = (p: { name: string; position: string; bio: string | null; photo: string | null; photoUrl: string | null }): PersonDraft => ({
        name: p.name,
        position: p.position,
        bio: p.bio ?? '',
        photo: p.photo,
        photoUrl: p.photoUrl,
        file: null,
      });
      this.host = this.interview.host ? toDraft(this.interview.host) : emptyPerson();
      this.guests = this.interview.guests.map(toDraft);
    }
  }

  protected override updated(): void {
    if (this.focusSelector) {
      this.renderRoot.querySelector<HTMLElement>(this.focusSelector)?.focus();
      this.focusSelector = null;
    }
  }

  private setGuest(index: number, patch: Partial<PersonDraft>): void {
    this.guests = this.guests.map((guest, i) => (i === index ? { ...guest, ...patch } : guest));
  }

  private addGuest(): void {
    this.guests = [...this.guests, emptyPerson()];
    this.focusSelector = `#guest-name-${this.guests.length - 1}`;
  }

  private removeGuest(index: number): void {
    this.guests = this.guests.filter((_, i) => i !== index);
    this.focusSelector = '#add-guest';
  }

  private moveGuest(index: number, by: -1 | 1): void {
    const to = index + by;
    if (to < 0 || to >= this.guests.length) return;
    const guests = [...this.guests];
    [guests[index], guests[to]] = [guests[to]!, guests[index]!];
    this.guests = guests;
    this.focusSelector = `#guest-${by < 0 ? 'up' : 'down'}-${to}`;
    if (to === 0 || to === this.guests.length - 1) this.focusSelector = `#guest-name-${to}`;
  }

  private choosePhoto(event: Event, apply: (patch: Partial<PersonDraft>) => void): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    if (file) apply({ file, photoUrl: URL.createObjectURL(file) });
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.progress) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const fail = (message: string, selector: string) => {
      this.error = message;
      this.focusSelector = selector;
    };
    const title = text('title');
    if (!title) return fail(this.msg('titleRequired'), '#title');
    const unnamed = this.guests.findIndex((guest) => !guest.name.trim());
    if (unnamed >= 0) return fail(this.msg('guestNameRequired', { n: unnamed + 1 }), `#guest-name-${unnamed}`);
    const hostNamed = this.host.name.trim() !== '';
    if (!hostNamed && (this.host.position.trim() || this.host.bio.trim() || this.host.file || this.host.photo)) {
      return fail(this.msg('hostNameRequired'), '#host-name');
    }
    const startsAt = localInputToIso(text('startsAt')) ?? null;
    const endsAt = localInputToIso(text('endsAt')) ?? null;
    if (startsAt && endsAt && endsAt <= startsAt) return fail(this.msg('endBeforeStart'), '#endsAt');

    const details: InterviewDetails = {
      title,
      topic: text('topic') || null,
      department: text('department') || null,
      background: text('background') || null,
      startsAt,
      endsAt,
    };
    this.error = '';
    try {
      this.progress = this.msg('saving');
      let interview = this.interview ?? this.created;
      if (!interview) {
        // Photos need the interview: create the draft first, then upload them and save the people.
        interview = await api<StaffInterview>('/api/interviews', { method: 'POST', body: { ...details, status: 'draft' } });
        this.created = interview;
      }
      const host = hostNamed ? await this.uploadIfChosen(interview.id, this.host, this.msg('hostLegend')) : null;
      const guests: PersonInput[] = [];
      for (const [index, guest] of this.guests.entries()) {
        guests.push(await this.uploadIfChosen(interview.id, guest, this.msg('guestNumber', { n: index + 1 })));
      }
      this.progress = this.msg('saving');
      const saved = await api<StaffInterview>(`/api/interviews/${encodeURIComponent(interview.id)}`, {
        method: 'PUT',
        body: { ...details, host, guests },
      });
      this.dispatchEvent(new CustomEvent('oi-interview-saved', { detail: { interview: saved }, bubbles: true, composed: true }));
    } catch (error) {
      this.error = consoleError(this.lang, error);
    } finally {
      this.progress = '';
    }
  }

  /** The person as sent, after uploading their newly chosen photo (with a progress line naming them). */
  private async uploadIfChosen(interviewId: string, person: PersonDraft, who: string): Promise<PersonInput> {
    let photo = person.photo;
    if (person.file) {
      const stored = await uploadPortrait(interviewId, person.file, (fraction) => {
        this.progress = this.msg('uploadingPhoto', { who, percent: Math.round(fraction * 100) });
      });
      photo = stored.photo;
      person.file = null;
      person.photo = photo;
    }
    return { name: person.name.trim(), position: person.position.trim(), bio: person.bio.trim() || null, photo };
  }

  override render(): TemplateResult {
    const interview = this.interview;
    return html`
      <form @submit=${this.submit} aria-labelledby="form-title" novalidate>
        <h1 id="form-title">${interview ? this.msg('editTitle', { title: interview.title }) : this.msg('createTitle')}</h1>
        <div class="field">
          <label for="title">${this.msg('fieldTitle')}</label>
          <input id="title" name="title" required aria-required="true" maxlength="200" .value=${interview?.title ?? ''} />
        </div>
        <div class="field">
          <label for="topic">${this.msg('fieldTopic')}</label>
          <input id="topic" name="topic" maxlength="500" .value=${interview?.topic ?? ''} />
        </div>
        <div class="field">
          <label for="department">${this.msg('fieldDepartment')}</label>
          <input id="department" name="department" maxlength="100" .value=${interview?.department ?? ''} />
        </div>
        <div class="row">
          <div class="field">
            <label for="startsAt">${this.msg('fieldStartsAt')}</label>
            <input id="startsAt" name="startsAt" type="datetime-local" .value=${isoToLocalInput(interview?.startsAt ?? null)} />
          </div>
          <div class="field">
            <label for="endsAt">${this.msg('fieldEndsAt')}</label>
            <input id="endsAt" name="endsAt" type="datetime-local" .value=${isoToLocalInput(interview?.endsAt ?? null)} />
          </div>
        </div>
        <div class="field wide">
          <label for="background">${this.msg('fieldBackground')}</label>
          <textarea id="background" name="background" rows="5" maxlength="10000" .value=${interview?.background ?? ''}></textarea>
        </div>
        <fieldset>
          <legend>${this.msg('hostLegend')}</legend>
          ${this.renderPerson('host', this.host, (patch) => (this.host = { ...this.host, ...patch }), this.msg('hostLegend'))}
        </fieldset>
        <fieldset>
          <legend>${this.msg('guestsLegend')}</legend>
          ${this.guests.length === 0 ? html`<p>${this.msg('noGuestsYet')}</p>` : nothing}
          <ol class="people">
            ${this.guests.map(
              (guest, index) => html`
                <li>
                  ${this.renderPerson(`guest-${index}`, guest, (patch) => this.setGuest(index, patch), this.msg('guestNumber', { n: index + 1 }))}
                  <div class="actions">
                    <button id="guest-up-${index}" type="button" class="secondary" ?disabled=${index === 0} @click=${() => this.moveGuest(index, -1)}>
                      ${this.msg('moveUp', { who: this.msg('guestNumber', { n: index + 1 }) })}
                    </button>
                    <button
                      id="guest-down-${index}"
                      type="button"
                      class="secondary"
                      ?disabled=${index === this.guests.length - 1}
                      @click=${() => this.moveGuest(index, 1)}
                    >
                      ${this.msg('moveDown', { who: this.msg('guestNumber', { n: index + 1 }) })}
                    </button>
                    <button type="button" class="secondary" @click=${() => this.removeGuest(index)}>${this.msg('removeGuest', { n: index + 1 })}</button>
                  </div>
                </li>
              `,
            )}
          </ol>
          <button id="add-guest" type="button" class="secondary" @click=${this.addGuest}>${this.msg('addGuest')}</button>
        </fieldset>
        <p class="error" role="alert">${this.error}</p>
        <p class="progress" role="status" aria-live="polite">${this.progress}</p>
        <div class="actions">
          <button type="submit" ?disabled=${this.progress !== ''}>${this.msg(interview ? 'saveSubmit' : 'createSubmit')}</button>
          <a class="link-button" href=${interview ? `#/interviews/${encodeURIComponent(interview.id)}` : '#/interviews'}>${this.msg('dialogCancel')}</a>
        </div>
      </form>
    `;
  }

  /** Name, post, bio and photo of one person; `key` makes the ids unique ("host", "guest-0"…). */
  private renderPerson(key: string, person: PersonDraft, apply: (patch: Partial<PersonDraft>) => void, who: string): TemplateResult {
    const value = (event: Event) => (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    return html`
      <div class="person">
        <div class="photo">
          ${person.photoUrl
            ? html`<img src=${person.photoUrl} alt=${this.msg('photoOf', { who: person.name || who })} />`
            : html`<div class="no-photo" aria-hidden="true"></div>`}
          <label for="${key}-photo">${this.msg(person.photoUrl ? 'photoChange' : 'photoChoose', { who })}</label>
          <input id="${key}-photo" type="file" accept=${PHOTO_TYPES} @change=${(e: Event) => this.choosePhoto(e, apply)} />
          ${person.photoUrl
            ? html`<button type="button" class="secondary" @click=${() => apply({ photo: null, photoUrl: null, file: null })}>
                ${this.msg('photoRemove', { who })}
              </button>`
            : nothing}
        </div>
        <div class="texts">
          <div class="row">
            <div class="field">
              <label for="${key}-name">${this.msg('personName', { who })}</label>
              <input id="${key}-name" maxlength="100" .value=${person.name} @input=${(e: Event) => apply({ name: value(e) })} />
            </div>
            <div class="field">
              <label for="${key}-position">${this.msg('personPosition', { who })}</label>
              <input id="${key}-position" maxlength="200" .value=${person.position} @input=${(e: Event) => apply({ position: value(e) })} />
            </div>
          </div>
          <div class="field wide">
            <label for="${key}-bio">${this.msg('personBio', { who })}</label>
            <textarea id="${key}-bio" rows="3" maxlength="2000" .value=${person.bio} @input=${(e: Event) => apply({ bio: value(e) })}></textarea>
          </div>
        </div>
      </div>
    `;
  }

  static override styles = [
    baseStyles,
    consoleStyles,
    css`
      .wide {
        max-width: none;
      }
      textarea {
        font: inherit;
        line-height: 1.5;
      }
      .people {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .people > li {
        border-bottom: 1px solid var(--oi-border, #c4c4c4);
        padding: 0.8em 0;
        margin-bottom: 0.8em;
      }
      .person {
        display: flex;
        flex-wrap: wrap;
        gap: 1em;
      }
      .photo {
        display: flex;
        flex-direction: column;
        gap: 0.3em;
        width: 12em;
      }
      .photo img,
      .no-photo {
        width: 8em;
        height: 10em;
        object-fit: cover;
        background: #eee;
        border: 1px solid var(--oi-border, #c4c4c4);
      }
      .texts {
        flex: 1 1 20em;
      }
      .progress:empty,
      .error:empty {
        display: none;
      }
    `,
  ];
}

if (!customElements.get('oi-interview-form')) customElements.define('oi-interview-form', OiInterviewForm);
