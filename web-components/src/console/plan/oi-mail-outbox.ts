import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime } from '../../i18n/index.js';
import { api } from '../api.js';
import { PlanElement } from './PlanElement.js';
import type { MailOutbox } from './planTypes.js';

/**
 * #/mail: the e-mail outbox for the office (邮件发送): whether a mail server is configured, how many mails wait, went
 * out or failed, and the newest ones with their tries and last error; a failed one can be queued again.
 */
export class OiMailOutbox extends PlanElement {
  static override properties = { ...PlanElement.properties, outbox: { state: true } };

  declare outbox: MailOutbox | null;

  constructor() {
    super();
    this.outbox = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.outbox = await api<MailOutbox>('/api/mail/outbox');
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  private async retry(id: string): Promise<void> {
    if (await this.act(() => api(`/api/mail/outbox/${encodeURIComponent(id)}/retry`, { method: 'POST' }), 'planMailRetried')) await this.load();
  }

  override render(): TemplateResult {
    const outbox = this.outbox;
    return html`
      <h1>${this.msg('planMailTitle')}</h1>
      ${this.renderMessages()}
      ${outbox === null
        ? this.error
          ? nothing
          : html`<p>${this.msg('loading')}</p>`
        : html`
            <p>${this.msg(outbox.enabled ? 'planMailOn' : 'planMailOff')}</p>
            <p>${this.msg('planMailCounts', outbox.counts)}</p>
            <button type="button" ?disabled=${this.busy} @click=${() => void this.load()}>${this.msg('planMailRefresh')}</button>
            ${outbox.mails.length === 0 ? html`<p>${this.msg('planMailEmpty')}</p>` : this.renderMails(outbox)}
          `}
    `;
  }

  private renderMails(outbox: MailOutbox): TemplateResult {
    return html`
      <div class="table-scroll" tabindex="0" role="region" aria-label=${this.msg('planMailTitle')}>
        <table>
          <caption>${this.msg('planMailTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">${this.msg('planMailTo')}</th>
              <th scope="col">${this.msg('planMailSubject')}</th>
              <th scope="col">${this.msg('planMailState')}</th>
              <th scope="col">${this.msg('planMailAttempts')}</th>
              <th scope="col">${this.msg('planMailError')}</th>
            </tr>
          </thead>
          <tbody>
            ${outbox.mails.map(
              (mail) => html`<tr>
                <th scope="row">${mail.to}</th>
                <td>${mail.subject}</td>
                <td class=${mail.status === 'failed' ? 'state-overdue' : mail.status === 'sent' ? 'state-done' : ''}>
                  ${mail.status === 'sent'
                    ? this.msg('planMailSent', { time: formatDateTime(this.lang, mail.sentAt!) })
                    : mail.status === 'failed'
                      ? this.msg('planMailFailed')
                      : mail.nextAttemptAt && mail.attempts > 0
                        ? this.msg('planMailQueuedNext', { time: formatDateTime(this.lang, mail.nextAttemptAt) })
                        : this.msg('planMailQueued')}
                  ${mail.status === 'failed' && outbox.enabled
                    ? html`<br /><button type="button" ?disabled=${this.busy} aria-label=${this.msg('planMailRetryNamed', { to: mail.to })} @click=${() => void this.retry(mail.id)}>
                          ${this.msg('planMailRetry')}
                        </button>`
                    : nothing}
                </td>
                <td>${mail.attempts}</td>
                <td>${mail.lastError ?? '—'}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

if (!customElements.get('oi-mail-outbox')) customElements.define('oi-mail-outbox', OiMailOutbox);
