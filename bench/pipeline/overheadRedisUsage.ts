import type { Redis } from 'ioredis';

/** A reading of a redis-server's counters: calls per command (`INFO commandstats`) and main-thread CPU seconds (`INFO cpu`). */
export interface RedisUsage {
	readonly calls: ReadonlyMap<string, number>;
	readonly cpuSeconds: number;
}

/** What a redis-server did between two readings. */
export interface RedisUsageDelta {
	/** Every command call, those run inside Lua scripts (BullMQ's) included, as `INFO commandstats` counts them. */
	readonly totalCalls: number;
	/** EVAL/EVALSHA/FCALL calls: client round trips that each run a script. */
	readonly scriptCalls: number;
	/** Calls per command, most first. */
	readonly byCommand: readonly (readonly [string, number])[];
	readonly cpuSeconds: number;
}

const scriptCommands = new Set(['eval', 'evalsha', 'eval_ro', 'evalsha_ro', 'fcall', 'fcall_ro']);

/** Reads the counters; the two INFO calls themselves are left out of the figures. */
export async function readRedisUsage(redis: Redis): Promise<RedisUsage> {
	const [commandstats, cpu] = await Promise.all([redis.info('commandstats'), redis.info('cpu')]);
	const calls = new Map<string, number>();
	for (const match of commandstats.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls.set(match[1] as string, Number(match[2]));
	const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(cpu)?.[1] ?? Number.NaN);
	const main = field('used_cpu_sys_main_thread') + field('used_cpu_user_main_thread');
	return { calls, cpuSeconds: Number.isNaN(main) ? field('used_cpu_sys') + field('used_cpu_user') : main };
}

/** The difference between two readings, without the INFO calls that took them. */
export function diffRedisUsage(before: RedisUsage, after: RedisUsage): RedisUsageDelta {
	const byCommand: [string, number][] = [];
	for (const [command, calls] of after.calls) {
		const delta = calls - (before.calls.get(command) ?? 0) - (command === 'info' ? 2 : 0);
		if (delta > 0) byCommand.push([command, delta]);
	}
	byCommand.sort((left, right) => right[1] - left[1]);
	return {
		totalCalls: byCommand.reduce((sum, [, calls]) => sum + calls, 0),
		scriptCalls: byCommand.filter(([command]) => scriptCommands.has(command)).reduce((sum, [, calls]) => sum + calls, 0),
		byCommand,
		cpuSeconds: after.cpuSeconds - before.cpuSeconds,
	};
}
