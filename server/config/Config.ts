import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** A STUN/TURN server handed to WebRTC clients (WHIP `Link: rel="ice-server"`). */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const wholeNumber = (min: number, max: number) =>
  z
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const ipAddress = z.union([z.ipv4(), z.ipv6()], { error: 'must be an IPv4 or IPv6 address' });

const iceUrl = z
  .string()
  .regex(/^(stun|stuns|turn|turns):\S+$/, { error: 'each URL must start with stun:, stuns:, turn: or turns:' });

const iceServerSchema = z.strictObject({
  urls: z.union([iceUrl, z.array(iceUrl).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});

const corsOrigin = z
  .string()
  .regex(/^(\*|https?:\/\/[^/\s]+)$/, { error: 'each origin must be * or scheme://host[:port] without a path' });

/**
 * Every setting, its default and why it exists. docs/configuration.md mirrors this table; a unit test keeps them
 * in step.
 */
export const settingsSchema = z.strictObject({
  port: wholeNumber(0, 65535)
    .default(8080)
    .describe('HTTP port for the API, pages and HLS files; 0 lets the system pick a free one (tests).'),
  host: z
    .string()
    .regex(/^[^\s/]+$/, { error: 'must be an IP address or a host name' })
    .default('0.0.0.0')
    .describe('Interface the HTTP server binds; 0.0.0.0 serves every network, 127.0.0.1 only this machine.'),
  publicUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional()
    .describe('Base URL that viewers and cameras reach (a proxy in front: its URL); builds whipUrl, hlsUrl and pageUrl.'),
  dataDir: z
    .string()
    .min(1, { error: 'must not be empty' })
    .default('./data')
    .transform((dir) => path.resolve(dir))
    .describe('One directory for everything written: HLS segments, recordings and the embedded database.'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, { error: 'must be a postgres:// or postgresql:// URL' })
    .optional()
    .describe('An external PostgreSQL; when unset an embedded PostgreSQL runs in dataDir/pg.'),
  embeddedPgPort: wholeNumber(1, 65535)
    .default(54329)
    .describe('Local port of the embedded PostgreSQL; away from 5432 so a system PostgreSQL does not clash.'),
  adminPassword: z
    .string()
    .min(8, { error: 'must be at least 8 characters' })
    .optional()
    .describe('Password of the first user "admin", used only when no user exists; unset prints a random one once.'),
  webrtcListenIp: ipAddress
    .default('0.0.0.0')
    .describe('Local address the WebRTC (WHIP) transports bind.'),
  webrtcAnnouncedIp: ipAddress
    .default(firstLanIpv4)
    .describe('Address written into ICE candidates: the one cameras can reach (public IP behind NAT).'),
  rtcMinPort: wholeNumber(1024, 65535)
    .default(40000)
    .describe('Lowest UDP port for WebRTC media; open this range in the firewall.'),
  rtcMaxPort: wholeNumber(1024, 65535)
    .default(40100)
    .describe('Highest UDP port for WebRTC media; each publishing camera takes ports from this range.'),
  ffmpegPath: z
    .string()
    .min(1, { error: 'must not be empty' })
    .optional()
    .describe('FFmpeg binary for HLS and recordings; unset looks for ffmpeg-static, then ffmpeg on PATH.'),
  hlsSegmentSeconds: wholeNumber(1, 10)
    .default(2)
    .describe('HLS segment length: shorter means less delay for viewers, more requests and files.'),
  recordingFormat: z
    .enum(['mkv', 'fmp4'], { error: 'must be mkv or fmp4' })
    .default('mkv')
    .describe('Recording container; both survive a crash up to the last chunk, fmp4 plays in more editors.'),
  stationLogoFile: z
    .string()
    .min(1, { error: 'must not be empty' })
    .transform((file) => path.resolve(file))
    .optional()
    .describe('The station logo (PNG, transparent background) the director can lay over the program; unset: no logo.'),
  diskFreeWarningGb: z
    .number({ error: 'must be a number' })
    .min(0, { error: 'must be 0 or more' })
    .default(20)
    .describe('Free space (GB) under which the console warns during a show: 20 holds a two-hour, three-camera show with its recordings and HLS.'),
  clipExportConcurrency: wholeNumber(1, 16)
    .default(1)
    .describe('Clip exports run at once; an exact (re-encoded) export takes every core it gets, so one leaves room for a live show.'),
  mediasoupWorkers: wholeNumber(1, 256)
    .default(() => os.availableParallelism())
    .describe('mediasoup worker processes, one per core: each uses one core at most.'),
  iceServers: z
    .array(iceServerSchema, { error: 'must be a JSON array of {urls, username?, credential?}' })
    .default([])
    .describe('STUN/TURN servers offered to cameras; needed only when they cannot reach webrtcAnnouncedIp directly.'),
  corsOrigins: z
    .array(corsOrigin)
    .min(1, { error: 'must list at least one origin (or *)' })
    .default(['*'])
    .describe('Origins whose pages may read the public API and HLS files (the portal embedding the player).'),
  logLevel: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info')
    .describe('Least severe log level written (JSON lines on stdout).'),
  metricsToken: z
    .string()
    .regex(/^\S{16,}$/, { error: 'must be at least 16 characters without spaces' })
    .optional()
    .describe('Bearer token a Prometheus scraper sends to read /metrics from anywhere; unset: only a direct loopback connection may.'),
  sessionTtlHours: z
    .number({ error: 'must be a number' })
    .positive({ error: 'must be more than 0' })
    .max(8760, { error: 'must be at most 8760 (one year)' })
    .default(12)
    .describe('How long a console login lasts: a working day, so a shared studio PC does not stay signed in.'),
  sessionIdleMinutes: wholeNumber(1, 1440)
    .default(30)
    .describe('A console login unused this long ends (ASVS 3.3.2, NIST AAL2): a studio PC left open is not left signed in.'),
  loginFailuresPerAccount: wholeNumber(1, 1000)
    .default(10)
    .describe('Failed logins to one account within loginLockoutMinutes before it is locked for the rest of the window: stops password guessing.'),
  loginFailuresPerAddress: wholeNumber(1, 100_000)
    .default(50)
    .describe('Failed logins from one IP address within loginLockoutMinutes before it is refused: an office behind one NAT address mistypes too.'),
  loginLockoutMinutes: wholeNumber(1, 1440)
    .default(15)
    .describe('The window failed logins are counted in, and so the longest lock: short enough that a locked-out director waits minutes, not hours.'),
  maxPublishers: wholeNumber(1, 1000)
    .default(12)
    .describe('Cameras this node takes at once (WHIP); more get 503 with Retry-After: each one costs recording and HLS CPU.'),
  sensitiveWordsFile: z
    .string()
    .min(1, { error: 'must not be empty' })
    .default(sampleSensitiveWordsFile)
    .transform((file) => path.resolve(file))
    .describe('Words that hold (or reject) a netizen\'s question for a moderator: one per line, # comments; read at start.'),
  followUpWorkingDays: wholeNumber(1, 60)
    .default(5)
    .describe('Working days a department has to publish the answer to a question not answered live (会后答复).'),
  workCalendarFile: z
    .string()
    .min(1, { error: 'must not be empty' })
    .default(() => packageFile('server', 'domain', 'records', 'work-calendar.cn.json'))
    .transform((file) => path.resolve(file))
    .describe('Holidays and 调休 working days (JSON {holidays, workdays}) that follow-up deadlines skip or count; read at start.'),
  questionsPerIpPerHour: wholeNumber(1, 100_000)
    .default(30)
    .describe('Questions one IP address may ask an hour: a school or office shares one address; higher behind a proxy.'),
  role: z
    .enum(['all', 'api'], { error: 'must be all or api' })
    .default('all')
    .describe('all: the whole server, media node included; api: one more API process behind a proxy that sends the media node\'s paths to the role-all process (docs/scale-out.md).'),
  trustedProxies: z
    .array(
      z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6(), z.enum(['loopback', 'linklocal', 'uniquelocal'])], {
        error: 'each must be an IP address, a subnet such as 10.0.0.0/8, or loopback, linklocal, uniquelocal',
      }),
    )
    .default([])
    .describe('Reverse proxies whose X-Forwarded-For names the client, so per-address limits count viewers, not the proxy; loopback for nginx on this machine.'),
  smtpHost: z
    .string()
    .regex(/^[^\s/:]+$/, { error: 'must be a host name or IP address, without scheme or port' })
    .optional()
    .describe('Mail server for e-mail reminders; unset turns e-mail off (in-app notices still go out).'),
  smtpPort: wholeNumber(1, 65535)
    .default(587)
    .describe('Mail server port: 587 is the submission port with STARTTLS; 465 with smtpSecure; 25 only inside a trusted network.'),
  smtpSecure: z
    .boolean({ error: 'must be true or false' })
    .default(false)
    .describe('TLS from the first byte (port 465); false still upgrades with STARTTLS when the server offers it.'),
  smtpUser: z
    .string()
    .min(1, { error: 'must not be empty' })
    .optional()
    .describe('Login at the mail server; unset sends without logging in (a relay that trusts this machine).'),
  smtpPassword: z
    .string()
    .min(1, { error: 'must not be empty' })
    .optional()
    .describe('Password of smtpUser; give it in the environment, not in a file others read.'),
  smtpPasswordFile: z
    .string()
    .min(1, { error: 'must not be empty' })
    .transform((file) => path.resolve(file))
    .optional()
    .describe('A file holding the password of smtpUser (a container secret); read at start, used when smtpPassword is unset.'),
  smtpFrom: z
    .string()
    .min(3, { error: 'must be an address, e.g. 在线访谈 <zxft@example.gov.cn>' })
    .optional()
    .describe('Sender of the e-mails (a name and address); required when smtpHost is set, as mail servers refuse unknown senders.'),
  mailRetrySeconds: wholeNumber(1, 86_400)
    .default(60)
    .describe('Wait before the first retry of an e-mail the server did not take; doubled each time up to an hour, 10 tries in all.'),
});

/** The settings with the rules that span several of them, and the defaults that depend on others. */
export const configSchema = settingsSchema
  .superRefine((c, ctx) => {
    if (c.rtcMinPort >= c.rtcMaxPort) {
      ctx.addIssue({
        code: 'custom',
        path: ['rtcMaxPort'],
        message: `must be greater than rtcMinPort (${c.rtcMinPort})`,
      });
    }
    if (c.smtpHost !== undefined && c.smtpFrom === undefined) {
      ctx.addIssue({ code: 'custom', path: ['smtpFrom'], message: 'is required when smtpHost is set (the sender of the e-mails)' });
    }
  })
  .transform((c) => ({ ...c, publicUrl: c.publicUrl ?? `http://localhost:${c.port}` }));

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type SettingName = keyof ConfigInput;

/** The environment variable of each setting. */
export const SETTING_ENV = {
  port: 'OI_PORT',
  host: 'OI_HOST',
  publicUrl: 'OI_PUBLIC_URL',
  dataDir: 'OI_DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  embeddedPgPort: 'OI_EMBEDDED_PG_PORT',
  adminPassword: 'OI_ADMIN_PASSWORD',
  webrtcListenIp: 'OI_WEBRTC_LISTEN_IP',
  webrtcAnnouncedIp: 'OI_WEBRTC_ANNOUNCED_IP',
  rtcMinPort: 'OI_RTC_MIN_PORT',
  rtcMaxPort: 'OI_RTC_MAX_PORT',
  ffmpegPath: 'FFMPEG_PATH',
  hlsSegmentSeconds: 'OI_HLS_SEGMENT_SECONDS',
  recordingFormat: 'OI_RECORDING_FORMAT',
  stationLogoFile: 'OI_STATION_LOGO_FILE',
  diskFreeWarningGb: 'OI_DISK_FREE_WARNING_GB',
  clipExportConcurrency: 'OI_CLIP_EXPORT_CONCURRENCY',
  mediasoupWorkers: 'OI_MEDIASOUP_WORKERS',
  iceServers: 'OI_ICE_SERVERS',
  corsOrigins: 'OI_CORS_ORIGINS',
  logLevel: 'OI_LOG_LEVEL',
  metricsToken: 'OI_METRICS_TOKEN',
  sessionTtlHours: 'OI_SESSION_TTL_HOURS',
  sessionIdleMinutes: 'OI_SESSION_IDLE_MINUTES',
  loginFailuresPerAccount: 'OI_LOGIN_FAILURES_PER_ACCOUNT',
  loginFailuresPerAddress: 'OI_LOGIN_FAILURES_PER_ADDRESS',
  loginLockoutMinutes: 'OI_LOGIN_LOCKOUT_MINUTES',
  maxPublishers: 'OI_MAX_PUBLISHERS',
  sensitiveWordsFile: 'OI_SENSITIVE_WORDS_FILE',
  followUpWorkingDays: 'OI_FOLLOW_UP_WORKING_DAYS',
  workCalendarFile: 'OI_WORK_CALENDAR_FILE',
  questionsPerIpPerHour: 'OI_QUESTIONS_PER_IP_PER_HOUR',
  role: 'OI_ROLE',
  trustedProxies: 'OI_TRUSTED_PROXIES',
  smtpHost: 'OI_SMTP_HOST',
  smtpPort: 'OI_SMTP_PORT',
  smtpSecure: 'OI_SMTP_SECURE',
  smtpUser: 'OI_SMTP_USER',
  smtpPassword: 'OI_SMTP_PASSWORD',
  smtpPasswordFile: 'OI_SMTP_PASSWORD_FILE',
  smtpFrom: 'OI_SMTP_FROM',
  mailRetrySeconds: 'OI_MAIL_RETRY_SECONDS',
} as const satisfies Record<SettingName, string>;

/** How an environment variable's text becomes the setting's value before validation. */
export const SETTING_ENV_KIND: Partial<Record<SettingName, 'number' | 'json' | 'list'>> = {
  smtpPort: 'number',
  smtpSecure: 'json',
  mailRetrySeconds: 'number',
  port: 'number',
  embeddedPgPort: 'number',
  rtcMinPort: 'number',
  rtcMaxPort: 'number',
  hlsSegmentSeconds: 'number',
  diskFreeWarningGb: 'number',
  questionsPerIpPerHour: 'number',
  clipExportConcurrency: 'number',
  mediasoupWorkers: 'number',
  sessionTtlHours: 'number',
  sessionIdleMinutes: 'number',
  loginFailuresPerAccount: 'number',
  loginFailuresPerAddress: 'number',
  loginLockoutMinutes: 'number',
  maxPublishers: 'number',
  followUpWorkingDays: 'number',
  iceServers: 'json',
  corsOrigins: 'list',
  trustedProxies: 'list',
};

/**
 * The sample list the package ships (server/domain/qa/sensitive-words.sample.txt), found from the package root so it
 * resolves the same from the source (server/config/) and the build (dist/server/config/).
 */
function sampleSensitiveWordsFile(): string {
  return packageFile('server', 'domain', 'qa', 'sensitive-words.sample.txt');
}

/** A file the package ships, found from the package root (the same from server/config/ and dist/server/config/). */
function packageFile(...parts: string[]): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, ...parts);
}

/** The address other machines most likely reach us on; loopback when there is no network at all. */
function firstLanIpv4(): string {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return '127.0.0.1';
}
