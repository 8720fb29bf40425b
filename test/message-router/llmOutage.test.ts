import { createLogger, createRedisConnection, Keyspace, loadConfig, waitForRedisReady } from '@charbot/core';
import { buildJobData, type JobData, QueueName, type RouteJob } from '@charbot/contracts';
import { type OllamaSim, startOllamaSim } from '@charbot/ollama-sim';
import { type RedisServer, startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MessageRouter, startMessageRouter } from '../../apps/message-router/src/startMessageRouter.js';
import { buildRouteJob } from './buildRouteJob.js';

// The router against a real Redis and a simulated Ollama host that goes away: waiting jobs keep their attempts, each
// channel gets one notice on the deliver queue, and every job is answered once the host is back (or given up on).
const logger = createLogger({ name: 'test', level: 'silent', format: 'json' });
const channelA = '200000000000000001';
const channelB = '200000000000000002';

let redis: RedisServer;
let sim: OllamaSim;
let connection: Redis;
let nextId = 400000000000000100n;

function routeJob(channelId: string, extra: Partial<RouteJob> = {}): RouteJob {
	nextId += 1n;
	return buildRouteJob({ messageId: String(nextId), channelId, content: `Peter, question ${nextId}?` }, extra);
}

/** A router on its own prefix, with the queues a test reads. */
async function startRouter(env: Record<string, string>) {
	const prefix = uniquePrefix('outage');
	const keys = new Keyspace(prefix);
	const config = loadConfig({
		REDIS_URL: redis.url,
		OLLAMA_BASE_URL: sim.url,
		REDIS_KEY_PREFIX: prefix,
		ALLOW_SIMULATED_PARTS: 'true',
		HEALTH_CHECK_INTERVAL: '1',
		LLM_RESPONSE_CACHE_TTL: '0',
		...env,
	});
	const router = await startMessageRouter({ config, logger });
	const queue = (name: QueueName) => new Queue(name, { connection, prefix: keys.queuePrefix(name) });
	const queues = { route: queue(QueueName.Route), review: queue(QueueName.Review), deliver: queue(QueueName.Deliver) };
	return {
		router,
		queues,
		notices: async () =>
			(await queues.deliver.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).map((job) => job.data as JobData<typeof QueueName.Deliver>),
		close: async () => {
			await router.close();
			await Promise.all(Object.values(queues).map((entry) => entry.close()));
		},
	};
}

async function hostsDown(router: MessageRouter): Promise<void> {
	await sim.setBehavior({ fault: 'refuse' });
	await waitFor(() => !router.pool.canServe(), 'the pool to see no host can serve', 15_000);
}

beforeAll(async () => {
	redis = await startRedisServer();
	sim = await startOllamaSim({ models: ['llama3.2:1b'], preloaded: true, tokensPerSecond: 2000 });
	connection = createRedisConnection({ url: redis.url, role: 'producer', logger });
	await waitForRedisReady(connection);
});

afterAll(async () => {
	connection?.disconnect();
	await sim?.close();
	await redis?.close();
});

describe('the router while no LLM host can serve', () => {
	it('keeps the jobs waiting without spending attempts, sends one resting notice per channel and slash command, and answers every job once a host is back', async () => {
		const running = await startRouter({ LLM_OUTAGE_PATIENCE: '600' });
		try {
			await hostsDown(running.router);
			const interaction = { id: '500000000000000001', applicationId: '600000000000000001', interactionToken: 'x'.repeat(40) };
			const jobs = [routeJob(channelA), routeJob(channelA), routeJob(channelA), routeJob(channelB), routeJob(channelB, { trigger: 'command', interaction })];
			for (const job of jobs) await running.queues.route.add('route', buildJobData(QueueName.Route, job), { jobId: job.jobKey });
			await waitFor(async () => (await running.queues.route.getDelayedCount()) === jobs.length, 'every job to wait for a host', 15_000);
			// Let the jobs come round a few more times while the host is still down.
			await new Promise((resolve) => setTimeout(resolve, 3000));
			const notices = await running.notices();
			expect(notices.map((notice) => (notice.kind === 'notice' ? [notice.notice, notice.channelId, notice.interaction?.id ?? null] : 'reply')).sort()).toEqual(
				[
					['llm-resting', channelA, null],
					['llm-resting', channelB, null],
					['llm-resting', channelB, interaction.id],
				].sort(),
			);
			expect(await running.queues.review.getJobCounts()).toMatchObject({ waiting: 0, completed: 0 });
			for (const job of jobs) {
				const waiting = await running.queues.route.getJob(job.jobKey);
				expect(waiting?.attemptsMade, job.jobKey).toBe(0);
				expect(typeof (waiting?.data as RouteJob).llmWaitingSince).toBe('number');
			}

			await sim.setBehavior({ fault: 'none' });
			const recoveredAt = Date.now();
			await waitFor(async () => (await running.queues.review.getJobCounts('waiting')).waiting === jobs.length, 'a review job for every message', 30_000);
			// The recovery watcher promotes the waiting jobs instead of leaving them to their delays.
			expect(Date.now() - recoveredAt).toBeLessThan(10_000);
			for (const job of jobs) {
				const review = await running.queues.review.getJob(`${job.jobKey}-review-1`);
				expect(review?.data.candidate.host, job.jobKey).toBe(sim.url);
				expect(review?.data.llmWaitingSince, 'the wait is not passed on').toBeUndefined();
				const route = await running.queues.route.getJob(job.jobKey);
				expect(await route?.getState()).toBe('completed');
				expect(route?.attemptsMade).toBe(1);
			}
			expect(await running.notices()).toHaveLength(3);
		} finally {
			await sim.setBehavior({ fault: 'none' });
			await running.close();
		}
	});

	it('gives up after LLM_OUTAGE_PATIENCE: the job fails for good and the channel gets one apology', async () => {
		const running = await startRouter({ LLM_OUTAGE_PATIENCE: '3' });
		try {
			await hostsDown(running.router);
			const jobs = [routeJob(channelA), routeJob(channelA)];
			for (const job of jobs) await running.queues.route.add('route', buildJobData(QueueName.Route, job), { jobId: job.jobKey });
			await waitFor(async () => (await running.queues.route.getFailedCount()) === jobs.length, 'both jobs to be given up', 30_000);
			for (const job of jobs) {
				const failed = await running.queues.route.getJob(job.jobKey);
				expect(failed?.failedReason).toMatch(/no LLM host could serve role "chat" for \d+ s \(LLM_OUTAGE_PATIENCE\)/);
				expect(failed?.attemptsMade).toBeLessThanOrEqual(1);
			}
			const notices = (await running.notices()).map((notice) => (notice.kind === 'notice' ? `${notice.notice} ${notice.channelId}` : 'reply'));
			expect(notices.sort()).toEqual([`llm-gave-up ${channelA}`, `llm-resting ${channelA}`]);
			expect(await running.queues.review.getJobCounts()).toMatchObject({ waiting: 0, completed: 0 });
		} finally {
			await sim.setBehavior({ fault: 'none' });
			await running.close();
		}
	});

	it('treats a failing request as an ordinary retry while a host can still serve: no notice', async () => {
		const running = await startRouter({ LLM_OUTAGE_PATIENCE: '600' });
		try {
			// Every second chat request breaks mid-stream; the host stays up and the pool retries it.
			await sim.setBehavior({ fault: 'midstream', faultRate: 0.5 });
			const jobs = [routeJob(channelA), routeJob(channelA), routeJob(channelB), routeJob(channelB)];
			for (const job of jobs) await running.queues.route.add('route', buildJobData(QueueName.Route, job), { jobId: job.jobKey });
			await waitFor(async () => (await running.queues.review.getJobCounts('waiting')).waiting === jobs.length, 'a review job for every message', 30_000);
			expect(await running.notices()).toEqual([]);
		} finally {
			await sim.setBehavior({ fault: 'none', faultRate: 1 });
			await running.close();
		}
	});
});
