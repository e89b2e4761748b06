import { createApp } from './app.js';
import { InvalidConfigError } from './config/InvalidConfigError.js';
import { loadConfig } from './config/loadConfig.js';
import { createLogger } from './logger.js';

/** `npm start`: run the server until SIGTERM or SIGINT, then shut down gracefully (a second signal forces exit). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof InvalidConfigError) {
      process.stderr.write(`${error.message}\nSee docs/configuration.md.\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);
  let app;
  try {
    app = await createApp(config, { logger });
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without finishing the shutdown');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.fatal({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  let stopping = false;
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

await main();
