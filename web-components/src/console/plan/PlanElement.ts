import { html, type TemplateResult } from 'lit';
import { ApiError } from '../../api/client.js';
import type { MessageKey } from '../../i18n/index.js';
import { RecordsPage } from '../records-page.js';
import { planStyles } from './plan-styles.js';
import { currentPlanYear } from './planRoutes.js';
import type { PlanMe } from './planTypes.js';

/**
 * What the yearly workflow's pages share with the after-show pages (language, messages, one alert and one status
 * region), plus `act`: run an action with its outcome said in those regions.
 */
export class PlanElement extends RecordsPage {
  static override properties = { ...RecordsPage.properties, me: { state: true }, year: { state: true } };

  /** Who the user is in the workflow (GET /api/plan/me): the pages show only what `can` allows. */
  declare me: PlanMe | null;
  /** The plan year shown. */
  declare year: number;

  constructor() {
    super();
    this.me = null;
    this.year = currentPlanYear();
  }

  /** The year field; `reload` runs after the year changes. */
  protected renderYearField(reload: () => void): TemplateResult {
    return html`<div class="field">
      <label for="year">${this.msg('planYear')}</label>
      <input
        id="year"
        type="number"
        min="2000"
        max="2100"
        .value=${String(this.year)}
        @change=${(e: Event) => {
          this.year = Number((e.target as HTMLInputElement).value);
          reload();
        }}
      />
    </div>`;
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

  static override styles = [...RecordsPage.styles, planStyles];
}
