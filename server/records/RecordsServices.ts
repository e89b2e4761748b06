import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { FollowUpRepository } from '../db/FollowUpRepository.js';
import { QaRepository } from '../db/QaRepository.js';
import { StatisticsRepository } from '../db/StatisticsRepository.js';
import { TranscriptRepository } from '../db/TranscriptRepository.js';
import { InterviewUnitRepository } from '../db/InterviewUnitRepository.js';
import type { OrgRole } from '../domain/plan/orgRoles.js';
import type { Actor } from '../domain/qa/types.js';
import { unitInterviewRoles, type OfficeUser, type RecordsActor } from '../domain/records/recordPermissions.js';
import type { User } from '../domain/User.js';
import type { WorkCalendar } from '../domain/records/WorkCalendar.js';
import type { ImageUrl } from '../qa/qaEvents.js';
import { FollowUpService } from './FollowUpService.js';
import { StatisticsService } from './StatisticsService.js';
import { TranscriptDocxCache } from './TranscriptDocxCache.js';
import { TranscriptService } from './TranscriptService.js';

/** The after-show records' services over one database: transcripts, follow-ups and the year's statistics. */
export class RecordsServices {
  readonly transcripts: TranscriptService;
  readonly followUps: FollowUpService;
  readonly statistics: StatisticsService;
  /** The published transcripts' Word documents, made once per publication. */
  readonly docx: TranscriptDocxCache;
  readonly #accounts: (userId: string) => Promise<UnitAccount | null>;
  readonly #units: InterviewUnitRepository;

  constructor(deps: {
    dataSource: DataSource;
    dataDir: string;
    imageUrl: ImageUrl;
    calendar: WorkCalendar;
    followUpWorkingDays: number;
    /** A user's unit and roles in the column's year (the office, the information centre, a unit's reviewer…). */
    accounts: (userId: string) => Promise<UnitAccount | null>;
    logger: Logger;
  }) {
    const transcripts = new TranscriptRepository(deps.dataSource);
    this.docx = new TranscriptDocxCache(deps.dataDir);
    this.#accounts = deps.accounts;
    this.#units = new InterviewUnitRepository(deps.dataSource);
    this.transcripts = new TranscriptService({ transcripts, qa: new QaRepository(deps.dataSource), imageUrl: deps.imageUrl, logger: deps.logger });
    this.followUps = new FollowUpService({
      followUps: new FollowUpRepository(deps.dataSource),
      transcripts,
      calendar: deps.calendar,
      workingDays: deps.followUpWorkingDays,
      logger: deps.logger,
    });
    this.statistics = new StatisticsService({ statistics: new StatisticsRepository(deps.dataSource), followUps: this.followUps });
  }

  /** The user in an interview: their interview roles, those their unit's roles give them there, and their year roles. */
  async actorFor(user: User, actor: Actor, interviewId: string): Promise<RecordsActor> {
    const account = await this.#accounts(user.id);
    if (!account) return { ...actor, orgRoles: [] };
    const unitRoles = unitInterviewRoles(account, account.organisationId === null ? null : await this.#units.unitOf(interviewId));
    return { ...actor, roles: [...new Set([...actor.roles, ...unitRoles])], orgRoles: account.roles };
  }

  /** The user as the office's views see them. */
  async officeUser(user: User): Promise<OfficeUser> {
    return { admin: user.role === 'admin', orgRoles: (await this.#accounts(user.id))?.roles ?? [] };
  }
}

/** What the yearly workflow knows of an account. */
export interface UnitAccount {
  roles: readonly OrgRole[];
  organisationId: string | null;
}
