import type { Queue } from 'bullmq';
import { continueTurn } from '../route/continueTurn.js';
import { DefaultJobOptions } from '../queues/defaultJobOptions.js';
import { noAnswerNoticeJobId } from '../queues/jobIds.js';
import type { RouteJob, Trigger } from '../queues/jobSchemas.js';
import { buildJobData } from '../queues/parseJobData.js';
import { QueueName } from '../queues/queueNames.js';

/** The queues a processor that gives up on an answer hands on to. */
export interface NoAnswerQueues {
	readonly deliverQueue: Queue;
	readonly routeQueue: Queue;
}

// Triggers where a member spoke to the character (or asked it for another answer) and waits for it; a character chiming
// in unasked, or answering another character in banter, just stays quiet when it has nothing good to say.
const addressedTriggers: ReadonlySet<Trigger> = new Set(['mention', 'reply', 'name', 'dm', 'command', 'regenerate']);

/**
 * Ends an answer given up on for good without leaving the member waiting: a message addressed to the character gets the
 * `no-good-answer` notice (a slash command's deferred response is filled, a channel message is answered with a reply to
 * it), and the next character addressed together with this one takes its turn. Both jobs have one id per answer, so
 * calling it again (a retry, quality control and the router both giving up) adds nothing.
 */
export async function sendNoAnswerNotice(queues: NoAnswerQueues, route: RouteJob): Promise<void> {
	if (addressedTriggers.has(route.trigger)) await enqueueNotice(queues.deliverQueue, route);
	await continueTurn(queues.routeQueue, route);
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
