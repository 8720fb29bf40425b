import type { Logger } from '../logging/createLogger.js';

/**
 * Logs every promise rejection nobody handled (the process goes on), and every uncaught exception as one fatal line
 * before exiting 1 (the process's state is unknown after one), so no failure goes unseen or unscrubbed.
 */
export function installFailureHooks(logger: Logger): void {
	process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
	process.on('uncaughtException', (error) => {
		logger.fatal({ err: error }, `uncaught exception: ${error.message}`);
		process.exit(1);
	});
}
