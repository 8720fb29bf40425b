import type { Logger } from '@charbot/core';

/** Runs a metrics hook so that its failure is logged, never the job's. */
export function runHook(logger: Logger, hook: () => void): void {
	try {
		hook();
	} catch (error) {
		logger.error({ err: error }, 'a delivery metrics hook failed');
	}
}
