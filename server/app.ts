import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { MediaServer } from '../media/index.js';
import { bootstrapAdmin } from './auth/bootstrapAdmin.js';
import { CameraAccess, type AuthenticateCamera } from './auth/CameraAccess.js';
import { SessionService } from './auth/SessionService.js';
import { SETTING_ENV, type Config } from './config/Config.js';
import { InvalidConfigError } from './config/InvalidConfigError.js';
import { CameraRepository } from './db/CameraRepository.js';
import { Database } from './db/Database.js';
import { InterviewRepository } from './db/InterviewRepository.js';
import { QaEventLog } from './db/QaEventLog.js';
import { SessionRepository } from './db/SessionRepository.js';
import { LoginFailureRepository } from './db/LoginFailureRepository.js';
import { LoginThrottle } from './auth/LoginThrottle.js';
import { StudioTokenRepository } from './db/StudioTokenRepository.js';
import { UserRepository } from './db/UserRepository.js';
import { isPublicStatus, type InterviewStatus } from './domain/Interview.js';
import { SensitiveWordFilter } from './domain/qa/SensitiveWordFilter.js';
import { createHttpApp } from './http/createHttpApp.js';
import { PublicUrls } from './http/PublicUrls.js';
import { InterviewPresenter } from './http/InterviewPresenter.js';
import { staffSocketAccess } from './http/staffSocketAccess.js';
import { createLogger } from './logger.js';
import { observeMedia } from './observability/mediaMetrics.js';
import { Metrics } from './observability/Metrics.js';
import { Readiness } from './observability/Readiness.js';
import { QueueLengthRepository } from './db/QueueLengthRepository.js';
import { QaServices } from './qa/QaServices.js';
import { Editing } from './recording/Editing.js';
import { PlanServices } from './plan/PlanServices.js';
import { MailOutboxRepository } from './db/MailOutboxRepository.js';
import { MailOutbox } from './mail/MailOutbox.js';
import { mailSettings } from './mail/MailSettings.js';
import { AudienceRepository } from './db/AudienceRepository.js';
import { chinaYear } from './domain/records/calendarDates.js';
import { InvalidWorkCalendarError, WorkCalendar } from './domain/records/WorkCalendar.js';
import { AudienceRecorder } from './realtime/AudienceRecorder.js';
import { RecordsServices } from './records/RecordsServices.js';
import { InterviewChangeListener } from './realtime/InterviewChangeListener.js';
import { QaFeed } from './realtime/QaFeed.js';
import { RealtimeHub } from './realtime/RealtimeHub.js';

/** In-flight requests get this long to finish at shutdown before their connections are cut. */
const SHUTDOWN_GRACE_MS = 5_000;

export interface CreateAppOptions {
  /** By default one is made from config.logLevel. */
  logger?: Logger;
  /** The built pages and bundles; by default `dist/web` of this package. */
  webDir?: string;
}

/** A running server: database, media node and HTTP, started and stopped together. */
export interface App {
  /** Where this process listens, e.g. http://127.0.0.1:8080 (a wildcard host is given as loopback). */
  readonly url: string;
  /** The base of every address handed out; config.publicUrl, with the bound port if it said port 0. */
  readonly publicUrl: string;
  readonly config: Config;
  readonly logger: Logger;
  readonly database: Database;
  readonly media: MediaServer;
  /** This app's Prometheus metrics (its own registry). */
  readonly metrics: Metrics;
  /** Recordings, replay chapters, clips and their export jobs. */
  readonly editing: Editing;
  /** What the WHIP router uses to accept a camera's bearer token. */
  readonly authenticateCamera: AuthenticateCamera;
  /** Stops accepting, ends the shows (media.close), closes the database and the embedded PostgreSQL. Idempotent. */
  close(): Promise<void>;
}

/**
 * The composition root: config → logger → database (embedded or external) → migrations → admin bootstrap → media
 * → HTTP → listen. `config.port` 0 picks a free port (tests).
 */
export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config);
  const began = performance.now();
  const undo: (() => Promise<void>)[] = [];
  try {
    const database = await Database.open(config, logger);
    undo.push(() => database.close());
    const { dataSource } = database;
    const users = new UserRepository(dataSource);
    const interviews = new InterviewRepository(dataSource);
    const cameras = new CameraRepository(dataSource);
    await bootstrapAdmin({ users, adminPassword: config.adminPassword, logger });

    const media = await MediaServer.create({
      dataDir: config.dataDir,
      // An API process (role api) never takes a camera: the proxy routes cameras to the media node.
      workers: config.role === 'all' ? config.mediasoupWorkers : 1,
      listenIp: config.webrtcListenIp,
      announcedIp: config.webrtcAnnouncedIp,
      rtcMinPort: config.rtcMinPort,
      rtcMaxPort: config.rtcMaxPort,
      ...(config.ffmpegPath !== undefined && { ffmpegPath: config.ffmpegPath }),
      hlsSegmentSeconds: config.hlsSegmentSeconds,
      recordingFormat: config.recordingFormat,
      ...(config.stationLogoFile !== undefined && { logoFile: config.stationLogoFile }),
      logger: logger.child({ component: 'media' }),
    });
    undo.push(() => media.close());
    const editing = await Editing.start({
      dataSource,
      dataDir: config.dataDir,
      media,
      interviews,
      exportConcurrency: config.clipExportConcurrency,
      logger: logger.child({ component: 'editing' }),
    }, { mediaNode: config.role === 'all' });
    undo.push(() => editing.close());
    const statusWrites = followMediaEvents(media, interviews, logger.child({ component: 'lifecycle' }));
    const metrics = new Metrics(logger.child({ component: 'metrics' }));
    observeMedia(metrics, media);

    const server = http.createServer();
    await listen(server, config.port, config.host);
    undo.push(() => new Promise((resolve) => server.close(() => resolve())));
    const port = (server.address() as AddressInfo).port;
    const urls = new PublicUrls(withBoundPort(config.publicUrl, port));

    const sessions = new SessionService({
      users,
      sessions: new SessionRepository(dataSource),
      throttle: new LoginThrottle({
        failures: new LoginFailureRepository(dataSource),
        perAccount: config.loginFailuresPerAccount,
        perAddress: config.loginFailuresPerAddress,
        windowMinutes: config.loginLockoutMinutes,
      }),
      ttlHours: config.sessionTtlHours,
      idleMinutes: config.sessionIdleMinutes,
      logger,
    });
    const cameraAccess = new CameraAccess({ cameras, studioTokens: new StudioTokenRepository(dataSource), logger });
    const qa = new QaServices({
      dataSource,
      dataDir: config.dataDir,
      filter: await loadSensitiveWords(config.sensitiveWordsFile, logger),
      imageUrl: (relativePath) => urls.media(relativePath),
      questionsPerIpPerHour: config.questionsPerIpPerHour,
      logger: logger.child({ component: 'qa' }),
    });
    undo.push(() => qa.close());
    qa.questions.on('approved', ({ waitedMs }) => metrics.moderationLatency.observe(waitedMs / 1000));
    const queues = new QueueLengthRepository(dataSource);
    metrics.beforeScrape('queues', async () => {
      const lengths = await queues.lengths();
      metrics.moderationQueue.set({ kind: 'question' }, lengths.pendingQuestions);
      metrics.moderationQueue.set({ kind: 'post' }, lengths.pendingPosts);
      metrics.exportJobs.set({ status: 'queued' }, lengths.exportsQueued);
      metrics.exportJobs.set({ status: 'running' }, lengths.exportsRunning);
      metrics.mailOutbox.set({ status: 'queued' }, lengths.mailsQueued);
      metrics.mailOutbox.set({ status: 'failed' }, lengths.mailsFailed);
    });
    // Viewer counts are kept for the statistics; the last ones are written at shutdown, before the database closes.
    const audience = new AudienceRecorder(new AudienceRepository(dataSource), logger.child({ component: 'audience' }));
    undo.push(() => audience.close());
    // E-mail (reminders) when smtpHost is set: sent from the database's outbox, so nothing is lost while the mail server is down.
    const mailConfig = await mailSettings(config);
    const mail = mailConfig ? new MailOutbox({ repository: new MailOutboxRepository(dataSource), settings: mailConfig, logger: logger.child({ component: 'mail' }) }) : null;
    if (mail) undo.push(() => mail.close());
    const plan = new PlanServices({
      dataSource,
      interviews,
      mail: mail ? { outbox: mail, consoleUrl: `${urls.base}/console` } : null,
      logger: logger.child({ component: 'plan' }),
    });
    const records = new RecordsServices({
      dataSource,
      dataDir: config.dataDir,
      imageUrl: (relativePath) => urls.media(relativePath),
      calendar: await loadWorkCalendar(config.workCalendarFile, logger),
      followUpWorkingDays: config.followUpWorkingDays,
      accounts: (userId) => plan.directory.get(userId),
      logger: logger.child({ component: 'records' }),
    });
    // One presenter for the HTTP answers and the sockets, so both show an interview the same way.
    const presenter = new InterviewPresenter(urls, config.dataDir);
    server.on(
      'request',
      createHttpApp({
        config,
        logger,
        urls,
        webDir: options.webDir ?? defaultWebDir(),
        media,
        sessions,
        cameraAccess,
        interviews,
        cameras,
        qa,
        records,
        plan,
        presenter,
        editing,
        metrics,
        readiness: new Readiness({ dataSource, media, logger: logger.child({ component: 'readiness' }) }),
      }),
    );

    const changes = await InterviewChangeListener.start(database.url, logger.child({ component: 'realtime' }));
    undo.push(() => changes.close());
    const hub = new RealtimeHub({
      server,
      changes,
      snapshot: async (interviewId) => {
        const interview = await interviews.get(interviewId);
        // A draft is not public: its sockets are told "not found" as for an unknown id.
        return interview && isPublicStatus(interview.status) ? presenter.toPublic(interview) : null;
      },
      qa: new QaFeed(new QaEventLog(dataSource), logger.child({ component: 'realtime' })),
      authorizeStaff: staffSocketAccess({ sessions, members: qa.members, publicUrl: urls.base }),
      audience,
      logger: logger.child({ component: 'realtime' }),
    });
    metrics.beforeScrape('websockets', () => metrics.websocketClients.set(hub.clientCount));

    const url = `http://${loopbackFor(config.host)}:${port}`;
    logger.info({ url, publicUrl: urls.base, startupMs: Math.round(performance.now() - began) }, 'online-interview is listening');
    return new RunningApp({ url, publicUrl: urls.base, config, logger, database, media, metrics, server, statusWrites, cameraAccess, hub, changes, audience, qa, editing, mail });
  } catch (error) {
    for (const step of undo.reverse()) {
      await step().catch((closeError: unknown) => logger.error({ err: closeError }, 'cleanup after a failed start failed'));
    }
    throw error;
  }
}

class RunningApp implements App {
  readonly url: string;
  readonly publicUrl: string;
  readonly config: Config;
  readonly logger: Logger;
  readonly database: Database;
  readonly media: MediaServer;
  readonly metrics: Metrics;
  readonly editing: Editing;
  readonly authenticateCamera: AuthenticateCamera;
  #server: http.Server;
  #statusWrites: Set<Promise<void>>;
  #hub: RealtimeHub<unknown>;
  #changes: InterviewChangeListener;
  #qa: QaServices;
  #audience: AudienceRecorder;
  #mail: MailOutbox | null;
  #closing: Promise<void> | null = null;

  constructor(parts: {
    url: string;
    publicUrl: string;
    config: Config;
    logger: Logger;
    database: Database;
    media: MediaServer;
    metrics: Metrics;
    server: http.Server;
    statusWrites: Set<Promise<void>>;
    cameraAccess: CameraAccess;
    hub: RealtimeHub<unknown>;
    changes: InterviewChangeListener;
    audience: AudienceRecorder;
    mail: MailOutbox | null;
    qa: QaServices;
    editing: Editing;
  }) {
    this.url = parts.url;
    this.publicUrl = parts.publicUrl;
    this.config = parts.config;
    this.logger = parts.logger;
    this.database = parts.database;
    this.media = parts.media;
    this.metrics = parts.metrics;
    this.authenticateCamera = parts.cameraAccess.authenticate;
    this.#server = parts.server;
    this.#statusWrites = parts.statusWrites;
    this.#hub = parts.hub;
    this.#changes = parts.changes;
    this.#qa = parts.qa;
    this.editing = parts.editing;
    this.#audience = parts.audience;
    this.#mail = parts.mail;
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      const began = performance.now();
      this.logger.info('shutting down');
      const serverClosed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
      this.#server.closeIdleConnections();
      // Viewers' sockets close with 1001 "going away": their pages reconnect (to another server, or to this one restarted).
      this.#hub.close();
      // Ending the shows writes their playlists and recordings, then the "ended" status: the database stays open
      // until those writes are done.
      await this.media.close();
      await this.editing.close();
      await Promise.allSettled([...this.#statusWrites]);
      const timer = setTimeout(() => this.#server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await serverClosed;
      clearTimeout(timer);
      await this.#changes.close();
      await this.#qa.close();
      await this.#audience.close();
      await this.#mail?.close();
      await this.database.close();
      this.logger.info({ ms: Math.round(performance.now() - began) }, 'shut down');
    })();
    return this.#closing;
  }
}

/** Records what the media node reports: on air → live, program over → ended. Returns the writes in flight. */
function followMediaEvents(media: MediaServer, interviews: InterviewRepository, logger: Logger): Set<Promise<void>> {
  const inFlight = new Set<Promise<void>>();
  const record = (interviewId: string, status: InterviewStatus, details: Record<string, unknown>) => {
    const write = (async () => {
      try {
        const result = await interviews.setStatus(interviewId, status, new Date(), 'media');
        if (!result) logger.warn({ interviewId, status }, 'the media node reported an interview that does not exist');
        else if (result.changed) logger.info({ interviewId, status, ...details }, `interview is ${status}`);
        // E.g. a studio test on a draft: the lifecycle leaves the status alone (interviewLifecycle.ts).
        else if (result.ignored) logger.info({ interviewId, status: result.interview.status, program: status }, 'program change leaves the interview status as it is');
      } catch (error) {
        logger.error({ err: error, interviewId, status }, 'could not record the interview status the media node reported');
      }
    })();
    inFlight.add(write);
    void write.finally(() => inFlight.delete(write));
  };
  media.on('programLive', ({ interviewId }) => record(interviewId, 'live', {}));
  media.on('programEnded', ({ interviewId, recordingPaths }) => record(interviewId, 'ended', { recordingPaths }));
  return inFlight;
}

/**
 * The sensitive-word list netizens' questions are checked against. A list that cannot be read stops the start: taking
 * questions unchecked by mistake is worse than not starting.
 */
async function loadSensitiveWords(file: string, logger: Logger): Promise<SensitiveWordFilter> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidConfigError([
      { setting: 'sensitiveWordsFile', env: SETTING_ENV.sensitiveWordsFile, message: `cannot read ${file}: ${(error as Error).message}` },
    ]);
  }
  const filter = SensitiveWordFilter.fromText(text);
  logger.info({ file, words: filter.size }, 'sensitive-word list loaded');
  return filter;
}

/**
 * The work calendar follow-up deadlines are counted on. A file that cannot be read or holds a bad date stops the
 * start (deadlines counted on a wrong calendar would be unfair to the departments); a calendar without this year
 * is only warned about, since weekends alone still give a usable deadline.
 */
async function loadWorkCalendar(file: string, logger: Logger): Promise<WorkCalendar> {
  let calendar: WorkCalendar;
  try {
    calendar = WorkCalendar.fromData(JSON.parse(await fsp.readFile(file, 'utf8')));
  } catch (error) {
    const reason = error instanceof InvalidWorkCalendarError || error instanceof SyntaxError ? error.message : `cannot read ${file}: ${(error as Error).message}`;
    throw new InvalidConfigError([{ setting: 'workCalendarFile', env: SETTING_ENV.workCalendarFile, message: reason }]);
  }
  const year = chinaYear(new Date());
  if (!calendar.years.has(year)) {
    logger.warn({ file, year, years: [...calendar.years] }, 'the work calendar has no holidays for this year: follow-up deadlines skip weekends only; add the year (see docs/configuration.md)');
  }
  return calendar;
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** A publicUrl with port 0 (the default when config.port is 0) means "the port we got". */
function withBoundPort(publicUrl: string, port: number): string {
  const url = new URL(publicUrl);
  if (url.port !== '0') return publicUrl;
  url.port = String(port);
  return url.toString().replace(/\/+$/, '');
}

function loopbackFor(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** `dist/web` of this package, from the source (server/) or the build (dist/server/). */
function defaultWebDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'web');
}
