import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One redis-benchmark test and its throughput. */
export interface RedisBenchmarkRow {
	readonly test: string;
	/** Commands sent per request batch (`-P`); 1 is one round trip per command. */
	readonly pipeline: number;
	readonly opsPerSecond: number;
	readonly p50Ms: number;
}

/** A script like BullMQ's, small: three commands in one EVAL round trip. */
const scriptArgs = [
	'eval',
	"redis.call('incr', KEYS[1]); redis.call('hset', KEYS[2], 'f', ARGV[1]); redis.call('expire', KEYS[2], 60); return 1",
	'2',
	'bench:counter',
	'bench:hash',
	'v',
];

/**
 * Runs Debian's redis-benchmark against a server: SET, GET, LPUSH, RPOP, ZADD with 50 clients, one command per round
 * trip (`requests` each) and pipelined 16 deep (8x as many), plus an EVAL of a three-command script (BullMQ moves jobs with Lua scripts).
 */
export async function runRedisBenchmark(port: number, requests: number): Promise<RedisBenchmarkRow[]> {
	const base = ['-h', '127.0.0.1', '-p', String(port), '-q', '--csv', '-c', '50'];
	const rows: RedisBenchmarkRow[] = [];
	for (const pipeline of [1, 16]) {
		// Pipelined runs are ~15x faster; more requests keep them long enough to measure.
		const count = String(requests * (pipeline === 1 ? 1 : 8));
		const { stdout } = await run('redis-benchmark', [...base, '-n', count, '-P', String(pipeline), '-t', 'set,get,lpush,rpop,zadd'], { maxBuffer: 1 << 20 });
		rows.push(...parseCsv(stdout, pipeline));
	}
	const { stdout } = await run('redis-benchmark', [...base, '-n', String(requests), ...scriptArgs], { maxBuffer: 1 << 20 });
	rows.push(...parseCsv(stdout, 1).map((row) => ({ ...row, test: 'EVAL (3-command script)' })));
	return rows;
}

function parseCsv(stdout: string, pipeline: number): RedisBenchmarkRow[] {
	// "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms",...; a custom command's name may hold commas.
	return [...stdout.matchAll(/^"(.*?)","([\d.]+)","[\d.]+","[\d.]+","([\d.]+)"(?:,"[\d.]+")*\s*$/gm)].map((match) => ({
		test: (match[1] ?? '').split(' ')[0] ?? '',
		pipeline,
		opsPerSecond: Number(match[2]),
		p50Ms: Number(match[3]),
	}));
}
