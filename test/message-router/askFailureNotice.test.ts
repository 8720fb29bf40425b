import { createLogger, createRedisConnection, Keyspace, loadConfig, waitForRedisReady } from '@charbot/core';
import { buildJobData, messageJobId, noAnswerNoticeJobId, QueueName, type RouteJob } from '@charbot/contracts';
import { type OllamaSim, startOllamaSim } from '@charbot/ollama-sim';
import { type RedisServer, startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MessageRouter, startMessageRouter } from '../../apps/message-router/src/startMessageRouter.js';
import { buildRouteJob, RouteTestGuildId } from './buildRouteJob.js';

const logger = createLogger({ name: 'test', level: 'silent', format: 'json' });
const guildId = RouteTestGuildId;
const channelId = '200000000000000001';
const interaction = { id: '500000000000000001', applicationId: '600000000000000001', interactionToken: 'a'.repeat(40) };

let redis: RedisServer;
let sim: OllamaSim;
let router: MessageRouter;
let connection: Redis;
let routeQueue: Queue;
let deliverQueue: Queue;

// `nobody` is a valid character id that no persona file defines: the router fails such a job for good at once.
function routeJob(messageId: string, characterId: string, extra: Partial<RouteJob> = {}): RouteJob {
	return buildRouteJob({ messageId, channelId, content: 'Are you there?', characterId }, extra);
}

async function failedJob(jobId: string): Promise<{ failedReason: string | undefined }> {
	await waitFor(async () => (await routeQueue.getJobState(jobId)) === 'failed', `route job ${jobId} to fail`, 10_000);
	return { failedReason: (await routeQueue.getJob(jobId))?.failedReason };
}

beforeAll(async () => {
	redis = await startRedisServer();
	sim = await startOllamaSim({ models: ['llama3.2:1b'], preloaded: true, scripts: [{ match: /.*/, reply: () => 'Hehehe.' }] });
	const prefix = uniquePrefix('router-final');
	const config = loadConfig({ REDIS_URL: redis.url, OLLAMA_BASE_URL: sim.url, REDIS_KEY_PREFIX: prefix, ALLOW_SIMULATED_PARTS: 'true' });
	router = await startMessageRouter({ config, logger });
	connection = createRedisConnection({ url: redis.url, role: 'producer', logger });
	await waitForRedisReady(connection);
	const keys = new Keyspace(prefix);
	routeQueue = new Queue(QueueName.Route, { connection, prefix: keys.queuePrefix(QueueName.Route) });
	deliverQueue = new Queue(QueueName.Deliver, { connection, prefix: keys.queuePrefix(QueueName.Deliver) });
});

afterAll(async () => {
	await router?.close();
	await Promise.all([routeQueue?.close(), deliverQueue?.close()]);
	connection?.disconnect();
	await sim?.close();
	await redis?.close();
});

describe('a route job that fails for good', () => {
	it('for an /ask, queues the no-good-answer notice for its deferred response before the job is failed', async () => {
		const job = routeJob(interaction.id, 'nobody', { trigger: 'command', interaction });
		await routeQueue.add('route', buildJobData(QueueName.Route, job), { jobId: job.jobKey, attempts: 3, backoff: { type: 'fixed', delay: 10 } });
		expect(await failedJob(job.jobKey)).toEqual({ failedReason: expect.stringMatching(/^Character "nobody" is not loaded/) });
		const notice = await deliverQueue.getJob(noAnswerNoticeJobId(job.jobKey));
		expect(notice?.data).toEqual({
			kind: 'notice',
			noticeKey: noAnswerNoticeJobId(job.jobKey),
			notice: 'no-good-answer',
			guildId,
			channelId,
			interaction,
			characterId: 'nobody',
		});
		expect(notice?.opts.attempts).toBeGreaterThan(1);
	});

	it('for a message calling the character, queues the notice as a reply to it, and hands the turn to the next character', async () => {
		const job = routeJob('400000000000000001', 'nobody', { followers: [{ characterId: 'stewie', trigger: 'name' }], turnOf: '400000000000000001' });
		await routeQueue.add('route', buildJobData(QueueName.Route, job), { jobId: job.jobKey, attempts: 3, backoff: { type: 'fixed', delay: 10 } });
		expect(await failedJob(job.jobKey)).toEqual({ failedReason: expect.stringMatching(/^Character "nobody" is not loaded/) });
		const notice = await deliverQueue.getJob(noAnswerNoticeJobId(job.jobKey));
		expect(notice?.data).toEqual({
			kind: 'notice',
			noticeKey: noAnswerNoticeJobId(job.jobKey),
			notice: 'no-good-answer',
			guildId,
			channelId,
			characterId: 'nobody',
			replyToMessageId: job.message.id,
		});
		// Stewie was named after the failed character: his job answers the same message, with nobody after him.
		const next = await routeQueue.getJob(messageJobId(job.message.id, 'stewie'));
		expect(next?.data).toMatchObject({ characterId: 'stewie', trigger: 'name', followers: [], turnOf: job.message.id, message: { id: job.message.id } });
	});

	it('for banter or a character chiming in unasked, queues nothing: nobody waits for that answer', async () => {
		for (const [messageId, trigger] of [
			['400000000000000002', 'banter'],
			['400000000000000003', 'active-channel'],
		] as const) {
			const job = routeJob(messageId, 'nobody', { trigger });
			await routeQueue.add('route', buildJobData(QueueName.Route, job), { jobId: job.jobKey, attempts: 3, backoff: { type: 'fixed', delay: 10 } });
			expect(await failedJob(job.jobKey)).toEqual({ failedReason: expect.stringMatching(/^Character "nobody" is not loaded/) });
			expect(await deliverQueue.getJob(noAnswerNoticeJobId(job.jobKey))).toBeUndefined();
		}
	});
});
