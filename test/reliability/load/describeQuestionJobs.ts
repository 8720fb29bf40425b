import { Keyspace, waitForRedisReady } from '@charbot/core';
import { deliverJobId, messageJobId, QueueName, reviewJobId } from '@charbot/contracts';
import { Queue } from 'bullmq';
import type { PlatformHarness } from '../../pipeline/platformHarness.js';
import type { SentQuestion } from './SentQuestion.js';

/**
 * Where each question's jobs are in BullMQ (route, first review, delivery: state, attempts, failure reason), one line
 * per question, to explain a missing or doubled answer in a failure message. `characterId` defaults to `peter`.
 */
export async function describeQuestionJobs(platform: PlatformHarness, questions: readonly SentQuestion[], characterId = 'peter'): Promise<string[]> {
	const connection = platform.connect();
	const keys = new Keyspace(platform.prefix);
	const queues = [QueueName.Route, QueueName.Review, QueueName.Deliver].map((name) => new Queue(name, { connection, prefix: keys.queuePrefix(name) }));
	try {
		await waitForRedisReady(connection);
		return await Promise.all(
			questions.map(async (question) => {
				const jobKey = messageJobId(question.messageId, characterId);
				const ids = [jobKey, reviewJobId(jobKey, 1), deliverJobId(jobKey)];
				const parts = await Promise.all(
					queues.map(async (queue, index) => {
						const job = await queue.getJob(ids[index] as string);
						if (job === undefined) return `${queue.name}: none`;
						const reason = job.failedReason ? ` (${job.failedReason.slice(0, 120)})` : '';
						return `${queue.name}: ${await job.getState()} after ${job.attemptsMade} attempts${reason}`;
					}),
				);
				return `${question.token} ${jobKey}: ${parts.join('; ')}`;
			}),
		);
	} finally {
		await Promise.all(queues.map((queue) => queue.close()));
		connection.disconnect();
	}
}
