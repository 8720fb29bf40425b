import type { Job, Queue } from 'bullmq';
import { continueTurn } from './continueTurn.js';
import { DefaultJobOptions } from './defaultJobOptions.js';
import { failsForGood } from './failsForGood.js';
import { noAnswerNoticeJobId } from './jobIds.js';
import type { RouteJob, Trigger } from './jobSchemas.js';
import { buildJobData } from './parseJobData.js';
import { QueueName } from './queueNames.js';

/** The queues a processor that gives up on an answer hands on to. */
export interface NoAnswerQueues {
	readonly deliverQueue: Queue;
	readonly routeQueue: Queue;
}

// Triggers where a member spoke to the character (or asked it for another answer) and waits for it; a character chiming
// in unasked, or answering another character in banter, just stays quiet when it has nothing good to say.
const addressedTriggers: ReadonlySet<Trigger> = new Set(['mention', 'reply', 'name', 'dm', 'command', 'regenerate']);

/**
 * Rethrows a processor's `error`; first, when it ends the answer for good, makes sure the member is not left waiting:
 * a message addressed to the character gets the `no-good-answer` notice (a slash command's deferred response is filled,
 * a channel message is answered with a reply to it), and the next character addressed together with this one takes its
 * turn. The notice's job id is one per answer (router and quality control alike), so a retry never posts it twice. When
 * the notice cannot be enqueued, that error is thrown instead, so the job is retried (and tries again) while it has
 * attempts left.
 */
export async function throwWithNoAnswerNotice(
	queues: NoAnswerQueues,
	job: Pick<Job, 'attemptsMade' | 'opts'>,
	route: RouteJob,
	error: unknown,
): Promise<never> {
	if (!failsForGood(job, error)) throw error;
	try {
		if (addressedTriggers.has(route.trigger)) await enqueueNotice(queues.deliverQueue, route);
		await continueTurn(queues.routeQueue, route);
	} catch (enqueueError) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`could not enqueue the no-good-answer notice (${(enqueueError as Error).message}); the job failed with: ${reason}`, {
			cause: enqueueError,
		});
	}
	throw error;
}

async function enqueueNotice(deliverQueue: Queue, route: RouteJob): Promise<void> {
	const { interaction } = route;
	const jobId = noAnswerNoticeJobId(route.jobKey);
	const notice = buildJobData(QueueName.Deliver, {
		kind: 'notice',
		noticeKey: jobId,
		notice: 'no-good-answer',
		guildId: route.message.guildId,
		channelId: route.message.channelId,
		characterId: route.characterId,
		...(interaction === undefined ? { replyToMessageId: route.message.id } : { interaction }),
	});
	await deliverQueue.add('notice', notice, { ...DefaultJobOptions, jobId });
}
