import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolveFromRoot } from '@charbot/core';
import { z } from 'zod';

const run = promisify(execFile);

const floorRunSchema = z.object({
	rate: z.number(),
	messages: z.number(),
	answered: z.number(),
	p50Ms: z.number(),
	p99Ms: z.number(),
	deliveredPerSecond: z.number(),
	drainMs: z.number().nullable(),
	processCpuMsPerMessage: z.number(),
	redisCpuMsPerMessage: z.number(),
	redisCallsPerMessage: z.number(),
});

const floorSchema = z.object({
	concurrency: z.number(),
	fixed: floorRunSchema,
	steps: z.array(floorRunSchema),
	sentPerMessage: z.number(),
	innerPerMessage: z.number(),
});

/** One load run of the bare-BullMQ floor. */
export type FloorRun = z.infer<typeof floorRunSchema>;
/** What the bare-BullMQ floor measured: a fixed rate, the steps up to the first it could not keep, and its Redis traffic. */
export type BullmqFloor = z.infer<typeof floorSchema>;

/** Whether a floor step kept up, by the overhead bench's rule. */
export function floorKeptUp(step: FloorRun): boolean {
	return step.deliveredPerSecond >= 0.95 * step.rate && step.p99Ms <= 1000 && step.drainMs !== null && step.drainMs <= 2000;
}

/** Runs `bullmqFloor.ts` in its own process (its own redis-server) at the given rates and reads what it printed. */
export async function measureBullmqFloor(options: {
	fixedRate: number;
	fixedMs: number;
	stepRates: readonly number[];
	stepMs: number;
	concurrency: number;
}): Promise<BullmqFloor> {
	const { stdout } = await run(process.execPath, ['--import', 'tsx', resolveFromRoot('bench/pipeline/bullmqFloor.ts')], {
		cwd: resolveFromRoot('.'),
		maxBuffer: 1 << 20,
		env: {
			...process.env,
			FLOOR_CONCURRENCY: String(options.concurrency),
			FLOOR_FIXED_RATE: String(options.fixedRate),
			FLOOR_FIXED_MS: String(options.fixedMs),
			FLOOR_STEP_RATES: options.stepRates.join(','),
			FLOOR_STEP_MS: String(options.stepMs),
		},
	});
	const last = stdout.trim().split('\n').at(-1) ?? '';
	return floorSchema.parse(JSON.parse(last));
}
