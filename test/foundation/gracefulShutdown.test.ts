import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createLogger, createRedisConnection, createShutdown, Keyspace, resolveFromRoot, type ShutdownOutcome } from '@charbot/core';
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
		const prefix = new Keyspace(uniquePrefix()).queuePrefix('slow');
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

describe('createShutdown in a real process', () => {
	function startChild(stepMs: number, ipc = false) {
		const child = spawn(process.execPath, ['--import', 'tsx', resolveFromRoot('test/foundation/gracefulShutdownChild.ts'), String(stepMs)], {
			cwd: resolveFromRoot('.'),
			stdio: ['ignore', 'pipe', 'inherit', ...(ipc ? (['ipc'] as const) : [])],
		});
		const lines: string[] = [];
		createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => lines.push(line));
		const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
		const messages = () => lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
		return { child, exited, messages, running: () => waitFor(() => messages().includes('child running'), 'the child to run', 20_000) };
	}

	it('drains once when one Ctrl-C arrives twice (from the terminal and forwarded by npm)', async () => {
		const { child, exited, messages, running } = startChild(600);
		await running();
		child.kill('SIGINT');
		child.kill('SIGINT');
		expect(await exited).toBe(0);
		expect(messages()).toEqual(['child running', 'shutting down: SIGINT', 'shutdown complete']);
	}, 30_000);

	it('exits at once on a second press while the drain is still running', async () => {
		const { child, exited, messages, running } = startChild(20_000);
		await running();
		child.kill('SIGTERM');
		await waitFor(() => messages().includes('shutting down: SIGTERM'), 'the drain to start', 5000);
		await new Promise((resolve) => setTimeout(resolve, 1200));
		child.kill('SIGINT');
		expect(await exited).toBe(130);
		expect(messages()).toEqual(['child running', 'shutting down: SIGTERM', 'SIGINT again: exiting now, without finishing the shutdown']);
	}, 30_000);

	it('drains when the supervisor that started it over IPC is gone', async () => {
		const { child, exited, messages, running } = startChild(100, true);
		await running();
		child.disconnect();
		expect(await exited).toBe(0);
		expect(messages()).toEqual(['child running', 'shutting down: the supervisor is gone', 'shutdown complete']);
	}, 30_000);
});
