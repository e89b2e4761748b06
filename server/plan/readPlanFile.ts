import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { PlanCell } from '../domain/plan/planTable.js';
import { PlanInvalidInputError } from '../domain/plan/PlanRuleError.js';

export type PlanFileType = 'xlsx' | 'csv';

export const PLAN_FILE_TYPES: Record<PlanFileType, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/**
 * A CSV's text: UTF-8 (with or without BOM) when it is valid UTF-8, else GB18030, which is what Excel on a Chinese
 * Windows writes when saving "CSV (逗号分隔)".
 */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The first sheet's cells, row by row in file order (empty rows kept, so row numbers match the file). */
export async function readPlanFile(type: PlanFileType, bytes: Buffer): Promise<PlanCell[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    if (type === 'xlsx') await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    // Every CSV cell stays text: 访谈时间 is read by the plan's own rules, not guessed as a date by the parser.
    else await workbook.csv.read(Readable.from([decodeCsv(bytes)]), { map: (value: unknown) => value });
  } catch (error) {
    throw new PlanInvalidInputError('file', `The file could not be read as ${type.toUpperCase()} (${(error as Error).message}); save it again as .xlsx or .csv.`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new PlanInvalidInputError('file', 'The workbook has no sheet.');
  const cells: PlanCell[][] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const values: PlanCell[] = [];
    for (let column = 1; column <= Math.max(row.cellCount, 5); column++) values.push(cellValue(row.getCell(column).value));
    cells.push(values);
  }
  return cells;
}

/** A cell as text, number or date: rich text and formula results flattened, merged cells read from their master. */
function cellValue(value: ExcelJS.CellValue): PlanCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}
