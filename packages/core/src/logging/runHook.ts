import type { Logger } from './createLogger.js';

/** Runs a hook (metrics, counters) so that its failure is logged as "`what` failed", never the caller's. */
export function runHook(logger: Logger, what: string, hook: () => void): void {
	try {
		hook();
	} catch (error) {
		logger.error({ err: error }, `${what} failed`);
	}
}
