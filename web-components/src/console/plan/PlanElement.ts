import { ApiError } from '../../api/client.js';
import type { MessageKey } from '../../i18n/index.js';
import { RecordsPage } from '../records-page.js';
import { planStyles } from './plan-styles.js';

/**
 * What the yearly workflow's pages share with the after-show pages (language, messages, one alert and one status
 * region), plus `act`: run an action with its outcome said in those regions.
 */
export class PlanElement extends RecordsPage {
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

  static override styles = [...RecordsPage.styles, planStyles];
}
