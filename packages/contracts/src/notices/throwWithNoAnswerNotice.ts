import type { Job } from 'bullmq';
import { isFinalFailure } from '../failures/isFinalFailure.js';
import type { RouteJob } from '../queues/jobSchemas.js';
import { type NoAnswerQueues, sendNoAnswerNotice } from './sendNoAnswerNotice.js';

/**
 * Rethrows a processor's `error`; first, when it ends the answer for good, makes sure the member is not left waiting
 * ({@link sendNoAnswerNotice}: the `no-good-answer` notice, then the next addressed character's turn). The notice's job id
 * is one per answer (router and quality control alike), so a retry never posts it twice. When the notice cannot be
 * enqueued, that error is thrown instead, so the job is retried (and tries again) while it has attempts left.
 */
export async function throwWithNoAnswerNotice(
	queues: NoAnswerQueues,
	job: Pick<Job, 'attemptsMade' | 'opts'>,
	route: RouteJob,
	error: unknown,
): Promise<never> {
	if (!isFinalFailure(job, error)) throw error;
	try {
		await sendNoAnswerNotice(queues, route);
	} catch (enqueueError) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`could not enqueue the no-good-answer notice (${(enqueueError as Error).message}); the job failed with: ${reason}`, {
			cause: enqueueError,
		});
	}
	throw error;
}
