import fsp from 'node:fs/promises';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { SETTING_ENV, type Config } from '../config/Config.js';
import { InvalidConfigError } from '../config/InvalidConfigError.js';

/** The mail server and sender, when e-mail is configured (smtpHost set). */
export interface MailSettings {
  transport: SMTPTransport.Options;
  from: string;
  retryBaseMs: number;
}

/**
 * The transport options from the settings; null when smtpHost is unset (e-mail off). The password comes from
 * smtpPassword, else from smtpPasswordFile, read here at start: an unreadable file stops the start rather than
 * leaving every reminder to fail later.
 */
export async function mailSettings(config: Config): Promise<MailSettings | null> {
  if (config.smtpHost === undefined || config.smtpFrom === undefined) return null;
  let password = config.smtpPassword;
  if (password === undefined && config.smtpPasswordFile !== undefined) {
    try {
      password = (await fsp.readFile(config.smtpPasswordFile, 'utf8')).trim();
    } catch (error) {
      throw new InvalidConfigError([
        { setting: 'smtpPasswordFile', env: SETTING_ENV.smtpPasswordFile, message: `cannot read ${config.smtpPasswordFile}: ${(error as Error).message}` },
      ]);
    }
  }
  return {
    transport: {
      host: config.smtpHost,
      port: config.smtpPort,
      secure: config.smtpSecure,
      ...(config.smtpUser !== undefined && { auth: { user: config.smtpUser, pass: password ?? '' } }),
      // A server that does not answer is a failed try (retried later), not a send hanging for nodemailer's 2 minutes.
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
    },
    from: config.smtpFrom,
    retryBaseMs: config.mailRetrySeconds * 1000,
  };
}
