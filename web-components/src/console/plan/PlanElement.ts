import { LitElement } from 'lit';
import { ApiError } from '../../api/client.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { baseStyles } from '../../styles.js';
import { consoleStyles } from '../console-styles.js';
import { planStyles } from './plan-styles.js';

/** What the yearly workflow's pages share: the language, messages, and turning a failure into a sentence. */
export class PlanElement extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  declare lang: string;
  declare error: string;
  declare notice: string;
  declare busy: boolean;

  constructor() {
    super();
    this.error = '';
    this.notice = '';
    this.busy = false;
  }

  protected msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  /** The server's message says what to do; a lost connection gets the catalogue's sentence. */
  protected failure(error: unknown): string {
    if (error instanceof ApiError) return this.msg('planErrServer', { message: error.message });
    return this.msg('planErrNetwork');
  }

  /** Runs an action, showing its failure (or `done`) in the page's live regions. */
  protected async act(work: () => Promise<void>, done?: MessageKey): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      await work();
      if (done) this.notice = this.msg(done);
      return true;
    } catch (error) {
      this.error = this.failure(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  static override styles = [baseStyles, consoleStyles, planStyles];
}
