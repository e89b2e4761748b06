import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { FollowUpRepository } from '../db/FollowUpRepository.js';
import { QaRepository } from '../db/QaRepository.js';
import { StatisticsRepository } from '../db/StatisticsRepository.js';
import { TranscriptRepository } from '../db/TranscriptRepository.js';
import type { OrgRole } from '../domain/plan/orgRoles.js';
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
  /** A user's roles in the column's year (the office, the information centre…), for the checks beyond interview roles. */
  readonly orgRoles: (userId: string) => Promise<readonly OrgRole[]>;

  constructor(deps: {
    dataSource: DataSource;
    dataDir: string;
    imageUrl: ImageUrl;
    calendar: WorkCalendar;
    followUpWorkingDays: number;
    orgRoles: (userId: string) => Promise<readonly OrgRole[]>;
    logger: Logger;
  }) {
    const transcripts = new TranscriptRepository(deps.dataSource);
    this.docx = new TranscriptDocxCache(deps.dataDir);
    this.orgRoles = deps.orgRoles;
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
}
