import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { settingsSchema, SETTING_ENV, type SettingName } from '../../../server/config/Config.js';
import { InvalidConfigError } from '../../../server/config/InvalidConfigError.js';
import { loadConfig } from '../../../server/config/loadConfig.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-config-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

function writeConfigFile(name: string, content: string): string {
  const file = path.join(tempDir, name);
  fs.writeFileSync(file, content);
  return file;
}

function configError(env: NodeJS.ProcessEnv): InvalidConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof InvalidConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted a bad configuration');
}

describe('loadConfig', () => {
  it('has a default for every setting', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:8080',
      dataDir: path.resolve('data'),
      embeddedPgPort: 54329,
      webrtcListenIp: '0.0.0.0',
      rtcMinPort: 40000,
      rtcMaxPort: 40100,
      hlsSegmentSeconds: 2,
      recordingFormat: 'mkv',
      diskFreeWarningGb: 20,
      mediasoupWorkers: os.availableParallelism(),
      iceServers: [],
      corsOrigins: ['*'],
      logLevel: 'info',
      sessionTtlHours: 12,
      sensitiveWordsFile: path.join(repoRoot, 'server/domain/qa/sensitive-words.sample.txt'),
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.adminPassword).toBeUndefined();
    expect(config.ffmpegPath).toBeUndefined();
    expect(config.webrtcAnnouncedIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('reads every environment variable', () => {
    const config = loadConfig({
      OI_PORT: '9000',
      OI_HOST: '127.0.0.1',
      OI_PUBLIC_URL: 'https://interview.example.gov.cn/',
      OI_DATA_DIR: 'var/oi',
      DATABASE_URL: 'postgres://oi:secret@db:5432/oi',
      OI_EMBEDDED_PG_PORT: '6000',
      OI_ADMIN_PASSWORD: 'long enough',
      OI_WEBRTC_LISTEN_IP: '10.0.0.5',
      OI_WEBRTC_ANNOUNCED_IP: '203.0.113.7',
      OI_RTC_MIN_PORT: '41000',
      OI_RTC_MAX_PORT: '41010',
      FFMPEG_PATH: '/opt/ffmpeg',
      OI_HLS_SEGMENT_SECONDS: '4',
      OI_RECORDING_FORMAT: 'fmp4',
      OI_DISK_FREE_WARNING_GB: '50',
      OI_STATION_LOGO_FILE: 'branding/logo.png',
      OI_CLIP_EXPORT_CONCURRENCY: '2',
      OI_MEDIASOUP_WORKERS: '3',
      OI_ICE_SERVERS: '[{"urls":["turn:turn.example.gov.cn:3478"],"username":"u","credential":"c"}]',
      OI_CORS_ORIGINS: 'https://www.example.gov.cn, https://m.example.gov.cn',
      OI_LOG_LEVEL: 'debug',
      OI_SESSION_TTL_HOURS: '1.5',
      OI_SESSION_IDLE_MINUTES: '45',
      OI_LOGIN_FAILURES_PER_ACCOUNT: '5',
      OI_LOGIN_FAILURES_PER_ADDRESS: '200',
      OI_LOGIN_LOCKOUT_MINUTES: '30',
      OI_MAX_PUBLISHERS: '4',
      OI_SENSITIVE_WORDS_FILE: 'lists/words.txt',
      OI_QUESTIONS_PER_IP_PER_HOUR: '120',
      OI_ROLE: 'api',
      OI_TRUSTED_PROXIES: 'loopback, 10.0.0.0/8',
      OI_FOLLOW_UP_WORKING_DAYS: '7',
      OI_WORK_CALENDAR_FILE: 'lists/calendar.json',
      OI_SMTP_HOST: 'smtp.example.gov.cn',
      OI_SMTP_PORT: '465',
      OI_SMTP_SECURE: 'true',
      OI_SMTP_USER: 'zxft@example.gov.cn',
      OI_SMTP_PASSWORD: 'mail secret',
      OI_SMTP_PASSWORD_FILE: 'secrets/smtp',
      OI_SMTP_FROM: '在线访谈 <zxft@example.gov.cn>',
      OI_MAIL_RETRY_SECONDS: '30',
    });
    expect(config).toEqual({
      port: 9000,
      host: '127.0.0.1',
      publicUrl: 'https://interview.example.gov.cn',
      dataDir: path.resolve('var/oi'),
      databaseUrl: 'postgres://oi:secret@db:5432/oi',
      embeddedPgPort: 6000,
      adminPassword: 'long enough',
      webrtcListenIp: '10.0.0.5',
      webrtcAnnouncedIp: '203.0.113.7',
      rtcMinPort: 41000,
      rtcMaxPort: 41010,
      ffmpegPath: '/opt/ffmpeg',
      hlsSegmentSeconds: 4,
      recordingFormat: 'fmp4',
      diskFreeWarningGb: 50,
      stationLogoFile: path.resolve('branding/logo.png'),
      clipExportConcurrency: 2,
      mediasoupWorkers: 3,
      iceServers: [{ urls: ['turn:turn.example.gov.cn:3478'], username: 'u', credential: 'c' }],
      corsOrigins: ['https://www.example.gov.cn', 'https://m.example.gov.cn'],
      logLevel: 'debug',
      sessionTtlHours: 1.5,
      sessionIdleMinutes: 45,
      loginFailuresPerAccount: 5,
      loginFailuresPerAddress: 200,
      loginLockoutMinutes: 30,
      maxPublishers: 4,
      sensitiveWordsFile: path.resolve('lists/words.txt'),
      questionsPerIpPerHour: 120,
      role: 'api',
      trustedProxies: ['loopback', '10.0.0.0/8'],
      followUpWorkingDays: 7,
      workCalendarFile: path.resolve('lists/calendar.json'),
      smtpHost: 'smtp.example.gov.cn',
      smtpPort: 465,
      smtpSecure: true,
      smtpUser: 'zxft@example.gov.cn',
      smtpPassword: 'mail secret',
      smtpPasswordFile: path.resolve('secrets/smtp'),
      smtpFrom: '在线访谈 <zxft@example.gov.cn>',
      mailRetrySeconds: 30,
    });
  });

  it('refuses a role other than all or api, and a trusted proxy that is not an address, a subnet or a range name', () => {
    expect(configError({ OI_ROLE: 'media', OI_TRUSTED_PROXIES: 'nginx.local' }).problems).toEqual([
      { setting: 'role', env: 'OI_ROLE', message: 'must be all or api' },
      { setting: 'trustedProxies', env: 'OI_TRUSTED_PROXIES', message: expect.stringMatching(/IP address, a subnet/) },
    ]);
  });

  it('requires smtpFrom when smtpHost is set', () => {
    expect(configError({ OI_SMTP_HOST: 'smtp.example.gov.cn' }).problems).toEqual([
      { setting: 'smtpFrom', env: 'OI_SMTP_FROM', message: expect.stringMatching(/required when smtpHost/) },
    ]);
  });

  it('derives publicUrl from the port when unset, and treats empty variables as unset', () => {
    expect(loadConfig({ OI_PORT: '9100', OI_PUBLIC_URL: '' }).publicUrl).toBe('http://localhost:9100');
  });

  it.each<[string, string, SettingName, RegExp]>([
    ['OI_PORT', 'eighty', 'port', /whole number/],
    ['OI_PORT', '70000', 'port', /at most 65535/],
    ['OI_HOST', 'local host', 'host', /IP address or a host name/],
    ['OI_PUBLIC_URL', 'ftp://example.gov.cn', 'publicUrl', /http/],
    ['DATABASE_URL', 'mysql://db/oi', 'databaseUrl', /postgres/],
    ['OI_EMBEDDED_PG_PORT', '0', 'embeddedPgPort', /at least 1/],
    ['OI_ADMIN_PASSWORD', 'short', 'adminPassword', /at least 8/],
    ['OI_WEBRTC_LISTEN_IP', 'localhost', 'webrtcListenIp', /IPv4 or IPv6/],
    ['OI_WEBRTC_ANNOUNCED_IP', '300.1.1.1', 'webrtcAnnouncedIp', /IPv4 or IPv6/],
    ['OI_RTC_MIN_PORT', '80', 'rtcMinPort', /at least 1024/],
    ['OI_RTC_MAX_PORT', '99999', 'rtcMaxPort', /at most 65535/],
    ['OI_HLS_SEGMENT_SECONDS', '11', 'hlsSegmentSeconds', /at most 10/],
    ['OI_HLS_SEGMENT_SECONDS', '1.5', 'hlsSegmentSeconds', /whole number/],
    ['OI_RECORDING_FORMAT', 'mp4', 'recordingFormat', /mkv or fmp4/],
    ['OI_MEDIASOUP_WORKERS', '0', 'mediasoupWorkers', /at least 1/],
    ['OI_SESSION_IDLE_MINUTES', '0', 'sessionIdleMinutes', /at least 1/],
    ['OI_MAX_PUBLISHERS', 'many', 'maxPublishers', /whole number/],
    ['OI_DISK_FREE_WARNING_GB', '-1', 'diskFreeWarningGb', /0 or more/],
    ['OI_ICE_SERVERS', '[{"urls":"http://stun.example"}]', 'iceServers', /stun:/],
    ['OI_ICE_SERVERS', '{"urls":', 'iceServers', /not valid JSON/],
    ['OI_CORS_ORIGINS', 'https://www.example.gov.cn/page', 'corsOrigins', /without a path/],
    ['OI_LOG_LEVEL', 'loud', 'logLevel', /one of/],
    ['OI_SESSION_TTL_HOURS', '0', 'sessionTtlHours', /more than 0/],
  ])('rejects %s=%j naming %s', (envName, value, setting, message) => {
    const error = configError({ [envName]: value });
    expect(error.code).toBe('invalid_config');
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ setting, env: envName });
    expect(error.problems[0]!.message).toMatch(message);
    expect(error.message).toContain(`${setting} (${envName})`);
  });

  it('lists every bad setting at once', () => {
    const error = configError({ OI_PORT: 'x', OI_LOG_LEVEL: 'loud', OI_RECORDING_FORMAT: 'avi' });
    expect(error.problems.map((p) => p.setting).sort()).toEqual(['logLevel', 'port', 'recordingFormat']);
  });

  it('requires rtcMaxPort above rtcMinPort', () => {
    const error = configError({ OI_RTC_MIN_PORT: '50000', OI_RTC_MAX_PORT: '50000' });
    expect(error.problems).toEqual([{ setting: 'rtcMaxPort', env: 'OI_RTC_MAX_PORT', message: expect.stringMatching(/greater than rtcMinPort/) }]);
  });

  it('reads the OI_CONFIG file, with the environment winning', () => {
    const file = writeConfigFile('ok.json', JSON.stringify({ port: 9200, hlsSegmentSeconds: 6, corsOrigins: ['https://a.example'] }));
    const config = loadConfig({ OI_CONFIG: file, OI_HLS_SEGMENT_SECONDS: '3' });
    expect(config).toMatchObject({ port: 9200, hlsSegmentSeconds: 3, corsOrigins: ['https://a.example'], publicUrl: 'http://localhost:9200' });
  });

  it('names unknown settings and bad values in the file', () => {
    const file = writeConfigFile('bad.json', JSON.stringify({ prot: 1, port: 'x' }));
    const error = configError({ OI_CONFIG: file });
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ setting: 'prot', message: expect.stringMatching(/unknown setting/) }),
        expect.objectContaining({ setting: 'port', env: 'OI_PORT' }),
      ]),
    );
  });

  it.each([
    ['missing.json', null, /cannot read/],
    ['broken.json', '{"port": ', /not valid JSON/],
    ['array.json', '[1]', /one JSON object/],
  ])('refuses an OI_CONFIG file that is %s', (name, content, message) => {
    const file = content === null ? path.join(tempDir, name) : writeConfigFile(name, content);
    const error = configError({ OI_CONFIG: file });
    expect(error.problems).toEqual([{ setting: 'config file', env: 'OI_CONFIG', message: expect.stringMatching(message) }]);
  });

  it('accepts config.example.json', () => {
    expect(() => loadConfig({ OI_CONFIG: path.join(repoRoot, 'config.example.json') })).not.toThrow();
  });
});

describe('docs/configuration.md', () => {
  const docs = fs.readFileSync(path.join(repoRoot, 'docs/configuration.md'), 'utf8');

  it.each(Object.entries(SETTING_ENV))('documents %s (%s) in the table', (setting, envName) => {
    expect(docs).toMatch(new RegExp(`^\\| \`${setting}\` \\| \`${envName}\` \\|`, 'm'));
  });

  it('says why each setting exists, as the schema does', () => {
    for (const [setting, schema] of Object.entries(settingsSchema.shape)) {
      expect(schema.description, setting).toBeTruthy();
      expect(docs, setting).toContain(`| ${schema.description} |`);
    }
  });
});
