import { pino, type Logger } from 'pino';
import type { Config } from './config/Config.js';

/** The process logger: JSON lines on stdout, so any log shipper can read them without a format of ours. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'online-interview', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
