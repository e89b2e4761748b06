import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { MediaServer } from '../../media/index.js';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import { RecordingRepository } from '../db/RecordingRepository.js';
import { ReplayService } from '../replay/ReplayService.js';
import { RecordingService } from './RecordingService.js';

export interface EditingOptions {
  dataSource: DataSource;
  dataDir: string;
  media: MediaServer;
  interviews: InterviewRepository;
  logger: Logger;
}

/**
 * The after-show side of issue 5 in one place for the composition root: the recordings catalogue (kept in step with
 * the media node, recovered after a crash), replay chapters, clips and their export jobs.
 */
export class Editing {
  readonly dataDir: string;
  readonly ffmpegPath: string;
  readonly interviews: InterviewRepository;
  readonly recordings: RecordingRepository;
  readonly recordingService: RecordingService;
  readonly replay: ReplayService;
  readonly logger: Logger;
  #closing: Promise<void> | undefined;

  private constructor(o: EditingOptions) {
    this.dataDir = o.dataDir;
    this.ffmpegPath = o.media.ffmpegPath;
    this.interviews = o.interviews;
    this.logger = o.logger;
    this.recordings = new RecordingRepository(o.dataSource);
    this.recordingService = new RecordingService({
      dataDir: o.dataDir,
      ffmpegPath: o.media.ffmpegPath,
      recordings: this.recordings,
      interviewExists: async (id) => /^[0-9a-f-]{36}$/i.test(id) && (await o.interviews.statusOf(id)) !== null,
      logger: o.logger.child({ part: 'recordings' }),
    });
    this.replay = new ReplayService({ dataSource: o.dataSource, dataDir: o.dataDir, ffmpegPath: o.media.ffmpegPath, logger: o.logger.child({ part: 'replay' }) });
  }

  /** Call before the media node can take a camera: recovery reads what a crash left unfinished first. */
  static async start(o: EditingOptions): Promise<Editing> {
    const editing = new Editing(o);
    await editing.recordingService.startRecovery();
    editing.recordingService.follow(o.media);
    return editing;
  }

  /** Waits for catalogue writes; call after the media node closed (its last parts end then). Idempotent. */
  close(): Promise<void> {
    this.#closing ??= Promise.all([this.recordingService.close(), this.replay.idle()]).then(() => undefined);
    return this.#closing;
  }
}
