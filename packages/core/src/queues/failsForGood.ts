import type { Job } from 'bullmq';

// Errors by which a processor asks BullMQ to run the job later, not to fail it.
const deferringErrors = new Set(['DelayedError', 'WaitingError', 'WaitingChildrenError', 'RateLimitError']);

/**
 * Whether BullMQ fails the job for good when its processor throws `error` now (call it inside the processor, before BullMQ
 * counts the attempt): an `UnrecoverableError`, or any failure on the last attempt.
 */
export function failsForGood(job: Pick<Job, 'attemptsMade' | 'opts'>, error: unknown): boolean {
	const name = error instanceof Error ? error.name : '';
	if (deferringErrors.has(name) || (error instanceof Error && error.message === 'bullmq:rateLimitExceeded')) return false;
	return name === 'UnrecoverableError' || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
