import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Logger } from 'pino';
import { within } from './within.js';

/** Work done just before a scrape: reads what is measured on demand (media status, queue lengths) into gauges. */
export type ScrapeStep = () => Promise<void> | void;

/** A scrape step that takes longer is abandoned for this scrape (its gauges keep their last values); under Prometheus' default 10 s scrape timeout. */
const STEP_TIMEOUT_MS = 5_000;

/**
 * Every Prometheus metric the server exposes, in a registry of its own (not prom-client's global one: several apps
 * run in one test process, and each must count only its own). docs/observability.md lists them with their meaning;
 * docs/grafana-dashboard.json charts them. The media node does not know this class: the server observes its
 * events and status (mediaMetrics.ts).
 */
export class Metrics {
  readonly registry = new Registry();

  /** HTTP latency by route pattern (bounded: never the raw URL), method and status class. */
  readonly httpDuration = new Histogram({
    name: 'oi_http_request_duration_seconds',
    help: 'HTTP request latency from arrival to the end of the response, by route pattern, method and status class.',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** A netizen's question waiting for a moderator: from submitted to approved. */
  readonly moderationLatency = new Histogram({
    name: 'oi_moderation_latency_seconds',
    help: 'Time from a question being submitted to a moderator approving it.',
    buckets: [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600],
    registers: [this.registry],
  });

  readonly ffmpegCrashes = new Counter({
    name: 'oi_ffmpeg_crashes_total',
    help: 'FFmpeg runs that died without being asked to (program or a camera ISO recording); each is restarted while its camera publishes.',
    labelNames: ['pipeline'] as const,
    registers: [this.registry],
  });

  readonly liveInterviews = new Gauge({
    name: 'oi_live_interviews',
    help: 'Interviews with a live media room on this node.',
    registers: [this.registry],
  });

  readonly publishers = new Gauge({
    name: 'oi_publishers',
    help: 'Cameras publishing (WHIP) to this node now.',
    registers: [this.registry],
  });

  readonly ingestBitrate = new Gauge({
    name: 'oi_camera_ingest_bitrate_bits_per_second',
    help: "A publishing camera's audio and video bitrate as received by the server.",
    labelNames: ['interview_id', 'camera_id'] as const,
    registers: [this.registry],
  });

  readonly packetLoss = new Gauge({
    name: 'oi_camera_packet_loss_ratio',
    help: "Share of a publishing camera's packets lost in the receiver's last report interval (0–1; video when it has video).",
    labelNames: ['interview_id', 'camera_id'] as const,
    registers: [this.registry],
  });

  readonly keyframeRequests = new Gauge({
    name: 'oi_camera_keyframe_requests',
    help: "Keyframe requests (RTCP PLI and FIR) sent to a publishing camera since its session began; use increase(), it restarts at 0 when the camera reconnects.",
    labelNames: ['interview_id', 'camera_id'] as const,
    registers: [this.registry],
  });

  readonly segmentAge = new Gauge({
    name: 'oi_hls_segment_age_seconds',
    help: "Seconds since a live interview's newest HLS segment was written; growing past a few segment lengths means viewers are stuck.",
    labelNames: ['interview_id'] as const,
    registers: [this.registry],
  });

  readonly websocketClients = new Gauge({
    name: 'oi_websocket_clients',
    help: 'WebSocket connections open on this process (viewers and staff).',
    registers: [this.registry],
  });

  readonly moderationQueue = new Gauge({
    name: 'oi_moderation_queue_length',
    help: 'Netizen questions and posts waiting for a moderator, across every interview.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly exportJobs = new Gauge({
    name: 'oi_clip_export_jobs',
    help: 'Clip export jobs queued or running, across every server process.',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  readonly mailOutbox = new Gauge({
    name: 'oi_mail_outbox',
    help: 'E-mails (reminders) queued to be sent, and those given up on after every retry, across every server process.',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  readonly scrapeStepFailures = new Counter({
    name: 'oi_metrics_scrape_step_failures_total',
    help: 'Scrapes in which a measurement could not be read (e.g. the database was unreachable); the log says why.',
    labelNames: ['step'] as const,
    registers: [this.registry],
  });

  readonly #steps = new Map<string, ScrapeStep>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
    collectDefaultMetrics({ register: this.registry });
  }

  /** Adds a measurement read at every scrape, under `name` (the step label of a failure). */
  beforeScrape(name: string, step: ScrapeStep): void {
    this.#steps.set(name, step);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Reads the on-demand measurements, then renders every metric in Prometheus' text format. */
  async render(): Promise<string> {
    await Promise.all(
      [...this.#steps].map(async ([name, step]) => {
        try {
          await within(Promise.resolve().then(step), STEP_TIMEOUT_MS, () => {
            throw new Error(`took longer than ${STEP_TIMEOUT_MS} ms`);
          });
        } catch (error) {
          this.scrapeStepFailures.inc({ step: name });
          this.#logger.warn({ err: error, step: name }, 'a metrics measurement failed; its values are from the last scrape');
        }
      }),
    );
    return this.registry.metrics();
  }
}
