import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { MailOutboxRepository, OutboxMail } from '../db/MailOutboxRepository.js';
import type { OutgoingMail } from '../domain/mail/proposalReminderMail.js';
import { retryDelay } from '../domain/mail/retryDelay.js';
import type { MailSettings } from './MailSettings.js';

/** Mails taken from the outbox at once. */
const BATCH = 10;
/** A claimed mail is left alone this long by other processes: longer than the transport's timeouts together. */
const LEASE_MS = 5 * 60_000;
/** Looks at the outbox at least this often: mails queued by another server process, or a lease run out after a crash. */
const POLL_MS = 60_000;

/**
 * Sends the outbox's e-mails through the configured mail server. Mails are queued in the database first (in the
 * transaction of what caused them) and sent from there, so a mail server that is down, a crash or a restart loses
 * nothing: a failed try is retried with a doubling wait (retryDelay) and recorded with its error.
 */
export class MailOutbox {
  readonly #repository: MailOutboxRepository;
  readonly #settings: MailSettings;
  readonly #transport: Transporter;
  readonly #logger: Logger;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #closed = false;

  constructor(deps: { repository: MailOutboxRepository; settings: MailSettings; logger: Logger }) {
    this.#repository = deps.repository;
    this.#settings = deps.settings;
    this.#transport = nodemailer.createTransport(deps.settings.transport);
    this.#logger = deps.logger;
    this.#schedule(0);
  }

  /** Queues mails (in `manager`'s transaction when given); call wake() once it has committed. */
  enqueue(mails: readonly OutgoingMail[], manager?: EntityManager): Promise<void> {
    return this.#repository.enqueue(mails, manager);
  }

  /** Sends what is due now, e.g. right after mails were queued. */
  wake(): void {
    if (this.#closed) return;
    if (this.#running) this.#again = true;
    else this.#schedule(0);
  }

  /** Stops sending (a send under way finishes; what is left stays queued for the next start). Idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
    this.#transport.close();
  }

  #schedule(ms: number): void {
    if (this.#closed) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#running = this.#run().finally(() => {
        this.#running = null;
      });
    }, ms);
    this.#timer.unref();
  }

  async #run(): Promise<void> {
    let nextIn = POLL_MS;
    try {
      do {
        this.#again = false;
        for (let batch = await this.#repository.claimDue(BATCH, LEASE_MS); batch.length > 0 && !this.#closed; batch = await this.#repository.claimDue(BATCH, LEASE_MS)) {
          for (const mail of batch) await this.#send(mail);
        }
      } while (this.#again && !this.#closed);
      const next = await this.#repository.nextDue();
      if (next) nextIn = Math.min(POLL_MS, Math.max(0, next.getTime() - Date.now()));
    } catch (error) {
      this.#logger.error({ err: error }, 'could not read the mail outbox; trying again in a minute');
    }
    this.#schedule(nextIn);
  }

  async #send(mail: OutboxMail): Promise<void> {
    try {
      await this.#transport.sendMail({ from: this.#settings.from, to: mail.to, subject: mail.subject, text: mail.body });
      await this.#repository.markSent(mail.id);
      this.#logger.info({ mailId: mail.id, kind: mail.kind, attempts: mail.attempts + 1 }, 'e-mail sent');
    } catch (error) {
      const attempts = mail.attempts + 1;
      const retryInMs = retryDelay(attempts, this.#settings.retryBaseMs);
      const message = (error as Error).message;
      await this.#repository.markFailedAttempt(mail.id, message, retryInMs);
      this.#logger.warn({ mailId: mail.id, kind: mail.kind, attempts, retryInMs, err: error }, retryInMs === null ? 'e-mail failed for good' : 'e-mail not taken by the mail server; will retry');
    }
  }
}
