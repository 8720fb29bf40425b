import { createRedisConnection, Keyspace, waitForRedisReady } from '@charbot/core';
import { CharbotQueue, CharbotWorker, QueueEventsMaxLen } from '@charbot/contracts';
import { type RedisServer, startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every job writes several events to its queue's stream and nothing of ours reads them: the stream must stay short.
describe('queue event streams', () => {
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

	it('stay near their cap however many jobs pass through', async () => {
		const prefix = new Keyspace(uniquePrefix('events')).queuePrefix('trimmed');
		const queue = new CharbotQueue('trimmed', { connection: producer, prefix });
		const jobs = 2000;
		let done = 0;
		const worker = new CharbotWorker(
			'trimmed',
			async () => {
				done += 1;
			},
			{ connection: consumer, prefix, concurrency: 50 },
		);
		try {
			for (let start = 0; start < jobs; start += 500) {
				await queue.addBulk(Array.from({ length: 500 }, (_, offset) => ({ name: 'pass', data: {}, opts: { jobId: `pass-${start + offset}` } })));
			}
			await waitFor(() => done === jobs, 'every job processed', 60_000);
			const streamKey = `${prefix}:trimmed:events`;
			// BullMQ's default would keep 10,000 of the ≥ 6,000 events written; `MAXLEN ~` trims by whole nodes of 100 entries.
			expect(await producer.hget(`${prefix}:trimmed:meta`, 'opts.maxLenEvents')).toBe(String(QueueEventsMaxLen));
			expect(await producer.xlen(streamKey)).toBeLessThanOrEqual(QueueEventsMaxLen + 100);
		} finally {
			await worker.close();
			await queue.close();
		}
	});
});
