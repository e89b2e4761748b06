import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config/Config.js';
import { requestLogFields } from './observability/requestContext.js';

/**
 * The process logger: JSON lines on stdout, so any log shipper can read them without a format of ours. A line
 * written while a request is handled carries its `requestId`, whichever component writes it.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'online-interview', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: requestLogFields,
  };
  return destination ? pino(options, destination) : pino(options);
}
