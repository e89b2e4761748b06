import express from 'express';
import type { Logger } from 'pino';
import type { MediaServer } from '../../media/index.js';
import type { CameraAccess } from '../auth/CameraAccess.js';
import type { SessionService } from '../auth/SessionService.js';
import type { Config } from '../config/Config.js';
import type { CameraRepository } from '../db/CameraRepository.js';
import type { InterviewRepository } from '../db/InterviewRepository.js';
import { PortraitStore } from '../interview/PortraitStore.js';
import type { QaServices } from '../qa/QaServices.js';
import type { Editing } from '../recording/Editing.js';
import { httpMetrics } from '../observability/httpMetrics.js';
import type { Metrics } from '../observability/Metrics.js';
import { observabilityRouter } from '../observability/observabilityRouter.js';
import type { Readiness } from '../observability/Readiness.js';
import type { PlanServices } from '../plan/PlanServices.js';
import type { RecordsServices } from '../records/RecordsServices.js';
import { authRouter } from './authRouter.js';
import { camerasRouter } from './camerasRouter.js';
import { databaseUnavailable } from './databaseUnavailable.js';
import { storageUnavailable } from './storageUnavailable.js';
import { errorHandler } from './errorHandler.js';
import { hlsRouter } from './hlsRouter.js';
import { HttpError } from './httpErrors.js';
import { imageFilesRouter } from './imageFilesRouter.js';
import { imageUploadRouter } from './imageUploadRouter.js';
import { refuseMediaNodePaths } from './mediaNodePaths.js';
import type { InterviewPresenter } from './InterviewPresenter.js';
import { interviewsRouter } from './interviewsRouter.js';
import { membersRouter } from './membersRouter.js';
import { apiDocsRouter } from './openapi/apiDocsRouter.js';
import { productionRouter } from './productionRouter.js';
import { PublicInterviewGate } from './PublicInterviewGate.js';
import { portraitsRouter } from './portraitsRouter.js';
import { preflightRouter } from './preflightRouter.js';
import { publicRouter } from './publicRouter.js';
import type { PublicUrls } from './PublicUrls.js';
import { qaPublicRouter } from './qaPublicRouter.js';
import { qaStaffRouter } from './qaStaffRouter.js';
import { recordsOfficeRouter } from './recordsOfficeRouter.js';
import { recordsPublicRouter } from './recordsPublicRouter.js';
import { recordsStaffRouter, TRANSCRIPT_BODY_LIMIT } from './recordsStaffRouter.js';
import { requestLogger } from './requestLogger.js';
import { requireJsonBody } from './requireJsonBody.js';
import { sameOriginWrites } from './sameOriginWrites.js';
import { securityHeaders } from './securityHeaders.js';
import { loadSession, requireUser } from './sessionMiddleware.js';
import { webRouter } from './webRouter.js';
import { whepRouter } from './whepRouter.js';
import { editingPublicRouter, editingStaffRouter } from './editingRouters.js';
import { checklistOverviewRouter, checklistRouter } from './checklistRouter.js';
import { interviewPermissionGuard, requirePlanAction } from './interviewPermissionGuard.js';
import { noticesRouter } from './noticesRouter.js';
import { organisationsRouter } from './organisationsRouter.js';
import { planImportRouter } from './planImportRouter.js';
import { planMetaRouter } from './planMetaRouter.js';
import { plansRouter } from './plansRouter.js';
import { proposalsRouter } from './proposalsRouter.js';
import { publicScheduleRouter } from './publicScheduleRouter.js';
import { usersRouter } from './usersRouter.js';
import { mailRouter } from './mailRouter.js';
import { createWhipRouter } from './whipRouter.js';
import { PublisherLimit } from './PublisherLimit.js';

export interface HttpAppDeps {
  config: Config;
  logger: Logger;
  urls: PublicUrls;
  /** Interviews as JSON; shared with the realtime hub. */
  presenter: InterviewPresenter;
  webDir: string;
  media: MediaServer;
  sessions: SessionService;
  cameraAccess: CameraAccess;
  interviews: InterviewRepository;
  cameras: CameraRepository;
  qa: QaServices;
  /** Recordings, replay chapters, clips and export jobs. */
  editing: Editing;
  /** The column's year: units, accounts, proposals, plans, checklists. */
  plan: PlanServices;
  /** Transcripts, follow-ups and statistics. */
  records: RecordsServices;
  /** Prometheus metrics (/metrics) and HTTP latencies. */
  metrics: Metrics;
  /** What /readyz checks. */
  readiness: Readiness;
}

/** The whole HTTP surface: WHIP, HLS files, pages, the public API and the staff API. */
export function createHttpApp(deps: HttpAppDeps): express.Express {
  const { config, logger, urls, presenter } = deps;
  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy: the viewer's address from X-Forwarded-For, for the per-address limits (docs/scale-out.md).
  if (config.trustedProxies.length > 0) app.set('trust proxy', config.trustedProxies);
  app.use(securityHeaders(urls.base));
  app.use(requestLogger(logger.child({ component: 'http' })));
  app.use(httpMetrics(deps.metrics));

  // An API process (role api) leaves cameras, monitors and files to the media node.
  if (config.role === 'api') app.use(refuseMediaNodePaths());
  // First: WHIP reads its application/sdp bodies itself, before any parser here could consume them.
  app.use(
    '/whip',
    createWhipRouter({
      media: deps.media,
      authenticateCamera: deps.cameraAccess.authenticate,
      iceServers: config.iceServers,
      publisherLimit: new PublisherLimit(deps.media, config.maxPublishers),
      logger: logger.child({ component: 'whip' }),
    }),
  );
  // Also before the parsers: WHEP offers are application/sdp too.
  app.use(
    '/whep',
    whepRouter({
      media: deps.media,
      sessions: deps.sessions,
      interviews: deps.interviews,
      cameras: deps.cameras,
      publicUrl: urls.base,
      iceServers: config.iceServers,
      logger: logger.child({ component: 'whep' }),
    }),
  );

  app.use(observabilityRouter({ metrics: deps.metrics, readiness: deps.readiness, metricsToken: config.metricsToken }));
  // Drafts are not public: every public path of an interview answers 404 for one, as for an unknown id.
  const gate = new PublicInterviewGate((id) => deps.interviews.statusOf(id));
  app.use('/media/interviews/:id/hls', gate.hideDrafts('The file'));
  app.use(['/api/public/interviews/:id', '/watch/:id'], gate.hideDrafts('The interview'));
  const portraits = new PortraitStore(config.dataDir);
  app.use(preflightRouter({ publicUrl: urls.base, sessions: deps.sessions }));
  app.use(
    portraitsRouter({
      publicUrl: urls.base,
      mediaUrl: (relativePath) => urls.media(relativePath),
      dataDir: config.dataDir,
      corsOrigins: config.corsOrigins,
      sessions: deps.sessions,
      interviews: deps.interviews,
      portraits,
      mayEdit: requirePlanAction(deps.plan, 'interview.edit'),
    }),
  );
  app.use('/media', hlsRouter({ dataDir: config.dataDir, corsOrigins: config.corsOrigins }));
  app.use(
    '/media',
    imageFilesRouter({
      dataDir: config.dataDir,
      corsOrigins: config.corsOrigins,
      sessions: deps.sessions,
      members: deps.qa.members,
      images: deps.qa.images,
    }),
  );
  app.use(webRouter({ webDir: deps.webDir, interviews: deps.interviews, publicUrl: urls.base, corsOrigins: config.corsOrigins }));
  // Before the interview's own public router: that one answers CORS preflights for reads only.
  app.use('/api/public', qaPublicRouter({ questions: deps.qa.questions, reads: deps.qa.reads, corsOrigins: config.corsOrigins }));
  app.use('/api/public', recordsPublicRouter({ records: deps.records, corsOrigins: config.corsOrigins }));
  app.use('/api/public', publicRouter({ interviews: deps.interviews, presenter, corsOrigins: config.corsOrigins }));
  app.use('/api/public', publicScheduleRouter({ interviews: deps.interviews, plan: deps.plan, urls, corsOrigins: config.corsOrigins }));
  app.use(editingPublicRouter(deps.editing, urls, config.corsOrigins));
  app.use('/api', apiDocsRouter());

  // An edited transcript may exceed the chain's 100 kB: read it here first (the chain's parser skips a read body).
  app.put('/api/interviews/:id/transcript', sameOriginWrites(urls.base), requireJsonBody, express.json({ limit: TRANSCRIPT_BODY_LIMIT }));
  // Before the JSON chain below, which refuses the picture's raw body.
  app.use(
    '/api/interviews',
    imageUploadRouter({ publicUrl: urls.base, sessions: deps.sessions, members: deps.qa.members, images: deps.qa.images }),
  );
  // An annex-1 table (XLSX or CSV) is a raw body too.
  app.use('/api/plans', planImportRouter({ publicUrl: urls.base, sessions: deps.sessions, plan: deps.plan }));
  app.use(
    '/api',
    sameOriginWrites(urls.base),
    requireJsonBody,
    express.json({ limit: '100kb' }),
    loadSession(deps.sessions),
  );
  app.use('/api/auth', authRouter({ sessions: deps.sessions, publicUrl: urls.base }));
  // The office's roles on creating, editing and announcing interviews, before the routes that do it.
  app.use('/api/interviews', requireUser, interviewPermissionGuard(deps.plan));
  app.use(
    '/api/interviews',
    requireUser,
    interviewsRouter({
      interviews: deps.interviews,
      cameras: deps.cameras,
      cameraAccess: deps.cameraAccess,
      media: deps.media,
      presenter,
      portraits,
      urls,
      logger: logger.child({ component: 'interviews' }),
    }),
  );
  app.use(
    '/api/interviews',
    requireUser,
    productionRouter({
      interviews: deps.interviews,
      cameras: deps.cameras,
      media: deps.media,
      programSettings: deps.editing.programSettings,
      diskFreeWarningBytes: config.diskFreeWarningGb * 1e9,
      logger: logger.child({ component: 'production' }),
    }),
  );
  app.use('/api/interviews', requireUser, qaStaffRouter(deps.qa), membersRouter({ members: deps.qa.members }));
  app.use('/api/interviews', requireUser, recordsStaffRouter({ members: deps.qa.members, records: deps.records }));
  app.use('/api', recordsOfficeRouter({ records: deps.records }));
  app.use('/api/interviews', requireUser, checklistRouter(deps.plan));
  app.use('/api/organisations', requireUser, organisationsRouter(deps.plan));
  app.use('/api/users', requireUser, usersRouter(deps.plan));
  app.use('/api/mail', requireUser, mailRouter(deps.plan));
  app.use('/api/checklists', requireUser, checklistOverviewRouter(deps.plan));
  app.use('/api/proposals', requireUser, proposalsRouter(deps.plan));
  app.use('/api/notices', requireUser, noticesRouter(deps.plan));
  app.use('/api/plan', requireUser, planMetaRouter(deps.plan));
  app.use('/api', plansRouter(deps.plan));
  app.use(
    '/api/cameras',
    requireUser,
    requirePlanAction(deps.plan, 'studio.operate'),
    camerasRouter({ cameraAccess: deps.cameraAccess, urls, media: deps.media }),
  );
  app.use('/api/interviews', requireUser, editingStaffRouter(deps.editing));

  app.use((_req, _res, next) => next(new HttpError(404, 'not_found', 'Nothing is at this address; check the URL.')));
  app.use(databaseUnavailable(logger.child({ component: 'http' })));
  app.use(storageUnavailable(logger.child({ component: 'http' })));
  app.use(errorHandler(logger.child({ component: 'http' })));
  return app;
}
