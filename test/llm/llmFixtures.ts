import { createLogger, createRedisConnection, Keyspace, type Logger, waitForRedisReady } from '@charbot/core';
import { LlmPool, type LlmPoolOptions, type LlmSettings, RedisResponseCache } from '@charbot/llm';
import { type OllamaSim, type OllamaSimOptions, startOllamaSim } from '@charbot/ollama-sim';
import { uniquePrefix } from '@charbot/testkit';
import type { Redis } from 'ioredis';

/** A silent logger for tests. */
export const testLogger: Logger = createLogger({ name: 'test', level: 'silent', format: 'json' });

/** The model every simulator serves by default. */
export const model = 'llama3.2:1b';

/** Starts `count` simulators with fast, warm defaults. */
export function startSims(count: number, options: OllamaSimOptions = {}): Promise<OllamaSim[]> {
	return Promise.all(
		Array.from({ length: count }, (_, index) =>
			startOllamaSim({
				name: `sim-${index}`,
				models: [model],
				preloaded: true,
				tokensPerSecond: 2000,
				timeToFirstTokenMs: 5,
				replyTokens: 12,
				numParallel: 4,
				...options,
			}),
		),
	);
}

/** Pool settings over the given simulators. */
export function settingsFor(sims: readonly OllamaSim[], overrides: Partial<LlmSettings> = {}): LlmSettings {
	return {
		hosts: sims.map((sim) => ({ url: sim.url, weight: 1, labels: [] })),
		roles: { chat: { model }, judge: { model }, escalation: { model } },
		requestTimeoutMs: 10_000,
		maxParallelPerHost: 4,
		cacheTtlSeconds: 3600,
		cacheMaxSize: 1000,
		healthIntervalMs: 30_000,
		...overrides,
	};
}

/** A started pool; close it after. */
export async function startPool(options: Omit<LlmPoolOptions, 'logger'> & { logger?: Logger }): Promise<LlmPool> {
	const pool = new LlmPool({ logger: testLogger, warmUp: false, allowSimulated: true, ...options });
	await pool.start();
	return pool;
}

/** A Redis-backed response cache in its own namespace. */
export async function redisCache(
	url: string,
	options: { ttlSeconds?: number; maxSize?: number; prefix?: string } = {},
): Promise<{ cache: RedisResponseCache; redis: Redis; prefix: string }> {
	const redis = createRedisConnection({ url, role: 'cache', logger: testLogger });
	await waitForRedisReady(redis);
	const prefix = options.prefix ?? uniquePrefix('cache');
	return {
		cache: new RedisResponseCache({ redis, keys: new Keyspace(prefix), ttlSeconds: options.ttlSeconds ?? 3600, maxSize: options.maxSize ?? 1000 }),
		redis,
		prefix,
	};
}

/** Chat requests a simulator received. */
export function chatRequests(sim: OllamaSim): number {
	return sim.stats().requests.byEndpoint['/api/chat'] ?? 0;
}
