import { createLogger, createShutdown } from '@charbot/core';

// A process with one slow shutdown step (milliseconds in argv[2]), for the signal tests in gracefulShutdown.test.ts.
const stepMs = Number(process.argv[2] ?? '0');
const logger = createLogger({ name: 'child', format: 'json' });
const shutdown = createShutdown({ logger, timeoutMs: 30_000 });
shutdown.add('slow step', () => new Promise((resolve) => setTimeout(resolve, stepMs)));
setInterval(() => {}, 60_000);
logger.info('child running');
