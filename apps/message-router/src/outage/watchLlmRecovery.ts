import type { Logger } from '@charbot/core';
import type { LlmPool } from '@charbot/llm';
import type { Queue } from 'bullmq';

/** Options of {@link watchLlmRecovery}. */
export interface LlmRecoveryWatchOptions {
	readonly pool: Pick<LlmPool, 'canServe'>;
	/** The `route` queue, whose delayed jobs include those waiting for a host. */
	readonly routeQueue: Queue;
	readonly logger: Logger;
	readonly intervalMs?: number;
}

/**
 * Watches the pool and, when a host can serve again after an outage, promotes the route jobs waiting for one, so members
 * are answered as soon as a host is back rather than at the end of each job's delay (up to 30 s).
 */
export function watchLlmRecovery(options: LlmRecoveryWatchOptions): { stop(): void } {
	let wasDown = false;
	let promoting = false;
	const timer = setInterval(() => {
		const up = options.pool.canServe();
		if (up && wasDown && !promoting) {
			promoting = true;
			void promoteWaitingJobs(options).finally(() => {
				promoting = false;
			});
		}
		wasDown = !up;
	}, options.intervalMs ?? 1000);
	timer.unref();
	return { stop: () => clearInterval(timer) };
}

async function promoteWaitingJobs({ routeQueue, logger }: LlmRecoveryWatchOptions): Promise<void> {
	try {
		const delayed = await routeQueue.getDelayed(0, 9999);
		const waiting = delayed.filter((job) => (job.data as { llmWaitingSince?: unknown } | undefined)?.llmWaitingSince !== undefined);
		// Another router may have promoted or started a job meanwhile: that one is simply skipped.
		const results = await Promise.allSettled(waiting.map((job) => job.promote()));
		const promoted = results.filter((result) => result.status === 'fulfilled').length;
		logger.info({ promoted, waiting: waiting.length }, `an LLM host is back: ${promoted} waiting route job(s) run now`);
	} catch (error) {
		logger.warn({ err: error }, 'could not promote the route jobs waiting for an LLM host; they run when their delay ends');
	}
}
