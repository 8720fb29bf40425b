import { buildJobData, DefaultJobOptions, messageJobId, QueueName } from '@charbot/core';
import type { Queue } from 'bullmq';
import { toIncomingMessage } from '../intake/toIncomingMessage.js';
import type { ReceivedMessage } from '../intake/ReceivedMessage.js';
import type { TriggeredCharacter } from '../triggers/decideTriggers.js';

/**
 * Adds one validated `route` job per triggered character. The job id is `messageJobId(message, character)`, so a
 * replayed or duplicated event (or a second gateway replica) maps to the same job and BullMQ keeps one.
 * `speakerId` is the character who wrote the message, for banter.
 */
export async function enqueueRouteJobs(
	queue: Queue,
	received: ReceivedMessage,
	triggered: readonly TriggeredCharacter[],
	speakerId?: string,
): Promise<string[]> {
	const message = toIncomingMessage(received, speakerId);
	return Promise.all(
		triggered.map(async ({ characterId, trigger, cascadeDepth }) => {
			const jobId = messageJobId(received.id, characterId);
			const data = buildJobData(QueueName.Route, { jobKey: jobId, message, characterId, trigger, cascadeDepth, failedAttempts: [] });
			await queue.add(trigger, data, { ...DefaultJobOptions, jobId });
			return jobId;
		}),
	);
}
