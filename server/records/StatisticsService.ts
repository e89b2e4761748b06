import ExcelJS from 'exceljs';
import type { StatisticsRepository } from '../db/StatisticsRepository.js';
import { authorizeOfficeRecords, type OfficeUser } from '../domain/records/recordPermissions.js';
import { STATISTICS_COLUMNS, summariseYear, type StatisticsRow, type YearStatistics } from '../domain/records/yearStatistics.js';
import type { FollowUpService } from './FollowUpService.js';

/** Column headings of the XLSX export (a Chinese office document). */
const HEADINGS: Record<(typeof STATISTICS_COLUMNS)[number], string> = {
  interviews: '访谈场次（计划）',
  showsHeld: '已举办场次',
  viewersPeak: '最高同时在线',
  viewersTotal: '观看人次',
  questionsReceived: '收到提问',
  questionsApproved: '采纳提问',
  answeredLive: '现场答复',
  answeredLater: '会后答复',
  overdue: '逾期答复',
};

const UNNAMED_DEPARTMENT = '（未填写单位）';

/** The column's year in numbers, per department: for the office and the information centre. */
export class StatisticsService {
  readonly #statistics: StatisticsRepository;
  readonly #followUps: FollowUpService;

  constructor(deps: { statistics: StatisticsRepository; followUps: FollowUpService }) {
    this.#statistics = deps.statistics;
    this.#followUps = deps.followUps;
  }

  async year(user: OfficeUser, year: number): Promise<YearStatistics> {
    authorizeOfficeRecords(user);
    // Follow-ups not made yet would be missing from "answered later" and "overdue".
    await this.#followUps.ensure(null);
    return summariseYear(year, await this.#statistics.facts(year), new Date());
  }

  /** The same table as an XLSX workbook: one row per department and a total row. */
  async xlsx(user: OfficeUser, year: number): Promise<Buffer> {
    const stats = await this.year(user, year);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'online-interview';
    const sheet = workbook.addWorksheet(`${year}年统计`);
    sheet.columns = [
      { header: '责任单位', key: 'department', width: 24 },
      ...STATISTICS_COLUMNS.map((key) => ({ header: HEADINGS[key], key, width: 14 })),
    ];
    const toRow = (row: StatisticsRow, department: string) => ({ ...row, department });
    for (const row of stats.departments) sheet.addRow(toRow(row, row.department ?? UNNAMED_DEPARTMENT));
    const total = sheet.addRow(toRow(stats.total, '合计'));
    total.font = { bold: true };
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}
