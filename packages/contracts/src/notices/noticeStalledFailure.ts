import type { Job } from 'bullmq';
import { parseJobData } from '../queues/parseJobData.js';
import type { QueueName } from '../queues/queueNames.js';
import { type NoAnswerQueues, sendNoAnswerNotice } from './sendNoAnswerNotice.js';

// BullMQ's reasons for failing a job without running the processor: found stalled more than `maxStalledCount` times
// (moveStalledJobsToWait.lua marks it, the next worker to take it fails it), or started more than `maxStartedAttempts`.
const stallReasons: ReadonlySet<string> = new Set(['job stalled more than allowable limit', 'job started more than allowable limit']);

/** Whether BullMQ failed a job because it stalled too often: the processor never saw that failure, so its catch sent no notice. */
export function failedByStalling(error: Pick<Error, 'message'>): boolean {
	return stallReasons.has(error.message);
}

/** Options of {@link noticeStalledFailure}. */
export interface StalledFailureOptions {
	/** Tries to enqueue the notice, with doubling pauses from `firstRetryDelayMs` (Redis may be what made the job stall). */
	readonly attempts?: number;
	readonly firstRetryDelayMs?: number;
}

/**
 * For the `failed` listener of a worker whose jobs carry a route job (`route`, `review`): when BullMQ failed the job by
 * stalling, ends the answer as the processor would have ({@link sendNoAnswerNotice}), idempotently. Resolves whether it
 * did; rejects when the job's data is unreadable or the notice could not be enqueued after every attempt.
 */
export async function noticeStalledFailure(
	queues: NoAnswerQueues,
	queueName: typeof QueueName.Route | typeof QueueName.Review,
	job: Pick<Job, 'data'>,
	error: Pick<Error, 'message'>,
	options: StalledFailureOptions = {},
): Promise<boolean> {
	if (!failedByStalling(error)) return false;
	const route = parseJobData(queueName, job.data);
	const attempts = options.attempts ?? 6;
	for (let attempt = 1, delayMs = options.firstRetryDelayMs ?? 500; ; attempt += 1, delayMs *= 2) {
		try {
			await sendNoAnswerNotice(queues, route);
			return true;
		} catch (enqueueError) {
			if (attempt >= attempts) throw enqueueError;
			await new Promise((resolve) => setTimeout(resolve, delayMs));
		}
	}
}
