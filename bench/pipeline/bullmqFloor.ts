// The floor under the pipeline's overhead: bare BullMQ carrying an empty job through three queues (the platform's
// route → review → deliver), in one process, with the platform's job options and worker concurrency, on its own
// redis-server. Run as a child of the overhead bench (`measureBullmqFloor`), which reads the JSON it prints last.
import { setTimeout as sleep } from 'node:timers/promises';
import { DefaultJobOptions } from '@charbot/contracts';
import { createRedisConnection, waitForRedisReady } from '@charbot/core';
import { startRedisServer } from '@charbot/testkit';
import { Queue, Worker } from 'bullmq';
import { percentile } from '../benchReport.js';
import { bullmqScriptNames } from './bullmqScriptNames.js';
import { floorKeptUp } from './measureBullmqFloor.js';
import { recordRedisCommands } from './overheadRedisByApp.js';
import { diffRedisUsage, readRedisUsage } from './overheadRedisUsage.js';
import { sendAtRate } from './sendAtRate.js';

const concurrency = Number(process.env.FLOOR_CONCURRENCY ?? 64);
const fixedRate = Number(process.env.FLOOR_FIXED_RATE ?? 200);
const fixedMs = Number(process.env.FLOOR_FIXED_MS ?? 15_000);
const stepRates = (process.env.FLOOR_STEP_RATES ?? '200,400,700,1000,1400,2000,3000,4000').split(',').map(Number);
const stepMs = Number(process.env.FLOOR_STEP_MS ?? 8000);
const profileRate = 100;
const profileMs = 2000;

const redis = await startRedisServer({ appendOnly: true });
const producer = createRedisConnection({ url: redis.url, role: 'producer' });
await waitForRedisReady(producer);
const prefix = '{floor}';
const names = ['floor-route', 'floor-review', 'floor-deliver'] as const;
const queues = names.map((name) => new Queue(name, { connection: producer, prefix, defaultJobOptions: DefaultJobOptions }));
const sentAt = new Map<number, number>();
const doneAt = new Map<number, number>();
const workers = names.map(
	(name, index) =>
		new Worker(
			name,
			async (job) => {
				const next = queues[index + 1];
				const number = (job.data as { n: number }).n;
				if (next) await next.add('hop', job.data, { jobId: `${job.id}-${index + 1}` });
				else doneAt.set(number, performance.now());
			},
			{ connection: createRedisConnection({ url: redis.url, role: 'worker' }), prefix, concurrency },
		),
);
let next = 0;
const send = (): number => {
	const number = next;
	next += 1;
	sentAt.set(number, performance.now());
	void (queues[0] as Queue).add('hop', { n: number }, { jobId: `m${number}` });
	return number;
};
const cpuSeconds = (): number => {
	const usage = process.cpuUsage();
	return (usage.user + usage.system) / 1e6;
};

async function run(rate: number, durationMs: number) {
	const numbers: number[] = [];
	const cpuBefore = cpuSeconds();
	const redisBefore = await readRedisUsage(producer);
	const sender = await sendAtRate({ ratePerSecond: rate, durationMs, send: () => numbers.push(send()) });
	const sendEnd = sender.startedAt + sender.elapsedMs;
	const cpu = cpuSeconds() - cpuBefore;
	const deadline = performance.now() + 30_000;
	while (numbers.some((number) => !doneAt.has(number)) && performance.now() < deadline) await sleep(20);
	const redisDelta = diffRedisUsage(redisBefore, await readRedisUsage(producer));
	const latencies = numbers.flatMap((number) => {
		const done = doneAt.get(number);
		return done === undefined ? [] : [done - (sentAt.get(number) as number)];
	});
	const delivered = numbers.filter((number) => (doneAt.get(number) ?? Number.POSITIVE_INFINITY) <= sendEnd).length;
	const drained = Math.max(...numbers.map((number) => doneAt.get(number) ?? Number.POSITIVE_INFINITY)) - sendEnd;
	return {
		rate,
		messages: numbers.length,
		answered: latencies.length,
		p50Ms: percentile(latencies, 0.5),
		p99Ms: percentile(latencies, 0.99),
		deliveredPerSecond: delivered / (sender.elapsedMs / 1000),
		drainMs: Number.isFinite(drained) ? Math.max(0, drained) : null,
		processCpuMsPerMessage: (cpu * 1000) / numbers.length,
		redisCpuMsPerMessage: (redisDelta.cpuSeconds * 1000) / numbers.length,
		redisCallsPerMessage: redisDelta.totalCalls / numbers.length,
	};
}

try {
	await run(profileRate, 3000);
	const recorder = await recordRedisCommands(redis.url, new Map([[process.pid, 'bare BullMQ']]), bullmqScriptNames());
	const profiled = await run(profileRate, profileMs);
	const traffic = (await recorder.stop()).byProcess.get('bare BullMQ');
	const sentCommands = [...(traffic?.sent.values() ?? [])].reduce((sum, calls) => sum + calls, 0);
	const steps = [];
	for (const rate of stepRates) {
		const step = await run(rate, stepMs);
		steps.push(step);
		const keptUp = floorKeptUp(step);
		process.stderr.write(
			`floor step ${rate}/s: delivered ${step.deliveredPerSecond.toFixed(0)}/s p99 ${step.p99Ms.toFixed(1)} ms ${keptUp ? 'kept up' : 'fell behind'}\n`,
		);
		if (!keptUp) break;
		await sleep(500);
	}
	const fixed = await run(fixedRate, fixedMs);
	process.stdout.write(
		`${JSON.stringify({
			concurrency,
			fixed,
			steps,
			sentPerMessage: sentCommands / profiled.messages,
			innerPerMessage: (traffic?.innerCommands ?? 0) / profiled.messages,
		})}\n`,
	);
} finally {
	await Promise.all(workers.map((worker) => worker.close()));
	await Promise.all(queues.map((queue) => queue.close()));
	producer.disconnect();
	await redis.close();
}
process.exit(0);
