import type { ChecklistRepository } from '../db/ChecklistRepository.js';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import type { OrganisationRepository } from '../db/OrganisationRepository.js';
import type { PlanRepository } from '../db/PlanRepository.js';
import { isPublicStatus, type Interview } from '../domain/Interview.js';
import { canTickChecklistItem } from '../domain/plan/canTickChecklistItem.js';
import { authorizePlan, isPlanAllowed, type PlanActor } from '../domain/plan/planPermissions.js';
import { PlanForbiddenError, PlanNotFoundError } from '../domain/plan/PlanRuleError.js';
import { buildChecklist, CHECKLIST_ITEM_ROLES, type ChecklistEntry, type ChecklistItem } from '../domain/plan/preparationChecklist.js';

export interface Checklist {
  interviewId: string;
  startsAt: Date | null;
  announceDaysBefore: number;
  entries: ChecklistEntry[];
}

/** One upcoming show in the office's overview of every checklist. */
export interface ChecklistOverviewEntry extends Checklist {
  title: string;
  department: string | null;
  status: Interview['status'];
}

/** The preparation checklist of each interview, for the office, the unit, the centre and the station. */
export class ChecklistService {
  readonly #checklists: ChecklistRepository;
  readonly #interviews: InterviewRepository;
  readonly #plans: PlanRepository;
  readonly #organisations: OrganisationRepository;

  constructor(deps: { checklists: ChecklistRepository; interviews: InterviewRepository; plans: PlanRepository; organisations: OrganisationRepository }) {
    this.#checklists = deps.checklists;
    this.#interviews = deps.interviews;
    this.#plans = deps.plans;
    this.#organisations = deps.organisations;
  }

  async get(actor: PlanActor, interviewId: string, now = new Date()): Promise<Checklist> {
    const interview = await this.#visibleInterview(actor, interviewId, 'checklist.read');
    const announceDaysBefore = await this.#checklists.announceDaysBefore();
    return {
      interviewId,
      startsAt: interview.startsAt,
      announceDaysBefore,
      entries: buildChecklist({
        startsAt: interview.startsAt,
        announced: isPublicStatus(interview.status),
        done: await this.#checklists.marks(interviewId),
        announceDaysBefore,
        now,
      }),
    };
  }

  /**
   * Every upcoming show's checklist the actor may see (drafts and announced shows, those without a time last), for
   * the overview page: the office, the centre and the station see all, a unit its own shows.
   */
  async overview(actor: PlanActor, now = new Date()): Promise<{ announceDaysBefore: number; interviews: ChecklistOverviewEntry[] }> {
    authorizePlan(actor, 'checklist.read');
    const announceDaysBefore = await this.#checklists.announceDaysBefore();
    const units = await this.#organisations.list();
    const upcoming = (await this.#interviews.list())
      .filter((interview) => interview.status === 'draft' || interview.status === 'scheduled')
      .sort((a, b) => (a.startsAt?.getTime() ?? Infinity) - (b.startsAt?.getTime() ?? Infinity));
    const interviews: ChecklistOverviewEntry[] = [];
    for (const interview of upcoming) {
      if (!isPlanAllowed(actor, 'checklist.read', { organisationId: await this.#organisationOf(interview, units) })) continue;
      interviews.push({
        interviewId: interview.id,
        title: interview.title,
        department: interview.department,
        status: interview.status,
        startsAt: interview.startsAt,
        announceDaysBefore,
        entries: buildChecklist({
          startsAt: interview.startsAt,
          announced: isPublicStatus(interview.status),
          done: await this.#checklists.marks(interview.id),
          announceDaysBefore,
          now,
        }),
      });
    }
    return { announceDaysBefore, interviews };
  }

  /** Ticks or unticks an item: the office any, the others the items that are theirs (CHECKLIST_ITEM_ROLES). */
  async set(actor: PlanActor, interviewId: string, item: ChecklistItem, done: boolean): Promise<Checklist> {
    await this.#visibleInterview(actor, interviewId, 'checklist.update');
    if (!canTickChecklistItem(actor, item)) {
      throw new PlanForbiddenError(`${item} is ticked by ${CHECKLIST_ITEM_ROLES[item].join(' or ')} (or the office).`);
    }
    await this.#checklists.set(interviewId, item, done, actor.userId);
    return this.get(actor, interviewId);
  }

  async announceDaysBefore(): Promise<number> {
    return this.#checklists.announceDaysBefore();
  }

  async setAnnounceDaysBefore(actor: PlanActor, days: number): Promise<number> {
    authorizePlan(actor, 'settings.edit');
    await this.#checklists.setAnnounceDaysBefore(days);
    return days;
  }

  /** The interview, if the actor may act on its checklist; another unit's is answered as unknown. */
  async #visibleInterview(actor: PlanActor, interviewId: string, action: 'checklist.read' | 'checklist.update'): Promise<Interview> {
    const interview = await this.#interviews.get(interviewId);
    if (!interview) throw new PlanNotFoundError('The interview');
    const organisationId = await this.#organisationOf(interview);
    if (!isPlanAllowed(actor, action, { organisationId })) {
      // A unit's user asking for another unit's show: answered as unknown.
      if (isPlanAllowed(actor, action)) throw new PlanNotFoundError('The interview');
      authorizePlan(actor, action, { organisationId });
    }
    return interview;
  }

  /** The unit of an interview: its plan row's, else the unit named as its department. */
  async #organisationOf(interview: Interview, units?: readonly { id: string; name: string }[]): Promise<string | null> {
    const row = await this.#plans.rowOfInterview(interview.id);
    if (row?.organisationId) return row.organisationId;
    if (interview.department === null) return null;
    return (units ?? (await this.#organisations.list())).find((unit) => unit.name === interview.department)?.id ?? null;
  }
}
