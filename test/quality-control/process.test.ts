import { createLogger, createRedisConnection, Keyspace } from '@charbot/core';
import { buildJobData, deliverJobId, parseJobData, QueueName, reviewJobId } from '@charbot/contracts';
import { findFreePort, type RedisServer, startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { startAppProcess } from '../foundation/startAppProcess.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existingJob, reviewJob } from './qcHarness.js';

let redis: RedisServer;
let producer: Redis;

beforeAll(async () => {
	redis = await startRedisServer();
	producer = createRedisConnection({ url: redis.url, role: 'producer', logger: createLogger({ name: 'test', level: 'silent', format: 'json' }) });
});
afterAll(async () => {
	producer?.disconnect();
	await redis?.close();
});

function baseEnv(prefix: string, port: number): Record<string, string> {
	return {
		REDIS_URL: redis.url,
		REDIS_KEY_PREFIX: prefix,
		HEALTH_PORT: String(port),
	};
}

describe('the quality-control process', () => {
	it('becomes ready without Discord, reviews and hands the reply to delivery, and drains on SIGTERM', async () => {
		const prefix = uniquePrefix('qcp');
		const port = await findFreePort();
		const app = startAppProcess('quality-control', baseEnv(prefix, port));
		const queue = new Queue(QueueName.Review, { connection: producer, prefix: new Keyspace(prefix).queuePrefix(QueueName.Review) });
		const deliverQueue = new Queue(QueueName.Deliver, { connection: producer, prefix: new Keyspace(prefix).queuePrefix(QueueName.Deliver) });
		try {
			let readiness: { checks?: Record<string, { ok: boolean; detail?: string }> } = {};
			await waitFor(
				async () => {
					if (app.child.exitCode !== null) throw new Error(`quality-control exited:\n${app.output.join('')}`);
					const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
					if (response?.status !== 200) return false;
					readiness = (await response.json()) as typeof readiness;
					return true;
				},
				'quality-control to be ready',
				30_000,
			);
			// Delivery, a process of its own, is the one that talks to Discord.
			expect(Object.keys(readiness.checks ?? {}).sort()).toEqual(['characters', 'redis']);

			const place = { guildId: '100000000000000001', channelId: '100000000000000002', authorId: '100000000000000003' };
			const text = `Heh heh, from a real process ${Date.now()}.`;
			const job = reviewJob(place, text);
			await queue.add('review', buildJobData(QueueName.Review, job), { jobId: reviewJobId(job.jobKey, 1) });
			const handed = await existingJob(deliverQueue, deliverJobId(job.jobKey), 20_000);
			expect(parseJobData(QueueName.Deliver, handed.data)).toMatchObject({ text });

			app.child.kill('SIGTERM');
			expect(await app.exited).toBe(0);
			expect(app.output.join('')).toContain('shutdown complete');
		} finally {
			if (app.child.exitCode === null) app.child.kill('SIGKILL');
			await Promise.all([queue.close(), deliverQueue.close()]);
		}
	});
});
