import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { InterviewMemberRepository } from '../db/InterviewMemberRepository.js';
import { PostImageRepository } from '../db/PostImageRepository.js';
import { QaRepository } from '../db/QaRepository.js';
import type { SensitiveWordFilter } from '../domain/qa/SensitiveWordFilter.js';
import { BanService } from './BanService.js';
import { ImageService } from './ImageService.js';
import { MemberService } from './MemberService.js';
import { PostService } from './PostService.js';
import { QaReadService } from './QaReadService.js';
import type { ImageUrl } from './qaEvents.js';
import { QuestionRateLimiter } from './QuestionRateLimiter.js';
import { QuestionService } from './QuestionService.js';
import { UnattachedImageSweeper } from './UnattachedImageSweeper.js';
import { ReviewSettingsService } from './ReviewSettingsService.js';

/** The Q&A's application services over one database, built together because they share the repositories. */
export class QaServices {
  readonly members: MemberService;
  readonly questions: QuestionService;
  readonly posts: PostService;
  readonly settings: ReviewSettingsService;
  readonly reads: QaReadService;
  readonly bans: BanService;
  readonly images: ImageService;
  readonly #limiter: QuestionRateLimiter;
  readonly #sweeper: UnattachedImageSweeper;

  constructor(deps: {
    dataSource: DataSource;
    dataDir: string;
    filter: SensitiveWordFilter;
    imageUrl: ImageUrl;
    /** The setting questionsPerIpPerHour. */
    questionsPerIpPerHour: number;
    logger: Logger;
  }) {
    this.#limiter = new QuestionRateLimiter({ perIpPerHour: deps.questionsPerIpPerHour });
    const qa = new QaRepository(deps.dataSource);
    const logger = deps.logger;
    this.members = new MemberService({ qa, members: new InterviewMemberRepository(deps.dataSource), logger });
    this.bans = new BanService({ dataSource: deps.dataSource, logger });
    this.questions = new QuestionService({ qa, filter: deps.filter, limiter: this.#limiter, bans: this.bans, logger });
    this.posts = new PostService({ qa, imageUrl: deps.imageUrl, logger });
    this.settings = new ReviewSettingsService({ qa, logger });
    this.reads = new QaReadService({ qa, imageUrl: deps.imageUrl });
    const images = new PostImageRepository(deps.dataSource);
    this.#sweeper = new UnattachedImageSweeper({ images, dataDir: deps.dataDir, logger });
    this.images = new ImageService({
      images,
      dataDir: deps.dataDir,
      imageUrl: deps.imageUrl,
      logger,
    });
  }

  /** Stops the rate limiter's and the unattached pictures' sweeping (waiting for a sweep under way). Idempotent. */
  async close(): Promise<void> {
    this.#limiter.close();
    await this.#sweeper.close();
  }
}
