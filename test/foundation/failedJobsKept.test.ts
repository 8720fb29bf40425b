import { createRedisConnection, Keyspace, waitForRedisReady } from '@charbot/core';
import { CharbotQueue, CharbotWorker, DefaultJobOptions } from '@charbot/contracts';
import { type RedisServer, startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import { UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The queues' Redis never evicts (`noeviction`, as BullMQ needs), so what the options keep is all that bounds it.
describe('failed jobs kept', () => {
	let server: RedisServer;
	let producer: Redis;
	let consumer: Redis;

	beforeAll(async () => {
		server = await startRedisServer();
		producer = createRedisConnection({ url: server.url, role: 'producer' });
		consumer = createRedisConnection({ url: server.url, role: 'worker' });
		await Promise.all([waitForRedisReady(producer), waitForRedisReady(consumer)]);
	});
	afterAll(async () => {
		producer?.disconnect();
		consumer?.disconnect();
		await server?.close();
	});

	it('stay at the count cap through a flood of failures, even for jobs added with only a job id', async () => {
		const cap = DefaultJobOptions.removeOnFail.count;
		const flood = cap + 300;
		const prefix = new Keyspace(uniquePrefix('cap')).queuePrefix('capped');
		// Options of its own, as the outage notices and review jobs are added: the queue's defaults must still apply.
		const queue = new CharbotQueue('capped', { connection: producer, prefix });
		for (let start = 0; start < flood; start += 1000) {
			const ids = Array.from({ length: Math.min(1000, flood - start) }, (_, offset) => `flood-${start + offset}`);
			await queue.addBulk(ids.map((jobId) => ({ name: 'doomed', data: { n: jobId }, opts: { jobId } })));
		}
		let failed = 0;
		const worker = new CharbotWorker(
			'capped',
			async () => {
				throw new UnrecoverableError('no retry can fix this');
			},
			{ connection: consumer, prefix, concurrency: 100 },
		);
		worker.on('failed', () => {
			failed += 1;
		});
		try {
			await waitFor(() => failed >= flood, `${flood} jobs to fail`, 60_000);
			expect(await queue.getFailedCount()).toBe(cap);
			// The newest failures are the ones kept, for inspection.
			expect(await queue.getJob(`flood-${flood - 1}`)).toBeDefined();
			expect(await queue.getJob('flood-0')).toBeUndefined();
		} finally {
			await worker.close();
			await queue.obliterate({ force: true });
			await queue.close();
		}
	}, 90_000);
});
