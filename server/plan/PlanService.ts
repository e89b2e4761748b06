import type { Logger } from 'pino';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import type { OrganisationRepository } from '../db/OrganisationRepository.js';
import type { PlanRepository } from '../db/PlanRepository.js';
import type { ProposalRepository } from '../db/ProposalRepository.js';
import type { Interview } from '../domain/Interview.js';
import { parsePlanTime, formatPlanTime } from '../domain/plan/parsePlanTime.js';
import { authorizePlan, type PlanActor } from '../domain/plan/planPermissions.js';
import type { Plan, PlanRow } from '../domain/plan/PlanRow.js';
import { PlanInvalidInputError, PlanNotFoundError, PlanRuleError } from '../domain/plan/PlanRuleError.js';
import { readPlanTable, type PlanTableProblem } from '../domain/plan/planTable.js';
import { readPlanFile, type PlanFileType } from './readPlanFile.js';
import { writePlanXlsx } from './writePlanXlsx.js';

/** What the office writes in a row: the annex's columns (序号 is kept). */
export interface PlanRowInput {
  unitName: string;
  organisationId: string | null;
  timeText: string;
  topic: string;
  remarks: string;
}

export type ImportResult = { imported: PlanRow[]; problems: [] } | { imported: []; problems: PlanTableProblem[] };

/** A show lasts about 30 minutes (the notice); the planned end of a scheduled row. */
const SHOW_MINUTES = 30;
/** A row naming only a day becomes a show at 09:30 Beijing time, which the office changes in the interview. */
const DEFAULT_START = 'T09:30:00+08:00';

/** The yearly plan (访谈计划表): rows by hand, from accepted proposals or from a file; exported, published, scheduled. */
export class PlanService {
  readonly #plans: PlanRepository;
  readonly #proposals: ProposalRepository;
  readonly #organisations: OrganisationRepository;
  readonly #interviews: InterviewRepository;
  readonly #logger: Logger;

  constructor(deps: {
    plans: PlanRepository;
    proposals: ProposalRepository;
    organisations: OrganisationRepository;
    interviews: InterviewRepository;
    logger: Logger;
  }) {
    this.#plans = deps.plans;
    this.#proposals = deps.proposals;
    this.#organisations = deps.organisations;
    this.#interviews = deps.interviews;
    this.#logger = deps.logger;
  }

  get(actor: PlanActor, year: number): Promise<Plan> {
    authorizePlan(actor, 'plan.read');
    return this.#plans.get(year);
  }

  /** A published plan, for anyone; null while it is not published. */
  async published(year: number): Promise<Plan | null> {
    const plan = await this.#plans.get(year);
    return plan.publishedAt === null ? null : plan;
  }

  async addRow(actor: PlanActor, year: number, input: PlanRowInput): Promise<PlanRow> {
    authorizePlan(actor, 'plan.edit');
    const values = await this.#rowValues(year, input);
    const [row] = await this.#plans.transaction((manager) => this.#plans.addRows(manager, year, [{ ...values, proposalId: null }]));
    return row!;
  }

  async updateRow(actor: PlanActor, id: string, input: PlanRowInput): Promise<PlanRow> {
    authorizePlan(actor, 'plan.edit');
    const row = await this.#plans.row(id);
    if (!row) throw new PlanNotFoundError('The plan row');
    return (await this.#plans.updateRow(id, await this.#rowValues(row.year, input)))!;
  }

  async deleteRow(actor: PlanActor, id: string): Promise<void> {
    authorizePlan(actor, 'plan.edit');
    const row = await this.#plans.row(id);
    if (!row) throw new PlanNotFoundError('The plan row');
    if (!(await this.#plans.deleteUnscheduled(id))) {
      throw new PlanRuleError('plan_row_scheduled', 'The row became an interview; delete or call off the interview instead.');
    }
  }

  /**
   * Reads an annex-1 table and adds its rows to the year's plan, all or nothing: when any row cannot be read, nothing
   * is added and every problem is reported with its row number, so the office fixes the file and imports it again.
   * A 序号 already in the plan is a problem too (importing the same file twice would double the plan).
   */
  async import(actor: PlanActor, year: number, type: PlanFileType, bytes: Buffer): Promise<ImportResult> {
    authorizePlan(actor, 'plan.edit');
    const { rows, problems } = readPlanTable(await readPlanFile(type, bytes), year);
    if (problems.length > 0) return { imported: [], problems };
    const units = await this.#unitsByName();
    return this.#plans.transaction(async (manager) => {
      const taken = new Set(await this.#plans.takenSeqs(manager, year));
      const clashes: PlanTableProblem[] = rows
        .filter((row) => taken.has(row.seq))
        .map((row) => ({ row: row.sourceRow, column: '序号', reason: `${row.seq} is already in the ${year} plan; renumber the row or delete the planned one first.` }));
      if (clashes.length > 0) return { imported: [], problems: clashes };
      const imported = await this.#plans.addRows(
        manager,
        year,
        rows.map((row) => ({
          seq: row.seq,
          unitName: row.unitName,
          organisationId: units.get(unitKey(row.unitName)) ?? null,
          timeText: formatPlanTime(row.time),
          plannedDate: row.time.kind === 'day' ? row.time.date : null,
          topic: row.topic,
          remarks: row.remarks,
          proposalId: null,
        })),
      );
      this.#logger.info({ year, rows: imported.length, userId: actor.userId }, 'plan imported');
      return { imported, problems: [] };
    });
  }

  async exportXlsx(actor: PlanActor, year: number): Promise<Buffer> {
    authorizePlan(actor, 'plan.read');
    return writePlanXlsx(await this.#plans.get(year), planTitle(year));
  }

  async setPublished(actor: PlanActor, year: number, published: boolean): Promise<Plan> {
    authorizePlan(actor, 'plan.publish');
    await this.#plans.setPublished(year, published ? new Date() : null);
    this.#logger.info({ year, published, userId: actor.userId }, published ? 'plan published' : 'plan withdrawn');
    return this.#plans.get(year);
  }

  /**
   * Makes the row an interview, as a draft (nothing public until it is announced): title and topic from 访谈主题, the
   * department from 责任单位, the guests an accepted proposal named, and the time given or the row's day at 09:30.
   */
  async schedule(actor: PlanActor, id: string, startsAt: Date | null): Promise<{ row: PlanRow; interview: Interview }> {
    authorizePlan(actor, 'plan.schedule');
    const row = await this.#plans.row(id);
    if (!row) throw new PlanNotFoundError('The plan row');
    if (row.interviewId !== null) throw new PlanRuleError('plan_row_scheduled', 'The row is already an interview; open it from the plan.');
    const start = startsAt ?? (row.plannedDate === null ? null : new Date(row.plannedDate + DEFAULT_START));
    const proposal = row.proposalId === null ? null : await this.#proposals.get(row.proposalId);
    const interview = await this.#interviews.create({
      status: 'draft',
      title: row.topic,
      topic: row.topic,
      department: row.unitName,
      background: null,
      startsAt: start,
      endsAt: start === null ? null : new Date(start.getTime() + SHOW_MINUTES * 60_000),
      host: null,
      guests: (proposal?.guests ?? []).map((guest) => ({ name: guest.name, position: guest.position, bio: null, photo: null })),
    });
    if (!(await this.#plans.linkInterview(id, interview.id))) {
      this.#logger.warn({ planRowId: id, interviewId: interview.id }, 'the row was scheduled twice at once; this draft is left unlinked');
      throw new PlanRuleError('plan_row_scheduled', 'Someone scheduled this row at the same moment; reload the plan.');
    }
    this.#logger.info({ planRowId: id, interviewId: interview.id, userId: actor.userId }, 'plan row scheduled as a draft interview');
    return { row: { ...row, interviewId: interview.id }, interview };
  }

  async #rowValues(year: number, input: PlanRowInput): Promise<Omit<PlanRow, 'id' | 'year' | 'seq' | 'proposalId' | 'interviewId'>> {
    const time = parsePlanTime(input.timeText, year);
    if (!time.ok) throw new PlanInvalidInputError('timeText', `访谈时间: ${time.reason}`);
    if (input.organisationId !== null && !(await this.#organisations.get(input.organisationId))) {
      throw new PlanInvalidInputError('organisationId', 'No such unit; pick one from the list.');
    }
    return {
      unitName: input.unitName,
      organisationId: input.organisationId ?? (await this.#unitsByName()).get(unitKey(input.unitName)) ?? null,
      timeText: formatPlanTime(time.time),
      plannedDate: time.time.kind === 'day' ? time.time.date : null,
      topic: input.topic,
      remarks: input.remarks,
    };
  }

  async #unitsByName(): Promise<Map<string, string>> {
    return new Map((await this.#organisations.list()).map((unit) => [unitKey(unit.name), unit.id]));
  }
}

/** Unit names match ignoring spaces and the brackets' width (（招商局） and (招商局)). */
function unitKey(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

export function planTitle(year: number): string {
  return `${year}年“在线访谈”栏目访谈计划`;
}
