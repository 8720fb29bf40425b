import { type Job, UnrecoverableError } from 'bullmq';

// Errors by which a processor asks BullMQ to run the job later, not to fail it.
const deferringErrors = new Set(['DelayedError', 'WaitingError', 'WaitingChildrenError', 'RateLimitError']);

/**
 * When a failure is judged: `thrown` inside the processor, before BullMQ counts the attempt; `counted` in a worker's
 * `failed` listener, after it did (`attemptsMade` includes the failed attempt).
 */
export type FailureMoment = 'thrown' | 'counted';

/**
 * Whether BullMQ fails the job for good for `error`, by BullMQ's own rule: an `UnrecoverableError` (any subclass, such as
 * `DiscordRefusedError`, whatever its `name`; or an error named `UnrecoverableError`, as BullMQ also accepts), or any
 * failure on the last attempt. Errors that only defer a job are never final; a `failed` event without its job is.
 */
export function isFinalFailure(job: Pick<Job, 'attemptsMade' | 'opts'> | undefined, error: unknown, moment: FailureMoment = 'thrown'): boolean {
	if (job === undefined) return true;
	const name = error instanceof Error ? error.name : '';
	if (deferringErrors.has(name) || (error instanceof Error && error.message === 'bullmq:rateLimitExceeded')) return false;
	if (error instanceof UnrecoverableError || name === 'UnrecoverableError') return true;
	const attemptsMade = moment === 'thrown' ? job.attemptsMade + 1 : job.attemptsMade;
	return attemptsMade >= (job.opts.attempts ?? 1);
}
