import { createLogger, createRedisConnection, Keyspace, waitForRedisReady } from '@charbot/core';
import { buildJobData, CharbotQueue, CharbotWorker, parseJobData, QueueName, type RouteJob } from '@charbot/contracts';
import { type RedisServer, startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const logger = createLogger({ name: 'test', level: 'silent', format: 'json' });

function routeJob(messageId: string): RouteJob {
	return {
		jobKey: `msg-${messageId}-peter`,
		message: {
			id: messageId,
			channelId: '223456789012345678',
			guildId: '323456789012345678',
			author: { id: '423456789012345678', username: 'meg', displayName: 'Meg', isBot: false },
			content: 'Peter, are you there?',
			createdAt: 1_700_000_000_000,
		},
		characterId: 'peter',
		trigger: 'name',
		cascadeDepth: 0,
		failedAttempts: [],
		followers: [],
	};
}

describe('a job whose stored data is not JSON', () => {
	let server: RedisServer;
	let producer: Redis;
	let workerConnection: Redis;

	beforeAll(async () => {
		server = await startRedisServer();
		producer = createRedisConnection({ url: server.url, role: 'producer', logger });
		workerConnection = createRedisConnection({ url: server.url, role: 'worker', logger });
		await waitForRedisReady(producer);
	});
	afterAll(async () => {
		producer?.disconnect();
		workerConnection?.disconnect();
		await server?.close();
	});

	it('fails for good at once with a reason naming `data`, and the worker goes on to the next job', async () => {
		const prefix = new Keyspace(uniquePrefix()).queuePrefix(QueueName.Route);
		const queue = new CharbotQueue(QueueName.Route, { connection: producer, prefix });
		const plainQueue = new Queue(QueueName.Route, { connection: producer, prefix });
		const processed: string[] = [];
		const errors: Error[] = [];
		// Added delayed, so its data can be spoiled before any worker takes it, as a bad producer or a corrupted write leaves it.
		await queue.add('message', buildJobData(QueueName.Route, routeJob('123456789012345678')), {
			jobId: 'unreadable',
			delay: 300,
			attempts: 6,
			backoff: { type: 'fixed', delay: 10 },
		});
		await producer.hset(`${prefix}:${QueueName.Route}:unreadable`, 'data', '{"jobKey": "unreadable", "message": {');
		const worker = new CharbotWorker(
			QueueName.Route,
			async (job) => {
				const data = parseJobData(QueueName.Route, job.data);
				processed.push(data.message.id);
				return { answered: data.message.id };
			},
			{ connection: workerConnection, prefix },
		);
		worker.on('error', (error) => errors.push(error));
		try {
			await waitFor(async () => (await queue.getJobState('unreadable')) === 'failed', 'the unreadable job to fail', 10_000);
			const next = await queue.add('message', buildJobData(QueueName.Route, routeJob('123456789012345679')), { jobId: 'readable' });
			await waitFor(async () => (await queue.getJobState(next.id ?? '')) === 'completed', 'the next job to complete', 10_000);

			const stored = await producer.hgetall(`${prefix}:${QueueName.Route}:unreadable`);
			expect({ failedReason: stored.failedReason, attemptsMade: stored.atm }).toEqual({
				failedReason: expect.stringMatching(/^Invalid route job: data: not valid JSON \(.+\)$/),
				attemptsMade: '1',
			});
			expect(processed).toEqual(['123456789012345679']);
			expect(errors).toEqual([]);
			// The charbot queue's own reads survive it; BullMQ's plain queue would throw parsing the same data.
			const [failed] = await queue.getFailed(0, -1);
			expect({ id: failed?.id, data: failed?.data as unknown }).toEqual({ id: 'unreadable', data: { __unreadableJobData: expect.any(String) } });
			expect((await queue.getJob('unreadable'))?.failedReason).toBe(stored.failedReason);
			await expect(plainQueue.getJob('unreadable')).rejects.toThrow(SyntaxError);
		} finally {
			await worker.close();
			await Promise.all([queue.close(), plainQueue.close()]);
		}
	});
});
