import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { MediaServer } from '../../media/index.js';
import { ClipRepository } from '../db/ClipRepository.js';
import { ExportJobRepository } from '../db/ExportJobRepository.js';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import { RecordingRepository } from '../db/RecordingRepository.js';
import { ExportJobRunner } from '../jobs/ExportJobRunner.js';
import { ReplayService } from '../replay/ReplayService.js';
import { ProgramSettings } from '../production/ProgramSettings.js';
import { ClipService } from './ClipService.js';
import { DerivedMedia } from './DerivedMedia.js';
import { RecordingService } from './RecordingService.js';

export interface EditingOptions {
  dataSource: DataSource;
  dataDir: string;
  media: MediaServer;
  interviews: InterviewRepository;
  /** How many clip exports run at once (setting clipExportConcurrency). */
  exportConcurrency: number;
  logger: Logger;
}

/**
 * Issue 5's state in PostgreSQL in one place for the composition root: the director's program settings (kept across
 * restarts), and the after-show side: the recordings catalogue (kept in step with the media node, recovered after a
 * crash), replay chapters, clips and their persistent export jobs.
 */
export class Editing {
  readonly dataDir: string;
  readonly ffmpegPath: string;
  readonly interviews: InterviewRepository;
  readonly recordings: RecordingRepository;
  readonly recordingService: RecordingService;
  readonly replay: ReplayService;
  readonly clips: ClipService;
  readonly exports: ExportJobRunner;
  /** Thumbnails, sound peaks and browser previews of recording parts for the clip editor. */
  readonly derived: DerivedMedia;
  /** The director's audio choice and overlays, stored and restored when the program goes live again. */
  readonly programSettings: ProgramSettings;
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
    this.programSettings = new ProgramSettings(o.dataSource, o.media, o.logger.child({ part: 'program-settings' }));
    this.derived = new DerivedMedia({ dataDir: o.dataDir, ffmpegPath: o.media.ffmpegPath, logger: o.logger.child({ part: 'derived' }) });
    this.replay = new ReplayService({ dataSource: o.dataSource, dataDir: o.dataDir, ffmpegPath: o.media.ffmpegPath, logger: o.logger.child({ part: 'replay' }) });
    const jobs = new ExportJobRepository(o.dataSource);
    this.clips = new ClipService({
      dataDir: o.dataDir,
      ffmpegPath: o.media.ffmpegPath,
      clips: new ClipRepository(o.dataSource),
      jobs,
      recordings: this.recordings,
      runner: () => this.exports,
      logger: o.logger.child({ part: 'clips' }),
    });
    this.exports = new ExportJobRunner({ jobs, concurrency: o.exportConcurrency, run: this.clips.runExport, logger: o.logger.child({ part: 'exports' }) });
  }

  /**
   * Call before the media node can take a camera: recovery reads what a crash left unfinished first. An API process
   * (`mediaNode` false, setting role api) neither recovers recordings nor runs exports: the unfinished parts and the
   * queued jobs in the shared database are the media node's, and so are the files.
   */
  static async start(o: EditingOptions, role: { mediaNode: boolean } = { mediaNode: true }): Promise<Editing> {
    const editing = new Editing(o);
    if (!role.mediaNode) return editing;
    await editing.recordingService.startRecovery();
    editing.recordingService.follow(o.media);
    await editing.exports.start();
    return editing;
  }

  /**
   * Stops the exports (interrupted ones are queued again at the next start) and waits for catalogue writes; call
   * after the media node closed (its last parts end then). Idempotent.
   */
  close(): Promise<void> {
    this.#closing ??= Promise.all([this.exports.close(), this.recordingService.close(), this.replay.idle(), this.derived.idle(), this.programSettings.close()]).then(() => undefined);
    return this.#closing;
  }
}
