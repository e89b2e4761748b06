import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { ChecklistRepository } from '../db/ChecklistRepository.js';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import { MailOutboxRepository } from '../db/MailOutboxRepository.js';
import { OrganisationRepository } from '../db/OrganisationRepository.js';
import { PlanRepository } from '../db/PlanRepository.js';
import { ProposalRepository } from '../db/ProposalRepository.js';
import { StaffDirectory } from '../db/StaffDirectory.js';
import { UnitNoticeRepository } from '../db/UnitNoticeRepository.js';
import { ChecklistService } from './ChecklistService.js';
import { PlanActors } from './PlanActors.js';
import { PlanService } from './PlanService.js';
import { ProposalService, type ReminderMail } from './ProposalService.js';

/** The yearly workflow's services over one data source (made in the composition root). */
export class PlanServices {
  readonly actors: PlanActors;
  readonly directory: StaffDirectory;
  readonly organisations: OrganisationRepository;
  readonly notices: UnitNoticeRepository;
  readonly proposals: ProposalService;
  readonly plans: PlanService;
  readonly checklists: ChecklistService;

  /** The e-mail outbox; null when e-mail is not configured. */
  readonly mail: ReminderMail | null;
  /** What the outbox holds (also when e-mail is off: mails queued before it was turned off). */
  readonly outbox: MailOutboxRepository;

  constructor(deps: { dataSource: DataSource; interviews: InterviewRepository; mail?: ReminderMail | null; logger: Logger }) {
    this.mail = deps.mail ?? null;
    this.outbox = new MailOutboxRepository(deps.dataSource);
    this.directory = new StaffDirectory(deps.dataSource);
    this.actors = new PlanActors(this.directory);
    this.organisations = new OrganisationRepository(deps.dataSource);
    this.notices = new UnitNoticeRepository(deps.dataSource);
    const proposals = new ProposalRepository(deps.dataSource);
    const plans = new PlanRepository(deps.dataSource);
    this.proposals = new ProposalService({ proposals, plans, organisations: this.organisations, notices: this.notices, directory: this.directory, mail: this.mail, logger: deps.logger });
    this.plans = new PlanService({ plans, proposals, organisations: this.organisations, interviews: deps.interviews, logger: deps.logger });
    this.checklists = new ChecklistService({ checklists: new ChecklistRepository(deps.dataSource), interviews: deps.interviews, plans, organisations: this.organisations });
  }
}
