import ExcelJS from 'exceljs';
import type { Plan } from '../domain/plan/PlanRow.js';
import { PLAN_COLUMNS } from '../domain/plan/planTable.js';

/**
 * The year's plan as the notice's annex 1: a title line, then 序号 责任单位 访谈时间 访谈主题 备注. The import reads
 * this file back unchanged.
 */
export async function writePlanXlsx(plan: Plan, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${plan.year}`, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 8 }, { width: 20 }, { width: 14 }, { width: 50 }, { width: 16 }];
  sheet.mergeCells(1, 1, 1, PLAN_COLUMNS.length);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: 'center' };
  const header = sheet.addRow([...PLAN_COLUMNS]);
  header.font = { bold: true };
  for (const row of plan.rows) sheet.addRow([row.seq, row.unitName, row.timeText, row.topic, row.remarks]);
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: column === 4 ? 'left' : 'center' };
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
