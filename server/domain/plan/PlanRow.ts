/** One line of the year's 访谈计划表 (annex 1), and what became of it. */
export interface PlanRow {
  id: string;
  year: number;
  /** 序号. */
  seq: number;
  /** 责任单位 as the plan writes it; `organisationId` when it names a known unit. */
  unitName: string;
  organisationId: string | null;
  /** 访谈时间 as the plan writes it ("5月15日", "7月"); `plannedDate` (YYYY-MM-DD) when it names a day. */
  timeText: string;
  plannedDate: string | null;
  /** 访谈主题. */
  topic: string;
  /** 备注. */
  remarks: string;
  /** The accepted proposal the row came from. */
  proposalId: string | null;
  /** The interview the row was scheduled as. */
  interviewId: string | null;
}

/** A year's plan: its rows in 序号 order, and whether it is public. */
export interface Plan {
  year: number;
  publishedAt: Date | null;
  rows: PlanRow[];
}

/** What a new row says; the repository numbers it. */
export type NewPlanRow = Pick<PlanRow, 'unitName' | 'organisationId' | 'timeText' | 'plannedDate' | 'topic' | 'remarks' | 'proposalId'> & {
  /** Taken from an imported file; the next free number otherwise. */
  seq?: number;
};
