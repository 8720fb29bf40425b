import { createLogger, createRedisConnection, createShutdown, Keyspace, type ShutdownOutcome } from '@charbot/core';
import { type RedisServer, startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const logger = createLogger({ name: 'test', level: 'silent', format: 'json' });

describe('createShutdown', () => {
	let redis: RedisServer;
	beforeAll(async () => {
		redis = await startRedisServer();
	});
	afterAll(async () => {
		await redis?.close();
	});

	it('closes a worker only after its active job finished, then the connections', async () => {
		const prefix = new Keyspace(uniquePrefix()).queuePrefix();
		const producer = createRedisConnection({ url: redis.url, role: 'producer', logger });
		const workerConnection = createRedisConnection({ url: redis.url, role: 'worker', logger });
		const queue = new Queue('slow', { connection: producer, prefix });
		const order: string[] = [];
		let started = false;
		const worker = new Worker(
			'slow',
			async () => {
				started = true;
				await new Promise((resolve) => setTimeout(resolve, 400));
				order.push('job finished');
			},
			{ connection: workerConnection, prefix },
		);
		const shutdown = createShutdown({ logger, timeoutMs: 5000, handleSignals: false, onDone: () => {} });
		shutdown.add('worker', async () => {
			await worker.close();
			order.push('worker closed');
		});
		shutdown.add('redis', () => {
			producer.disconnect();
			workerConnection.disconnect();
			order.push('redis closed');
		});
		await queue.add('job', {});
		await waitFor(() => started, 'the job to start');
		const outcome = await shutdown.shutdown('test');
		expect(order).toEqual(['job finished', 'worker closed', 'redis closed']);
		expect(outcome).toEqual({ reason: 'test', failed: [], timedOut: false });
		expect(shutdown.isShuttingDown).toBe(true);
	});

	it('gives up on a step that outlives the bound and reports it', async () => {
		let done: ShutdownOutcome | undefined;
		const shutdown = createShutdown({ logger, timeoutMs: 200, handleSignals: false, onDone: (outcome) => (done = outcome) });
		const after: string[] = [];
		shutdown.add('stuck', () => new Promise(() => {}));
		shutdown.add('never reached', () => after.push('ran'));
		const started = Date.now();
		const outcome = await shutdown.shutdown('test');
		expect(Date.now() - started).toBeLessThan(1000);
		expect(outcome.timedOut).toBe(true);
		expect(outcome.failed).toEqual(['stuck']);
		expect(done).toBe(outcome);
		expect(after).toEqual([]);
	});
});
