import { LitElement, html, type TemplateResult } from 'lit';
import type { Interview, NewInterview } from '../api/types.js';

type Guest = { name: string; position: string };
import { t, type MessageKey } from '../i18n/index.js';
import { baseStyles } from '../styles.js';
import { api, errorMessage } from './api.js';
import { consoleStyles } from './console-styles.js';
import { localInputToIso } from './routes.js';

/** The "new interview" form. Fires `oi-interview-created` (detail {interview}). */
export class OiInterviewForm extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    guests: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare lang: string;
  declare guests: Guest[];
  declare error: string;
  declare busy: boolean;

  /** Which field to focus after the next render (add/remove guest rows move focus deliberately). */
  private focusSelector: string | null = null;

  constructor() {
    super();
    this.guests = [{ name: '', position: '' }];
    this.error = '';
    this.busy = false;
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  protected override updated(): void {
    if (this.focusSelector) {
      this.renderRoot.querySelector<HTMLElement>(this.focusSelector)?.focus();
      this.focusSelector = null;
    }
  }

  private setGuest(index: number, field: keyof Guest, value: string): void {
    this.guests = this.guests.map((guest, i) => (i === index ? { ...guest, [field]: value } : guest));
  }

  private addGuest(): void {
    this.guests = [...this.guests, { name: '', position: '' }];
    this.focusSelector = `#guest-name-${this.guests.length - 1}`;
  }

  private removeGuest(index: number): void {
    this.guests = this.guests.filter((_, i) => i !== index);
    this.focusSelector = '#add-guest';
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const title = text('title');
    if (!title) {
      this.error = this.msg('titleRequired');
      this.focusSelector = '#title';
      return;
    }
    const guests = this.guests
      .map((guest) => ({ name: guest.name.trim(), position: guest.position.trim() }))
      .filter((guest) => guest.name || guest.position);
    const unnamed = this.guests.findIndex((guest) => !guest.name.trim() && guest.position.trim());
    if (unnamed >= 0) {
      this.error = this.msg('guestNameRequired', { n: unnamed + 1 });
      this.focusSelector = `#guest-name-${unnamed}`;
      return;
    }
    const body: NewInterview = { title };
    if (text('topic')) body.topic = text('topic');
    if (text('department')) body.department = text('department');
    const startsAt = localInputToIso(text('startsAt'));
    if (startsAt) body.startsAt = startsAt;
    if (guests.length > 0) body.guests = guests;
    this.busy = true;
    this.error = '';
    try {
      const interview = await api<Interview>('/api/interviews', { method: 'POST', body });
      form.reset();
      this.guests = [{ name: '', position: '' }];
      this.dispatchEvent(new CustomEvent('oi-interview-created', { detail: { interview }, bubbles: true, composed: true }));
    } catch (error) {
      this.error = this.msg('errGeneric', { message: errorMessage(error) });
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    return html`
      <form
        @submit=${this.submit}
        @input=${() => {
          this.error = '';
        }}
        aria-labelledby="create-title"
        novalidate
      >
        <h2 id="create-title">${this.msg('createTitle')}</h2>
        <div class="field">
          <label for="title">${this.msg('fieldTitle')}</label>
          <input id="title" name="title" required aria-required="true" maxlength="200" />
        </div>
        <div class="field">
          <label for="topic">${this.msg('fieldTopic')}</label>
          <input id="topic" name="topic" maxlength="500" />
        </div>
        <div class="field">
          <label for="department">${this.msg('fieldDepartment')}</label>
          <input id="department" name="department" maxlength="200" />
        </div>
        <div class="field">
          <label for="startsAt">${this.msg('fieldStartsAt')}</label>
          <input id="startsAt" name="startsAt" type="datetime-local" />
        </div>
        <fieldset>
          <legend>${this.msg('guestsLegend')}</legend>
          ${this.guests.map(
            (guest, index) => html`
              <div class="row">
                <div class="field">
                  <label for="guest-name-${index}">${this.msg('guestName', { n: index + 1 })}</label>
                  <input
                    id="guest-name-${index}"
                    .value=${guest.name}
                    @input=${(e: Event) => this.setGuest(index, 'name', (e.target as HTMLInputElement).value)}
                  />
                </div>
                <div class="field">
                  <label for="guest-position-${index}">${this.msg('guestPosition', { n: index + 1 })}</label>
                  <input
                    id="guest-position-${index}"
                    .value=${guest.position}
                    @input=${(e: Event) => this.setGuest(index, 'position', (e.target as HTMLInputElement).value)}
                  />
                </div>
                <button type="button" class="secondary" @click=${() => this.removeGuest(index)}>
                  ${this.msg('removeGuest', { n: index + 1 })}
                </button>
              </div>
            `,
          )}
          <button id="add-guest" type="button" class="secondary" @click=${this.addGuest}>${this.msg('addGuest')}</button>
        </fieldset>
        <p class="error" role="alert">${this.error}</p>
        <button type="submit" ?disabled=${this.busy}>${this.msg('createSubmit')}</button>
      </form>
    `;
  }

  static override styles = [baseStyles, consoleStyles];
}

if (!customElements.get('oi-interview-form')) customElements.define('oi-interview-form', OiInterviewForm);
