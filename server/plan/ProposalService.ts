import type { Logger } from 'pino';
import type { OrganisationRepository } from '../db/OrganisationRepository.js';
import type { PlanRepository } from '../db/PlanRepository.js';
import type { ProposalRepository } from '../db/ProposalRepository.js';
import type { StaffDirectory } from '../db/StaffDirectory.js';
import type { UnitNoticeRepository } from '../db/UnitNoticeRepository.js';
import { proposalReminderMail } from '../domain/mail/proposalReminderMail.js';
import type { MailOutbox } from '../mail/MailOutbox.js';
import { parsePlanTime } from '../domain/plan/parsePlanTime.js';
import type { Proposal, ProposalForm } from '../domain/plan/Proposal.js';
import { assertEditable, reviewTransition, submitProblems, submitTransition, type ProposalReview } from '../domain/plan/proposalLifecycle.js';
import { actsForAllUnits, authorizePlan, type PlanActor } from '../domain/plan/planPermissions.js';
import { PlanInvalidInputError, PlanNotFoundError } from '../domain/plan/PlanRuleError.js';

/** The units' proposals: drafted and submitted by the unit, reviewed by the office, accepted into the plan. */
export class ProposalService {
  readonly #proposals: ProposalRepository;
  readonly #plans: PlanRepository;
  readonly #organisations: OrganisationRepository;
  readonly #notices: UnitNoticeRepository;
  readonly #directory: StaffDirectory;
  readonly #mail: ReminderMail | null;
  readonly #logger: Logger;

  constructor(deps: {
    proposals: ProposalRepository;
    plans: PlanRepository;
    organisations: OrganisationRepository;
    notices: UnitNoticeRepository;
    directory: StaffDirectory;
    /** null when e-mail is not configured: reminders are in-app notices only. */
    mail: ReminderMail | null;
    logger: Logger;
  }) {
    this.#proposals = deps.proposals;
    this.#plans = deps.plans;
    this.#organisations = deps.organisations;
    this.#notices = deps.notices;
    this.#directory = deps.directory;
    this.#mail = deps.mail;
    this.#logger = deps.logger;
  }

  /** The office sees every unit's; a unit its own. */
  async list(actor: PlanActor, year: number): Promise<Proposal[]> {
    authorizePlan(actor, 'proposals.read');
    return this.#proposals.list(year, actsForAllUnits(actor, 'proposals.read') ? null : actor.organisationId);
  }

  async get(actor: PlanActor, id: string): Promise<Proposal> {
    authorizePlan(actor, 'proposals.read');
    const proposal = await this.#proposals.get(id);
    // Another unit's proposal is answered as unknown: its existence is the office's business.
    if (!proposal || !canSee(actor, proposal)) throw new PlanNotFoundError('The proposal');
    return proposal;
  }

  /** A draft for the actor's own unit (the office may draft for a unit it names). */
  async create(actor: PlanActor, input: { year: number; organisationId: string | null; form: ProposalForm }): Promise<Proposal> {
    const organisationId = input.organisationId ?? actor.organisationId;
    if (organisationId === null) throw new PlanInvalidInputError('organisationId', 'Say which unit proposes (organisationId); your account belongs to none.');
    authorizePlan(actor, 'proposals.write', { organisationId });
    if (!(await this.#organisations.get(organisationId))) throw new PlanInvalidInputError('organisationId', 'No such unit; pick one from the list.');
    const proposal = await this.#proposals.create({ organisationId, year: input.year, form: input.form, createdBy: actor.userId });
    this.#logger.info({ proposalId: proposal.id, organisationId, userId: actor.userId }, 'proposal drafted');
    return proposal;
  }

  async update(actor: PlanActor, id: string, form: ProposalForm): Promise<Proposal> {
    authorizePlan(actor, 'proposals.write');
    return this.#proposals.locked(id, async (proposal, manager) => {
      if (!proposal || !canSee(actor, proposal)) throw new PlanNotFoundError('The proposal');
      authorizePlan(actor, 'proposals.write', proposal);
      assertEditable(proposal.status);
      await this.#proposals.saveForm(manager, id, form);
      return (await this.#proposals.get(id, manager))!;
    });
  }

  /** Sends the form to the office (again, after changes were asked for). */
  async submit(actor: PlanActor, id: string): Promise<Proposal> {
    authorizePlan(actor, 'proposals.write');
    const submitted = await this.#proposals.locked(id, async (proposal, manager) => {
      if (!proposal || !canSee(actor, proposal)) throw new PlanNotFoundError('The proposal');
      authorizePlan(actor, 'proposals.write', proposal);
      const status = submitTransition(proposal.status);
      const problem = submitProblems(proposal)[0];
      if (problem) throw new PlanInvalidInputError(problem.field, problem.message);
      await this.#proposals.setStatus(manager, id, { status });
      return (await this.#proposals.get(id, manager))!;
    });
    this.#logger.info({ proposalId: id, userId: actor.userId }, 'proposal submitted');
    return submitted;
  }

  /**
   * The office's decision. Accepting adds the proposal to its year's plan as a new row (in the same transaction, so
   * an accepted proposal is never missing from the plan): 责任单位 is the unit, 访谈时间 the suggested time when the
   * plan understands it (as written otherwise: the office fixes it in the plan), 访谈主题 the topic.
   */
  async review(actor: PlanActor, id: string, review: ProposalReview): Promise<Proposal> {
    authorizePlan(actor, 'proposals.review');
    const reviewed = await this.#proposals.locked(id, async (proposal, manager) => {
      if (!proposal) throw new PlanNotFoundError('The proposal');
      const next = reviewTransition(proposal.status, review);
      await this.#proposals.setStatus(manager, id, { status: next.status, reviewComment: next.comment, reviewedBy: actor.userId });
      if (next.status === 'accepted') {
        const unit = await this.#organisations.get(proposal.organisationId);
        const time = parsePlanTime(proposal.suggestedTime, proposal.year);
        await this.#plans.addRows(manager, proposal.year, [
          {
            unitName: unit?.name ?? '',
            organisationId: proposal.organisationId,
            timeText: proposal.suggestedTime.trim(),
            plannedDate: time.ok && time.time.kind === 'day' ? time.time.date : null,
            topic: proposal.topic,
            remarks: '',
            proposalId: proposal.id,
          },
        ]);
      }
      return (await this.#proposals.get(id, manager))!;
    });
    this.#logger.info({ proposalId: id, userId: actor.userId, decision: review.decision }, 'proposal reviewed');
    return reviewed;
  }

  /** Units that have not proposed this year, with when they were last reminded. */
  missing(actor: PlanActor, year: number): ReturnType<ProposalRepository['unitsWithoutProposal']> {
    authorizePlan(actor, 'proposals.remind');
    return this.#proposals.unitsWithoutProposal(year);
  }

  /**
   * An in-app notice to each named unit (all that have not proposed when none are named) and, when e-mail is
   * configured, an e-mail to each of their proposers with an address, queued in the same transaction as the notices.
   * Answers how many units were reminded and how many e-mails were queued.
   */
  async remind(actor: PlanActor, year: number, organisationIds: readonly string[] | null, message: string): Promise<{ sent: number; emailed: number }> {
    authorizePlan(actor, 'proposals.remind');
    const missing = (await this.#proposals.unitsWithoutProposal(year)).map((unit) => unit.id);
    const targets = organisationIds === null ? missing : organisationIds.filter((id) => missing.includes(id));
    const mail = this.#mail;
    const result = await this.#notices.transaction(async (manager) => {
      const sent = await this.#notices.create({ organisationIds: targets, year, message, createdBy: actor.userId }, manager);
      if (!mail) return { sent, emailed: 0 };
      const recipients = await this.#directory.unitAddresses(manager, targets, 'proposer');
      await mail.outbox.enqueue(
        recipients.map((r) => proposalReminderMail({ to: r.email, userId: r.userId, unitName: r.unitName, year, message, consoleUrl: mail.consoleUrl })),
        manager,
      );
      return { sent, emailed: recipients.length };
    });
    mail?.outbox.wake();
    this.#logger.info({ year, units: result.sent, emails: result.emailed, userId: actor.userId }, 'units reminded to propose');
    return result;
  }
}

/** E-mail for reminders: the outbox and the console's address the mails link to. */
export interface ReminderMail {
  outbox: MailOutbox;
  consoleUrl: string;
}

function canSee(actor: PlanActor, proposal: Proposal): boolean {
  return actsForAllUnits(actor, 'proposals.read') || actor.organisationId === proposal.organisationId;
}
