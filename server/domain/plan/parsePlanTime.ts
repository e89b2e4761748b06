/**
 * 访谈时间 of a plan row as the notice writes it: a day ("5月15日"), or a month, possibly with its third ("7月",
 * "7月下旬"); also "2018年5月15日" and "2018-05-15", and a spreadsheet date cell. Empty or 待定 means not fixed yet.
 */
export type PlanTime =
  | { kind: 'day'; date: string }
  | { kind: 'month'; month: number; part: 'early' | 'middle' | 'late' | null }
  | { kind: 'open' };

export type PlanTimeResult = { ok: true; time: PlanTime } | { ok: false; reason: string };

const PARTS = { 上旬: 'early', 中旬: 'middle', 下旬: 'late' } as const;

/** Full-width digits and separators as typed by Chinese input methods become ASCII. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[／]/g, '/')
    .replace(/\s+/g, '');
}

/** The plan's year applies when the cell names no year; a cell naming another year is refused (it belongs elsewhere). */
export function parsePlanTime(value: string | Date | null | undefined, year: number): PlanTimeResult {
  if (value instanceof Date) return dayResult(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), year);
  const text = normalise(value ?? '');
  if (text === '' || text === '待定' || text === '另定') return { ok: true, time: { kind: 'open' } };
  let match = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]$/.exec(text) ?? /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (match) return dayResult(match[1] ? Number(match[1]) : year, Number(match[2]), Number(match[3]), year);
  match = /^(?:(\d{4})年)?(\d{1,2})(?:\.|\/)(\d{1,2})$/.exec(text);
  if (match) return dayResult(match[1] ? Number(match[1]) : year, Number(match[2]), Number(match[3]), year);
  match = /^(?:(\d{4})年)?(\d{1,2})月(?:份)?(上旬|中旬|下旬)?$/.exec(text);
  if (match) {
    const month = Number(match[2]);
    if (match[1] && Number(match[1]) !== year) return otherYear(Number(match[1]), year);
    if (month < 1 || month > 12) return { ok: false, reason: `"${value}" names month ${month}; months run from 1 to 12.` };
    const part = match[3] ? PARTS[match[3] as keyof typeof PARTS] : null;
    return { ok: true, time: { kind: 'month', month, part } };
  }
  return {
    ok: false,
    reason: `"${value}" is not a date the plan understands; write it like 5月15日, 7月, 7月下旬 or 2018-05-15 (or leave it empty).`,
  };
}

function dayResult(cellYear: number, month: number, day: number, year: number): PlanTimeResult {
  if (cellYear !== year) return otherYear(cellYear, year);
  const date = new Date(Date.UTC(cellYear, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, reason: `${month}月${day}日 is not a day of ${cellYear}.` };
  }
  return { ok: true, time: { kind: 'day', date: `${cellYear}-${pad(month)}-${pad(day)}` } };
}

function otherYear(cellYear: number, year: number): PlanTimeResult {
  return { ok: false, reason: `the date is in ${cellYear}, but this is the ${year} plan.` };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The time as the annex writes it: "5月15日", "7月", "7月下旬", or "" when open. */
export function formatPlanTime(time: PlanTime): string {
  switch (time.kind) {
    case 'day': {
      const [, month, day] = time.date.split('-').map(Number);
      return `${month}月${day}日`;
    }
    case 'month': {
      const part = time.part === null ? '' : Object.entries(PARTS).find(([, value]) => value === time.part)![0];
      return `${time.month}月${part}`;
    }
    case 'open':
      return '';
  }
}
