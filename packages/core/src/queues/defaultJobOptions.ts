import type { JobsOptions } from 'bullmq';

/**
 * Options of every job: transient faults retry with exponential backoff; finished jobs are kept a while
 * for dashboards and idempotency, failed ones a week for inspection.
 */
export const DefaultJobOptions = {
	attempts: 6,
	backoff: { type: 'exponential', delay: 1000 },
	removeOnComplete: { age: 3600, count: 10_000 },
	removeOnFail: { age: 7 * 86_400 },
} as const satisfies JobsOptions;
