import type { JobsOptions } from 'bullmq';

/**
 * Options of every job: transient faults retry with exponential backoff; finished jobs are kept a while for dashboards
 * and idempotency, failed ones a week for inspection. Both are capped by count too: the queues' Redis never evicts, so
 * a flood of failures (a bad model, an outage) must not grow it without bound.
 */
export const DefaultJobOptions = {
	attempts: 6,
	backoff: { type: 'exponential', delay: 1000 },
	removeOnComplete: { age: 3600, count: 10_000 },
	removeOnFail: { age: 7 * 86_400, count: 5000 },
} as const satisfies JobsOptions;
