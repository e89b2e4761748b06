import { LitElement, css, html, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../i18n/index.js';
import { baseStyles } from '../styles.js';

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  /** A move that cannot be undone lightly (ending a show): the confirm button is red. */
  danger?: boolean;
}

/**
 * <oi-confirm-dialog>: asks before a status change. A native modal <dialog>: the page behind is inert (focus stays
 * in the dialog), Esc cancels, it is labelled by its title and described by its text; focus starts on Cancel (the
 * safe choice) and returns to the button that opened it.
 */
export class OiConfirmDialog extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    request: { state: true },
  };

  declare lang: string;
  declare request: ConfirmRequest | null;

  #resolve: ((confirmed: boolean) => void) | null = null;
  #opener: HTMLElement | null = null;

  constructor() {
    super();
    this.request = null;
  }

  private msg(key: MessageKey): string {
    return t(this.lang, key);
  }

  /** Shows the question; resolves true on confirm, false on cancel or Esc. */
  async ask(request: ConfirmRequest): Promise<boolean> {
    this.#resolve?.(false);
    this.#opener = deepActiveElement();
    this.request = request;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog')!;
    dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('#cancel')?.focus();
    return new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  private finish(confirmed: boolean): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog?.open) dialog.close();
    this.#resolve?.(confirmed);
    this.#resolve = null;
    this.#opener?.focus();
    this.#opener = null;
  }

  override render(): TemplateResult {
    const request = this.request;
    return html`
      <dialog
        aria-labelledby="confirm-title"
        aria-describedby="confirm-body"
        @cancel=${(event: Event) => {
          event.preventDefault();
          this.finish(false);
        }}
      >
        <h2 id="confirm-title">${request?.title ?? ''}</h2>
        <p id="confirm-body">${request?.body ?? ''}</p>
        <div class="buttons">
          <button id="cancel" type="button" class="secondary" @click=${() => this.finish(false)}>${this.msg('dialogCancel')}</button>
          <button id="confirm" type="button" class=${request?.danger ? 'danger' : ''} @click=${() => this.finish(true)}>
            ${request?.confirmLabel ?? ''}
          </button>
        </div>
      </dialog>
    `;
  }

  static override styles = [
    baseStyles,
    css`
      dialog {
        max-width: min(36em, 92vw);
        border: 2px solid var(--oi-border, #767676);
        border-radius: var(--oi-radius, 4px);
        padding: 1.2em 1.5em;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 55%);
      }
      h2 {
        margin-top: 0;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: 0.5em 1em;
      }
    `,
  ];
}

/** The focused element, looking inside shadow roots (the console nests them). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

if (!customElements.get('oi-confirm-dialog')) customElements.define('oi-confirm-dialog', OiConfirmDialog);
