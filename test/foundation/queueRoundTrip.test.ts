import { createLogger, createRedisConnection, Keyspace, waitForRedisReady } from '@charbot/core';
import { buildJobData, messageJobId, parseJobData, QueueName, type RouteJob } from '@charbot/contracts';
import { type RedisServer, startRedisServer, uniquePrefix } from '@charbot/testkit';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const logger = createLogger({ name: 'test', level: 'silent', format: 'json' });

const routeJob: RouteJob = {
	jobKey: 'msg-123456789012345678-stewie',
	message: {
		id: '123456789012345678',
		channelId: '223456789012345678',
		guildId: '323456789012345678',
		author: { id: '423456789012345678', username: 'meg', displayName: 'Meg', isBot: false },
		content: 'Stewie, what is your plan?',
		createdAt: 1_700_000_000_000,
	},
	characterId: 'stewie',
	trigger: 'name',
	cascadeDepth: 0,
	failedAttempts: [],
	followers: [],
};

describe('BullMQ on a private redis-server', () => {
	let queueRedis: RedisServer;
	let cacheRedis: RedisServer;

	beforeAll(async () => {
		[queueRedis, cacheRedis] = await Promise.all([startRedisServer(), startRedisServer({ maxmemoryPolicy: 'allkeys-lru', maxmemory: '32mb' })]);
	});
	afterAll(async () => {
		await Promise.all([queueRedis?.close(), cacheRedis?.close()]);
	});

	it('round-trips a validated job: add → worker processes → completed event', async () => {
		const prefix = new Keyspace(uniquePrefix()).queuePrefix(QueueName.Route);
		const producer = createRedisConnection({ url: queueRedis.url, role: 'producer', logger });
		const workerConnection = createRedisConnection({ url: queueRedis.url, role: 'worker', logger });
		const eventsConnection = createRedisConnection({ url: queueRedis.url, role: 'worker', logger });
		const queue = new Queue(QueueName.Route, { connection: producer, prefix });
		const events = new QueueEvents(QueueName.Route, { connection: eventsConnection, prefix });
		const seen: string[] = [];
		const worker = new Worker(
			QueueName.Route,
			async (job) => {
				const data = parseJobData(QueueName.Route, job.data);
				seen.push(data.message.content);
				return { answeredBy: data.characterId };
			},
			{ connection: workerConnection, prefix },
		);
		try {
			await events.waitUntilReady();
			const jobId = messageJobId(routeJob.message.id);
			const job = await queue.add('message', buildJobData(QueueName.Route, routeJob), { jobId });
			const duplicate = await queue.add('message', buildJobData(QueueName.Route, routeJob), { jobId });
			expect(duplicate.id).toBe(job.id);
			const result = await job.waitUntilFinished(events, 10_000);
			expect(result).toEqual({ answeredBy: 'stewie' });
			expect(seen).toEqual(['Stewie, what is your plan?']);
			expect(await queue.getJobCounts('completed', 'failed', 'waiting')).toEqual({ completed: 1, failed: 0, waiting: 0 });
		} finally {
			await worker.close();
			await events.close();
			await queue.close();
			for (const connection of [producer, workerConnection, eventsConnection]) connection.disconnect();
		}
	});

	it('fails a malformed payload as unrecoverable instead of retrying it', async () => {
		const prefix = new Keyspace(uniquePrefix()).queuePrefix(QueueName.Route);
		const producer = createRedisConnection({ url: queueRedis.url, role: 'producer', logger });
		const workerConnection = createRedisConnection({ url: queueRedis.url, role: 'worker', logger });
		const queue = new Queue(QueueName.Route, { connection: producer, prefix });
		let attempts = 0;
		const worker = new Worker(
			QueueName.Route,
			async (job) => {
				attempts += 1;
				parseJobData(QueueName.Route, job.data);
			},
			{ connection: workerConnection, prefix },
		);
		const failed = new Promise<string>((resolve) => {
			worker.on('failed', (_job, error) => resolve(error.message));
		});
		try {
			await queue.add('message', { message: { id: 'nope' } }, { attempts: 5, backoff: { type: 'fixed', delay: 10 } });
			expect(await failed).toMatch(/message\.id: must be a Discord snowflake/);
			expect(attempts).toBe(1);
		} finally {
			await worker.close();
			await queue.close();
			producer.disconnect();
			workerConnection.disconnect();
		}
	});

	it('keeps the cache on a different server than the queues', async () => {
		const queueConnection = createRedisConnection({ url: queueRedis.url, role: 'producer', logger });
		const cacheConnection = createRedisConnection({ url: cacheRedis.url, role: 'cache', logger });
		try {
			await Promise.all([waitForRedisReady(queueConnection), waitForRedisReady(cacheConnection)]);
			await cacheConnection.set('probe', 'cache-side');
			expect(await cacheConnection.get('probe')).toBe('cache-side');
			expect(await queueConnection.get('probe')).toBeNull();
			expect(await cacheConnection.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'allkeys-lru']);
			expect(await queueConnection.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
		} finally {
			queueConnection.disconnect();
			cacheConnection.disconnect();
		}
	});

	it('fails fast on a cache that is down instead of hanging', async () => {
		const down = await startRedisServer();
		const cacheConnection = createRedisConnection({ url: down.url, role: 'cache', logger });
		try {
			await waitForRedisReady(cacheConnection);
			await cacheConnection.ping();
			await down.stop({ crash: true });
			const started = Date.now();
			await expect(cacheConnection.get('anything')).rejects.toThrow();
			expect(Date.now() - started).toBeLessThan(2500);
		} finally {
			cacheConnection.disconnect();
			await down.close();
		}
	});
});
