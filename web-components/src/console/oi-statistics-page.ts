import { html, nothing, svg, type TemplateResult } from 'lit';
import type { StatisticsRow, YearStatistics } from '../api/recordsTypes.js';
import type { MessageKey } from '../i18n/index.js';
import { RecordsPage } from './records-page.js';

type Column = Exclude<keyof StatisticsRow, 'department'>;

const COLUMNS: readonly { key: Column; label: MessageKey }[] = [
  { key: 'interviews', label: 'recColInterviews' },
  { key: 'showsHeld', label: 'recColShowsHeld' },
  { key: 'viewersPeak', label: 'recColViewersPeak' },
  { key: 'viewersTotal', label: 'recColViewersTotal' },
  { key: 'questionsReceived', label: 'recColReceived' },
  { key: 'questionsApproved', label: 'recColApproved' },
  { key: 'answeredLive', label: 'recColAnsweredLive' },
  { key: 'answeredLater', label: 'recColAnsweredLater' },
  { key: 'overdue', label: 'recColOverdueCount' },
];

/** The chart's series: each with a colour of at least 4.5:1 on white, and its value written beside the bar. */
const SERIES: readonly { key: Column; label: MessageKey; colour: string }[] = [
  { key: 'questionsReceived', label: 'recColReceived', colour: '#1a5fb4' },
  { key: 'answeredLive', label: 'recColAnsweredLive', colour: '#0b5e3a' },
  { key: 'answeredLater', label: 'recColAnsweredLater', colour: '#6b3fa0' },
  { key: 'overdue', label: 'recColOverdueCount', colour: '#a8141c' },
];

const BAR = 16;
const LABEL_WIDTH = 170;
const CHART_WIDTH = 640;

/**
 * #/statistics (年度统计): the year per department — shows, viewers, questions and answers — as a table, a bar chart
 * of the questions and answers (an SVG whose numbers are written out and are also in the table), and an XLSX download.
 */
export class OiStatisticsPage extends RecordsPage {
  static override properties = {
    ...RecordsPage.properties,
    year: { state: true },
    stats: { state: true },
  };

  declare year: number;
  declare stats: YearStatistics | null;

  constructor() {
    super();
    this.year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()));
    this.stats = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const stats = await this.run<YearStatistics>(`/api/statistics?year=${this.year}`);
    if (stats) this.stats = stats;
  }

  private department(row: StatisticsRow): string {
    return row.department ?? this.msg('recUnnamedDepartment');
  }

  override render(): TemplateResult {
    const stats = this.stats;
    return html`
      <h1>${this.msg('recStatsTitle', { year: stats?.year ?? this.year })}</h1>
      <form class="row" @submit=${(e: Event) => (e.preventDefault(), void this.load())}>
        <div class="field">
          <label for="year">${this.msg('recYearLabel')}</label>
          <input id="year" type="number" min="2000" max="2100" required .value=${String(this.year)} @input=${(e: Event) => (this.year = Number((e.target as HTMLInputElement).value))} />
        </div>
        <button type="submit" ?disabled=${this.busy}>${this.msg('recShowYear')}</button>
      </form>
      ${this.renderMessages()}
      ${stats === null
        ? this.error
          ? nothing
          : html`<p>${this.msg('loading')}</p>`
        : html`<p><a class="link-button" href="/api/statistics/export.xlsx?year=${stats.year}" download>${this.msg('recDownloadXlsx')}</a></p>
            ${stats.departments.length === 0 ? html`<p>${this.msg('recStatsNone')}</p>` : html`${this.renderChart(stats)} ${this.renderTable(stats)}`}`}
    `;
  }

  private renderTable(stats: YearStatistics): TemplateResult {
    return html`<table>
      <caption>${this.msg('recStatsCaption', { year: stats.year })}</caption>
      <thead>
        <tr>
          <th scope="col">${this.msg('recColDepartment')}</th>
          ${COLUMNS.map((c) => html`<th scope="col" class="number">${this.msg(c.label)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${stats.departments.map(
          (row) => html`<tr>
            <th scope="row">${this.department(row)}</th>
            ${COLUMNS.map((c) => html`<td class="number">${row[c.key]}</td>`)}
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${this.msg('recTotal')}</th>
          ${COLUMNS.map((c) => html`<td class="number"><strong>${stats.total[c.key]}</strong></td>`)}
        </tr>
      </tfoot>
    </table>`;
  }

  /** Grouped horizontal bars, one group per department; each bar's value is written at its end, so no colour is needed to read it. */
  private renderChart(stats: YearStatistics): TemplateResult {
    const max = Math.max(1, ...stats.departments.flatMap((row) => SERIES.map((s) => row[s.key])));
    const groupHeight = SERIES.length * (BAR + 4) + 16;
    const legendHeight = 28;
    const height = legendHeight + stats.departments.length * groupHeight;
    const scale = (CHART_WIDTH - LABEL_WIDTH - 60) / max;
    return html`<figure class="chart">
      <svg viewBox="0 0 ${CHART_WIDTH} ${height}" width="100%" role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">${this.msg('recChartTitle')}</title>
        <desc id="chart-desc">${this.msg('recChartDesc')}</desc>
        ${SERIES.map(
          (s, i) => svg`<rect x=${LABEL_WIDTH + i * 115} y="4" width="14" height="14" fill=${s.colour}></rect>
            <text x=${LABEL_WIDTH + i * 115 + 18} y="16" font-size="13">${this.msg(s.label)}</text>`,
        )}
        ${stats.departments.map((row, d) => {
          const top = legendHeight + d * groupHeight;
          return svg`<text x="0" y=${top + 14} font-size="14" font-weight="bold">${this.department(row)}</text>
            ${SERIES.map((s, i) => {
              const y = top + i * (BAR + 4);
              const width = Math.max(1, row[s.key] * scale);
              return svg`<rect x=${LABEL_WIDTH} y=${y} width=${width} height=${BAR} fill=${s.colour}></rect>
                <text x=${LABEL_WIDTH + width + 6} y=${y + BAR - 3} font-size="13">${row[s.key]}</text>`;
            })}`;
        })}
      </svg>
    </figure>`;
  }
}

if (!customElements.get('oi-statistics-page')) customElements.define('oi-statistics-page', OiStatisticsPage);
