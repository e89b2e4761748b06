import { addDays, isCalendarDate, weekday } from './calendarDates.js';

/** A work calendar file that cannot be used; `message` names the entry at fault. */
export class InvalidWorkCalendarError extends Error {
  readonly code = 'invalid_work_calendar';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidWorkCalendarError';
  }
}

/** The JSON of a work calendar file (see server/domain/records/work-calendar.cn.json). */
export interface WorkCalendarData {
  /** Public holidays (法定节假日 and the days off around them), YYYY-MM-DD. */
  holidays: string[];
  /** Weekend days worked instead (调休上班), YYYY-MM-DD. */
  workdays: string[];
}

/**
 * Which days are working days: Monday to Friday, minus the listed holidays, plus the listed weekend days worked in
 * exchange (调休). China publishes each year's arrangement in November (国务院办公厅关于…年部分节假日安排的通知);
 * the calendar knows only the years it was given.
 */
export class WorkCalendar {
  readonly #holidays: ReadonlySet<string>;
  readonly #workdays: ReadonlySet<string>;
  readonly #years: ReadonlySet<number>;

  private constructor(holidays: ReadonlySet<string>, workdays: ReadonlySet<string>) {
    this.#holidays = holidays;
    this.#workdays = workdays;
    this.#years = new Set([...holidays, ...workdays].map((date) => Number(date.slice(0, 4))));
  }

  /** Weekends only: no holidays known. */
  static weekendsOnly(): WorkCalendar {
    return new WorkCalendar(new Set(), new Set());
  }

  /** From a calendar file's parsed JSON; throws InvalidWorkCalendarError naming a bad or contradictory entry. */
  static fromData(data: unknown): WorkCalendar {
    if (typeof data !== 'object' || data === null) throw new InvalidWorkCalendarError('must be a JSON object {holidays, workdays}');
    const { holidays, workdays } = data as Record<string, unknown>;
    const read = (list: unknown, name: string): Set<string> => {
      if (!Array.isArray(list)) throw new InvalidWorkCalendarError(`${name} must be a list of dates (YYYY-MM-DD)`);
      for (const [index, date] of list.entries()) {
        if (typeof date !== 'string' || !isCalendarDate(date)) {
          throw new InvalidWorkCalendarError(`${name}[${index}] must be a date written YYYY-MM-DD, not ${JSON.stringify(date)}`);
        }
      }
      return new Set(list as string[]);
    };
    const off = read(holidays, 'holidays');
    const on = read(workdays, 'workdays');
    for (const date of on) {
      if (off.has(date)) throw new InvalidWorkCalendarError(`${date} is listed both as a holiday and as a working day`);
    }
    return new WorkCalendar(off, on);
  }

  /** The years the calendar lists any holiday or 调休 day of: a year missing here is counted with weekends only. */
  get years(): ReadonlySet<number> {
    return this.#years;
  }

  isWorkingDay(date: string): boolean {
    if (this.#workdays.has(date)) return true;
    if (this.#holidays.has(date)) return false;
    const day = weekday(date);
    return day !== 0 && day !== 6;
  }

  /**
   * The `count`-th working day after `date` (`date` itself never counts: a question left over on a show's day has
   * the next working day as its first). count 0 answers `date`.
   */
  addWorkingDays(date: string, count: number): string {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number from 0, not ${count}`);
    let day = date;
    for (let left = count; left > 0; ) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) left--;
    }
    return day;
  }
}
