import type { Job, Queue } from 'bullmq';
import { DefaultJobOptions } from './defaultJobOptions.js';
import { failsForGood } from './failsForGood.js';
import { noAnswerNoticeJobId } from './jobIds.js';
import type { RouteJob } from './jobSchemas.js';
import { buildJobData } from './parseJobData.js';
import { QueueName } from './queueNames.js';

/**
 * Rethrows a processor's `error`; first, when it ends a slash command's job for good, enqueues the `no-good-answer` notice
 * that fills the command's deferred response, so the member is not left with "thinking…". The notice's job id is one per
 * answer (router and quality control alike), so a retry never posts it twice. When the notice cannot be enqueued, that
 * error is thrown instead, so the job is retried (and tries again) while it has attempts left.
 */
export async function throwWithNoAnswerNotice(deliverQueue: Queue, job: Pick<Job, 'attemptsMade' | 'opts'>, route: RouteJob, error: unknown): Promise<never> {
	const { interaction } = route;
	if (interaction === undefined || !failsForGood(job, error)) throw error;
	const jobId = noAnswerNoticeJobId(route.jobKey);
	const notice = buildJobData(QueueName.Deliver, {
		kind: 'notice',
		noticeKey: jobId,
		notice: 'no-good-answer',
		guildId: route.message.guildId,
		channelId: route.message.channelId,
		interaction,
		characterId: route.characterId,
	});
	try {
		await deliverQueue.add('notice', notice, { ...DefaultJobOptions, jobId });
	} catch (enqueueError) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`could not enqueue the no-good-answer notice (${(enqueueError as Error).message}); the job failed with: ${reason}`, {
			cause: enqueueError,
		});
	}
	throw error;
}
