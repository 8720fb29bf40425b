// The LLM layer's two shortcuts, measured side by side in one run against a real redis-server and
// simulated hosts: a response-cache hit next to a generation and a bare Redis GET, and 100 identical
// concurrent requests with coalescing (one process, and two processes sharing Redis) next to without.
import { createLogger, createRedisConnection, Keyspace, waitForRedisReady } from '@charbot/core';
import { LlmPool, RedisResponseCache } from '@charbot/llm';
import { type OllamaSim, startOllamaSim } from '@charbot/ollama-sim';
import { startRedisServer } from '@charbot/testkit';
import type { Redis } from 'ioredis';
import { describeMachine, percentile, reportTargets, writeResultsSection } from '../benchReport.js';

const model = 'llama3.2:1b';
const replyTokens = 30;
const tokensPerSecond = 100;
const cacheSamples = 2000;
const identicalRequests = 100;
const logger = createLogger({ name: 'bench', level: 'silent', format: 'json' });

interface CoalescingResult {
	readonly label: string;
	readonly upstream: number;
	readonly wallMs: number;
	readonly coalesced: number;
	readonly distinctTexts: number;
}

function openPool(sims: readonly OllamaSim[], redis: Redis | undefined, prefix: string): LlmPool {
	return new LlmPool({
		settings: {
			hosts: sims.map((sim) => ({ url: sim.url, weight: 1, labels: [], maxParallel: 4 })),
			roles: { chat: { model } },
			requestTimeoutMs: 60_000,
			maxParallelPerHost: 4,
			cacheTtlSeconds: 3600,
			cacheMaxSize: 100_000,
			healthIntervalMs: 1000,
		},
		logger,
		warmUp: false,
		allowSimulated: true,
		keyPrefix: prefix,
		...(redis ? { cache: new RedisResponseCache({ redis, keys: new Keyspace(prefix), ttlSeconds: 3600, maxSize: 100_000 }), coalescingRedis: redis } : {}),
	});
}

function upstreamChats(sims: readonly OllamaSim[]): number {
	return sims.reduce((sum, sim) => sum + (sim.stats().requests.byEndpoint['/api/chat'] ?? 0), 0);
}

async function timeEach(count: number, run: (index: number) => Promise<unknown>): Promise<number[]> {
	const samples: number[] = [];
	for (let index = 0; index < count; index += 1) {
		const started = performance.now();
		await run(index);
		samples.push(performance.now() - started);
	}
	return samples;
}

function describeSamples(samples: readonly number[]): string {
	return `${percentile(samples, 0.5).toFixed(2)} | ${percentile(samples, 0.95).toFixed(2)} | ${percentile(samples, 0.99).toFixed(2)}`;
}

async function runCoalescing(
	label: string,
	pools: readonly LlmPool[],
	sims: readonly OllamaSim[],
	useCache: boolean,
	prompt: string,
): Promise<CoalescingResult> {
	const before = upstreamChats(sims);
	const started = performance.now();
	const results = await Promise.all(
		Array.from({ length: identicalRequests }, (_, index) => (pools[index % pools.length] as LlmPool).generate({ prompt, character: 'peter', useCache })),
	);
	const wallMs = performance.now() - started;
	return {
		label,
		upstream: upstreamChats(sims) - before,
		wallMs,
		coalesced: results.filter((result) => result.coalesced).length,
		distinctTexts: new Set(results.map((result) => result.text)).size,
	};
}

async function main(): Promise<void> {
	const redisServer = await startRedisServer();
	const sims = await Promise.all(
		[1, 2].map((index) =>
			startOllamaSim({ name: `sim-${index}`, models: [model], preloaded: true, numParallel: 4, tokensPerSecond, replyTokens, timeToFirstTokenMs: 20 }),
		),
	);
	const connections = [0, 1].map(() => createRedisConnection({ url: redisServer.url, role: 'cache', logger }));
	await Promise.all(connections.map((connection) => waitForRedisReady(connection)));
	const [first, second] = connections as [Redis, Redis];
	const prefix = 'bench-llm';
	const pools = [openPool(sims, first, prefix), openPool(sims, second, prefix)];
	const uncached = openPool(sims, undefined, prefix);
	await Promise.all([...pools, uncached].map((pool) => pool.start()));
	const [pool] = pools as [LlmPool, LlmPool];

	// Cache: the same question asked again after its first answer was stored.
	await pool.generate({ prompt: 'What is the best beer?', character: 'peter' });
	let hitCount = 0;
	const hits = await timeEach(cacheSamples, async () => {
		if ((await pool.generate({ prompt: 'What is the best beer?', character: 'peter' })).cacheHit) hitCount += 1;
	});
	const redisGets = await timeEach(cacheSamples, () => first.get('bench-llm:a-key-that-does-not-exist'));
	const misses = await timeEach(20, (index) => pool.generate({ prompt: `A new question ${index}`, character: 'peter' }));

	const coalescing = [
		await runCoalescing('without coalescing (cache off)', [uncached], sims, false, 'Everyone asks this at once, part one'),
		await runCoalescing('coalescing, one process', [pool], sims, true, 'Everyone asks this at once, part two'),
		await runCoalescing('coalescing, two pools on their own Redis connections (as two processes)', pools, sims, true, 'Everyone asks this at once, part three'),
	];

	await Promise.all([...pools, uncached].map((each) => each.close()));
	for (const connection of connections) connection.disconnect();
	await Promise.all(sims.map((sim) => sim.close()));
	await redisServer.close();

	const hitP50 = percentile(hits, 0.5);
	const missP50 = percentile(misses, 0.5);
	const markdown = [
		'## LLM layer: cache hits and coalescing (`npm run bench:llm-cache`)',
		'',
		`Machine: ${describeMachine()}.`,
		'',
		`Two simulated hosts (4 slots each, ${replyTokens} tokens at ${tokensPerSecond} tok/s), a real redis-server, the pool as the router uses it. Cache: ${cacheSamples} sequential hits of one stored answer, next to ${cacheSamples} bare Redis GETs on the same connection and 20 generations (misses).`,
		'',
		'| request | p50 ms | p95 ms | p99 ms |',
		'| --- | --- | --- | --- |',
		`| cache hit (\`pool.generate\`) | ${describeSamples(hits)} |`,
		`| bare Redis GET (floor) | ${describeSamples(redisGets)} |`,
		`| generation (miss) | ${describeSamples(misses)} |`,
		'',
		`A hit costs ${(hitP50 / percentile(redisGets, 0.5)).toFixed(1)}x a bare GET and ${((hitP50 / missP50) * 100).toFixed(2)}% of a generation (${hitCount} of ${cacheSamples} timed requests were hits).`,
		'',
		`Coalescing: ${identicalRequests} identical requests sent at once.`,
		'',
		'| mode | upstream generations | wall time ms | answered by coalescing | distinct answers |',
		'| --- | --- | --- | --- | --- |',
		...coalescing.map((row) => `| ${row.label} | ${row.upstream} | ${row.wallMs.toFixed(0)} | ${row.coalesced} | ${row.distinctTexts} |`),
	].join('\n');
	writeResultsSection('llm-cache-coalescing', markdown);
	process.stdout.write(`${markdown}\n`);
	const [without, inProcess, acrossProcesses] = coalescing as [CoalescingResult, CoalescingResult, CoalescingResult];
	reportTargets('llm-cache-coalescing', [
		{ measure: 'cache hit p50 ÷ generation p50', target: '≤ 1 %', measured: `${((hitP50 / missP50) * 100).toFixed(2)} %`, met: hitP50 / missP50 <= 0.01 },
		{
			measure: `upstream generations for ${identicalRequests} identical concurrent requests (one process / two)`,
			target: '1 / 1',
			measured: `${inProcess.upstream} / ${acrossProcesses.upstream}`,
			met: inProcess.upstream === 1 && acrossProcesses.upstream === 1,
		},
	]);
	if (hitCount !== cacheSamples || inProcess.upstream !== 1 || acrossProcesses.upstream !== 1 || without.upstream !== identicalRequests) {
		console.error(
			`bench: expected 1 upstream generation with coalescing and ${identicalRequests} without, got ${inProcess.upstream}, ${acrossProcesses.upstream}, ${without.upstream}; ${hitCount} of ${cacheSamples} hits`,
		);
		process.exitCode = 1;
	}
}

await main();
