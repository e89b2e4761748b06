import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../../api/client.js';
import { formatDateTime } from '../../i18n/index.js';
import { api } from '../api.js';
import { localInputToIso } from '../routes.js';
import { PlanElement } from './PlanElement.js';
import type { ImportProblem, Plan, PlanMe, PlanRow } from './planTypes.js';

const FILE_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/**
 * #/plan: the year's 访谈计划表 (annex 1) as a living plan: rows added by hand, from accepted proposals or imported
 * from XLSX/CSV (with every unreadable row reported), exported, printed (the print stylesheet keeps only the table),
 * published, and each row scheduled as a draft interview.
 */
export class OiAnnualPlan extends PlanElement {
  static override properties = {
    ...PlanElement.properties,
    plan: { state: true },
    problems: { state: true },
  };

  declare plan: Plan | null;
  declare problems: ImportProblem[];

  constructor() {
    super();
    this.plan = null;
    this.problems = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.me ??= await api<PlanMe>('/api/plan/me');
      this.plan = await api<Plan>(`/api/plans/${this.year}`);
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  private get canEdit(): boolean {
    return Boolean(this.me?.can['plan.edit']);
  }

  private async addRow(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const body = { unitName: data.get('unitName'), timeText: data.get('timeText'), topic: data.get('topic'), remarks: data.get('remarks') };
    if (await this.act(() => api(`/api/plans/${this.year}/rows`, { method: 'POST', body }), 'planRowAdded')) {
      form.reset();
      await this.load();
    }
  }

  private async importFile(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!file) return;
    const type = FILE_TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''];
    this.problems = [];
    if (!type) {
      this.error = this.msg('planImportWrongType');
      return;
    }
    let imported = 0;
    const ok = await this.act(async () => {
      const response = await fetch(`/api/plans/${this.year}/import`, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': type }, body: file });
      const body = (await response.json()) as { imported?: PlanRow[]; problems?: ImportProblem[]; error?: { code: string; message: string } };
      if (response.status === 422 && body.problems) {
        this.problems = body.problems;
        throw new ApiError(422, 'plan_import_rejected', this.msg('planImportRejected', { count: body.problems.length }));
      }
      if (!response.ok) throw new ApiError(response.status, body.error?.code ?? 'error', body.error?.message ?? response.statusText);
      imported = body.imported?.length ?? 0;
    });
    if (ok) {
      this.notice = this.msg('planImported', { count: imported });
      form.reset();
      await this.load();
    }
  }

  private async setPublished(published: boolean): Promise<void> {
    await this.act(async () => {
      this.plan = await api<Plan>(`/api/plans/${this.year}/published`, { method: 'PUT', body: { published } });
    }, published ? 'planPublishedNotice' : 'planWithdrawnNotice');
  }

  private async schedule(event: SubmitEvent, row: PlanRow): Promise<void> {
    event.preventDefault();
    const value = String(new FormData(event.target as HTMLFormElement).get('startsAt') ?? '');
    const ok = await this.act(async () => {
      await api(`/api/plan-rows/${row.id}/schedule`, { method: 'POST', body: { startsAt: localInputToIso(value) ?? null } });
    }, 'planScheduledNotice');
    if (ok) await this.load();
  }

  private async updateRow(event: SubmitEvent, row: PlanRow): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const body = { unitName: data.get('unitName'), timeText: data.get('timeText'), topic: data.get('topic'), remarks: data.get('remarks') };
    if (await this.act(() => api(`/api/plan-rows/${row.id}`, { method: 'PUT', body }), 'planRowSaved')) await this.load();
  }

  private async deleteRow(row: PlanRow): Promise<void> {
    if (!window.confirm(this.msg('planConfirmDelete', { topic: row.topic }))) return;
    if (await this.act(() => api(`/api/plan-rows/${row.id}`, { method: 'DELETE' }), 'planRowDeleted')) await this.load();
  }

  override render(): TemplateResult {
    const plan = this.plan;
    return html`
      <h1>${this.msg('planTableTitle', { year: this.year })}</h1>
      ${this.renderMessages()}
      ${this.problems.length > 0 ? this.renderProblems() : nothing}
      <div class="row no-print">
        ${this.renderYearField(() => {
          this.problems = [];
          void this.load();
        })}
        <a class="link-button" href="/api/plans/${this.year}/export.xlsx" download>${this.msg('planExport')}</a>
        <button type="button" class="secondary" @click=${() => window.print()}>${this.msg('planPrint')}</button>
        ${plan && this.me?.can['plan.publish']
          ? plan.publishedAt
            ? html`<span>${this.msg('planPublishedAt', { time: formatDateTime(this.lang, plan.publishedAt) })}</span>
                <button type="button" class="secondary" @click=${() => void this.setPublished(false)}>${this.msg('planWithdraw')}</button>`
            : html`<button type="button" @click=${() => void this.setPublished(true)}>${this.msg('planPublish')}</button>`
          : nothing}
      </div>
      ${plan === null ? html`<p>${this.msg('loading')}</p>` : this.renderTable(plan)}
      ${this.canEdit ? this.renderForms() : nothing}
    `;
  }

  private renderProblems(): TemplateResult {
    return html`<section aria-labelledby="problems-title" class="warning">
      <h2 id="problems-title">${this.msg('planImportProblems')}</h2>
      <ul>
        ${this.problems.map(
          (problem) => html`<li>
            ${problem.row === 0 ? this.msg('planProblemFile') : this.msg('planProblemRow', { row: problem.row })}${problem.column ? `（${problem.column}）` : ''}：${problem.reason}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderTable(plan: Plan): TemplateResult {
    if (plan.rows.length === 0) return html`<p>${this.msg('planEmpty')}</p>`;
    return html`
      <table>
        <caption>${this.msg('planTableTitle', { year: plan.year })}</caption>
        <thead>
          <tr>
            <th scope="col">${this.msg('planColSeq')}</th>
            <th scope="col">${this.msg('planColUnit')}</th>
            <th scope="col">${this.msg('planColTime')}</th>
            <th scope="col">${this.msg('planColTopic')}</th>
            <th scope="col">${this.msg('planColRemarks')}</th>
            <th scope="col" class="no-print">${this.msg('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          ${plan.rows.map(
            (row) => html`<tr>
              <td>${row.seq}</td>
              <td>${row.unitName}</td>
              <td>${row.timeText}</td>
              <th scope="row">${row.topic}</th>
              <td>${row.remarks}</td>
              <td class="no-print">${this.renderRowActions(row)} ${this.canEdit ? this.renderRowEdit(row) : nothing}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  /** 序号 stays; the other columns are edited as written (访谈时间 is checked as on import). */
  private renderRowEdit(row: PlanRow): TemplateResult {
    const field = (name: string, label: 'planColUnit' | 'planColTime' | 'planColTopic' | 'planColRemarks', value: string, required = false) =>
      html`<div class="field">
        <label for="edit-${name}-${row.id}">${this.msg(label)}</label>
        <input id="edit-${name}-${row.id}" name=${name} .value=${value} ?required=${required} maxlength="500" />
      </div>`;
    return html`<details>
      <summary aria-label=${this.msg('planEditNamed', { topic: row.topic })}>${this.msg('planEdit')}</summary>
      <form @submit=${(e: SubmitEvent) => void this.updateRow(e, row)} aria-label=${this.msg('planEditNamed', { topic: row.topic })}>
        ${field('unitName', 'planColUnit', row.unitName, true)} ${field('timeText', 'planColTime', row.timeText)}
        ${field('topic', 'planColTopic', row.topic, true)} ${field('remarks', 'planColRemarks', row.remarks)}
        <button type="submit" ?disabled=${this.busy}>${this.msg('planSaveRow')}</button>
      </form>
    </details>`;
  }

  private renderRowActions(row: PlanRow): TemplateResult {
    if (row.interviewId !== null) {
      return html`<a class="link-button" href="#/interviews/${row.interviewId}" aria-label=${this.msg('planOpenInterviewNamed', { topic: row.topic })}>
          ${this.msg('planOpenInterview')}</a
        >
        <a class="link-button" href="#/checklist/${row.interviewId}" aria-label=${this.msg('planChecklistNamed', { topic: row.topic })}>
          ${this.msg('planChecklist')}</a
        >`;
    }
    if (!this.me?.can['plan.schedule']) return html``;
    const start = row.plannedDate ? `${row.plannedDate}T09:30` : '';
    return html`<form class="inline" @submit=${(e: SubmitEvent) => void this.schedule(e, row)} aria-label=${this.msg('planScheduleNamed', { topic: row.topic })}>
        <label for="start-${row.id}">${this.msg('planStartsAt')}</label>
        <input id="start-${row.id}" name="startsAt" type="datetime-local" .value=${start} />
        <button type="submit" ?disabled=${this.busy}>${this.msg('planSchedule')}</button>
      </form>
      <button type="button" class="secondary" aria-label=${this.msg('planDeleteNamed', { topic: row.topic })} @click=${() => void this.deleteRow(row)}>
        ${this.msg('planDelete')}
      </button>`;
  }

  private renderForms(): TemplateResult {
    return html`
      <form @submit=${(e: SubmitEvent) => void this.addRow(e)} aria-labelledby="row-form-title">
        <h2 id="row-form-title">${this.msg('planAddRow')}</h2>
        <div class="row">
          <div class="field"><label for="r-unit">${this.msg('planColUnit')}</label><input id="r-unit" name="unitName" required maxlength="100" /></div>
          <div class="field"><label for="r-time">${this.msg('planColTime')}</label><input id="r-time" name="timeText" placeholder=${this.msg('planTimeExample')} maxlength="50" /></div>
        </div>
        <div class="field"><label for="r-topic">${this.msg('planColTopic')}</label><input id="r-topic" name="topic" required maxlength="500" /></div>
        <div class="field"><label for="r-remarks">${this.msg('planColRemarks')}</label><input id="r-remarks" name="remarks" maxlength="500" /></div>
        <button type="submit" ?disabled=${this.busy}>${this.msg('planAddRow')}</button>
      </form>
      <form @submit=${(e: SubmitEvent) => void this.importFile(e)} aria-labelledby="import-title">
        <h2 id="import-title">${this.msg('planImportTitle')}</h2>
        <p>${this.msg('planImportHelp')}</p>
        <div class="field">
          <label for="import-file">${this.msg('planImportFile')}</label>
          <input id="import-file" name="file" type="file" required accept=".xlsx,.csv" />
        </div>
        <button type="submit" ?disabled=${this.busy}>${this.msg('planImport')}</button>
      </form>
    `;
  }
}

if (!customElements.get('oi-annual-plan')) customElements.define('oi-annual-plan', OiAnnualPlan);
