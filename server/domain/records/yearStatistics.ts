import type { FollowUp } from './FollowUp.js';
import { missedDeadline } from './followUpRules.js';

/** What the statistics read of one interview of the year. */
export interface InterviewFacts {
  department: string | null;
  /** The show went on air and is over (ended or replay published). */
  held: boolean;
  /** Most viewers watching at once, and viewer connections opened (观看人次), as recorded by the realtime hub. */
  viewersPeak: number;
  viewersTotal: number;
  /** Every question netizens sent, whatever became of it. */
  questionsReceived: number;
  /** Approved by a moderator (answered ones included). */
  questionsApproved: number;
  answeredLive: number;
  followUps: Pick<FollowUp, 'status' | 'dueDate' | 'publishedAt'>[];
}

export interface StatisticsRow {
  /** The interviewed department (责任单位); null for interviews that name none. */
  department: string | null;
  interviews: number;
  showsHeld: number;
  /** The highest peak of the department's shows. */
  viewersPeak: number;
  viewersTotal: number;
  questionsReceived: number;
  questionsApproved: number;
  answeredLive: number;
  /** Follow-ups published. */
  answeredLater: number;
  /** Follow-ups past their due date unpublished, or published after it. */
  overdue: number;
}

export interface YearStatistics {
  year: number;
  departments: StatisticsRow[];
  total: StatisticsRow;
}

export const STATISTICS_COLUMNS = [
  'interviews',
  'showsHeld',
  'viewersPeak',
  'viewersTotal',
  'questionsReceived',
  'questionsApproved',
  'answeredLive',
  'answeredLater',
  'overdue',
] as const satisfies readonly (keyof StatisticsRow)[];

/** One row per department (by name, unnamed last) and the year's total; overdue is judged at `now`. */
export function summariseYear(year: number, facts: readonly InterviewFacts[], now: Date): YearStatistics {
  const rows = new Map<string | null, StatisticsRow>();
  const total = emptyRow(null);
  for (const fact of facts) {
    let row = rows.get(fact.department);
    if (!row) rows.set(fact.department, (row = emptyRow(fact.department)));
    for (const target of [row, total]) {
      target.interviews += 1;
      target.showsHeld += fact.held ? 1 : 0;
      target.viewersPeak = Math.max(target.viewersPeak, fact.viewersPeak);
      target.viewersTotal += fact.viewersTotal;
      target.questionsReceived += fact.questionsReceived;
      target.questionsApproved += fact.questionsApproved;
      target.answeredLive += fact.answeredLive;
      target.answeredLater += fact.followUps.filter((f) => f.status === 'published').length;
      target.overdue += fact.followUps.filter((f) => missedDeadline(f, now)).length;
    }
  }
  const departments = [...rows.values()].sort((a, b) =>
    a.department === null ? 1 : b.department === null ? -1 : a.department.localeCompare(b.department, 'zh-CN'),
  );
  return { year, departments, total };
}

function emptyRow(department: string | null): StatisticsRow {
  return {
    department,
    interviews: 0,
    showsHeld: 0,
    viewersPeak: 0,
    viewersTotal: 0,
    questionsReceived: 0,
    questionsApproved: 0,
    answeredLive: 0,
    answeredLater: 0,
    overdue: 0,
  };
}
