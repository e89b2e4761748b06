import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { ChecklistRepository } from '../db/ChecklistRepository.js';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import { OrganisationRepository } from '../db/OrganisationRepository.js';
import { PlanRepository } from '../db/PlanRepository.js';
import { ProposalRepository } from '../db/ProposalRepository.js';
import { StaffDirectory } from '../db/StaffDirectory.js';
import { UnitNoticeRepository } from '../db/UnitNoticeRepository.js';
import { ChecklistService } from './ChecklistService.js';
import { PlanActors } from './PlanActors.js';
import { PlanService } from './PlanService.js';
import { ProposalService } from './ProposalService.js';

/** The yearly workflow's services over one data source (made in the composition root). */
export class PlanServices {
  readonly actors: PlanActors;
  readonly directory: StaffDirectory;
  readonly organisations: OrganisationRepository;
  readonly notices: UnitNoticeRepository;
  readonly proposals: ProposalService;
  readonly plans: PlanService;
  readonly checklists: ChecklistService;

  constructor(deps: { dataSource: DataSource; interviews: InterviewRepository; logger: Logger }) {
    this.directory = new StaffDirectory(deps.dataSource);
    this.actors = new PlanActors(this.directory);
    this.organisations = new OrganisationRepository(deps.dataSource);
    this.notices = new UnitNoticeRepository(deps.dataSource);
    const proposals = new ProposalRepository(deps.dataSource);
    const plans = new PlanRepository(deps.dataSource);
    this.proposals = new ProposalService({ proposals, plans, organisations: this.organisations, notices: this.notices, logger: deps.logger });
    this.plans = new PlanService({ plans, proposals, organisations: this.organisations, interviews: deps.interviews, logger: deps.logger });
    this.checklists = new ChecklistService({ checklists: new ChecklistRepository(deps.dataSource), interviews: deps.interviews, plans, organisations: this.organisations });
  }
}
