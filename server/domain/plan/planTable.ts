import { parsePlanTime, type PlanTime } from './parsePlanTime.js';

/** The columns of the notice's annex 1, in order: the import and the export use exactly these. */
export const PLAN_COLUMNS = ['序号', '责任单位', '访谈时间', '访谈主题', '备注'] as const;

export type PlanCell = string | number | Date | null | undefined;

/** One line of a plan as read from a file. */
export interface PlanTableRow {
  /** The spreadsheet's row number (1-based), for messages. */
  sourceRow: number;
  seq: number;
  /** 责任单位, with line breaks inside the cell ("县旅发委\n（招商局）") joined. */
  unitName: string;
  time: PlanTime;
  topic: string;
  remarks: string;
}

export interface PlanTableProblem {
  /** 1-based row number in the file; 0 when the file as a whole is wrong. */
  row: number;
  column: (typeof PLAN_COLUMNS)[number] | null;
  reason: string;
}

/** How far down the header may be: the annex puts "附件1" and a title above it. */
const HEADER_SEARCH_ROWS = 10;

function cellText(cell: PlanCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).replace(/\s*\n\s*/g, '').trim();
}

const headerKey = (cell: PlanCell) => cellText(cell).replace(/[\s\u3000]/g, '');

/**
 * Reads the annex's table from a sheet's cells (rows of cells, in file order). Finds the header row (序号 责任单位
 * 访谈时间 访谈主题 备注, spaces ignored) among the first rows, skips empty lines, and reports every row that cannot be
 * read with its row number and the reason. 访谈时间 is read for `year`.
 */
export function readPlanTable(cells: readonly (readonly PlanCell[])[], year: number): { rows: PlanTableRow[]; problems: PlanTableProblem[] } {
  const headerIndex = cells.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => PLAN_COLUMNS.every((name, i) => headerKey(row[i]) === name));
  if (headerIndex === -1) {
    return {
      rows: [],
      problems: [{ row: 0, column: null, reason: `No header row ${PLAN_COLUMNS.join(', ')} (in this order, from the first column) in the first ${HEADER_SEARCH_ROWS} rows.` }],
    };
  }
  const rows: PlanTableRow[] = [];
  const problems: PlanTableProblem[] = [];
  const seenSeq = new Map<number, number>();
  cells.slice(headerIndex + 1).forEach((cellsOfRow, offset) => {
    const row = headerIndex + 2 + offset;
    const [seqCell, unitCell, timeCell, topicCell, remarksCell, ...extra] = cellsOfRow;
    const texts = [seqCell, unitCell, timeCell, topicCell, remarksCell].map(cellText);
    if (texts.every((text) => text === '') && extra.every((cell) => cellText(cell) === '')) return;
    const rowProblems: PlanTableProblem[] = [];
    const seqText = texts[0]!;
    const seq = /^\d{1,4}$/.test(seqText) ? Number(seqText) : NaN;
    if (!Number.isInteger(seq) || seq < 1) rowProblems.push({ row, column: '序号', reason: `"${seqText}" is not a whole number from 1.` });
    else if (seenSeq.has(seq)) rowProblems.push({ row, column: '序号', reason: `${seq} is also the number of row ${seenSeq.get(seq)}.` });
    else seenSeq.set(seq, row);
    if (texts[1] === '') rowProblems.push({ row, column: '责任单位', reason: 'is empty; name the responsible unit.' });
    if (texts[3] === '') rowProblems.push({ row, column: '访谈主题', reason: 'is empty; write the topic.' });
    const time = parsePlanTime(timeCell instanceof Date ? timeCell : texts[2], year);
    if (!time.ok) rowProblems.push({ row, column: '访谈时间', reason: time.reason });
    if (extra.some((cell) => cellText(cell) !== '')) rowProblems.push({ row, column: null, reason: `has cells after 备注; the table has exactly ${PLAN_COLUMNS.length} columns.` });
    if (rowProblems.length > 0 || !time.ok) {
      problems.push(...rowProblems);
      return;
    }
    rows.push({ sourceRow: row, seq, unitName: texts[1]!, time: time.time, topic: texts[3]!, remarks: texts[4]! });
  });
  if (rows.length === 0 && problems.length === 0) problems.push({ row: 0, column: null, reason: 'The table has a header but no rows.' });
  return { rows, problems };
}
