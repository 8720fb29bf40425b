import { createRedisConnection, Keyspace, waitForRedisReady } from '@charbot/core';
import { generateObject, type LlmPool, RequestCoalescer } from '@charbot/llm';
import type { OllamaSim } from '@charbot/ollama-sim';
import { type RedisServer, startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chatRequests, model, redisCache, settingsFor, startPool, startSims, testLogger } from './llmFixtures.js';

let redis: RedisServer;
const sims: OllamaSim[] = [];
const pools: LlmPool[] = [];
const connections: Redis[] = [];

beforeAll(async () => {
	redis = await startRedisServer({ maxmemoryPolicy: 'allkeys-lru' });
});
afterAll(async () => {
	await redis?.close();
});
afterEach(async () => {
	await Promise.all(pools.splice(0).map((pool) => pool.close()));
	for (const connection of connections.splice(0)) connection.disconnect();
	await Promise.all(sims.splice(0).map((sim) => sim.close()));
});

async function cachedPool(options: { ttlSeconds?: number; maxSize?: number } = {}) {
	sims.push(...(await startSims(1)));
	const { cache, redis: connection, prefix } = await redisCache(redis.url, options);
	connections.push(connection);
	const pool = await startPool({
		settings: settingsFor(sims, { cacheTtlSeconds: options.ttlSeconds ?? 3600 }),
		cache,
		coalescingRedis: connection,
		keyPrefix: prefix,
	});
	pools.push(pool);
	return { pool, connection, prefix, sim: sims[0] as OllamaSim };
}

describe('response cache', () => {
	it('hits on an identical request and misses on a different one or with useCache false', async () => {
		const { pool, sim } = await cachedPool();
		const first = await pool.generate({ prompt: 'What is for dinner?', character: 'lois' });
		const second = await pool.generate({ prompt: 'What is for dinner?', character: 'lois' });
		expect(first.cacheHit).toBe(false);
		expect(second).toMatchObject({ cacheHit: true, text: first.text, promptHash: first.promptHash, host: first.host, attempts: 0 });
		expect(chatRequests(sim)).toBe(1);
		expect((await pool.generate({ prompt: 'What is for dinner?', character: 'peter' })).cacheHit).toBe(false);
		expect((await pool.generate({ prompt: 'What is for dinner?', character: 'lois', settings: { temperature: 0.2 } })).cacheHit).toBe(false);
		expect((await pool.generate({ prompt: 'What is for dinner?', character: 'lois', useCache: false })).cacheHit).toBe(false);
		expect(chatRequests(sim)).toBe(4);
		expect(pool.snapshot().cacheHitRate).toBeCloseTo(1 / 4);
	});

	it('looks up and takes the coalescing lock in one command, and stores, hands over and releases in one', async () => {
		const { pool, connection, prefix } = await cachedPool();
		// Redis learns both scripts here; from then on they go by SHA1, the script's text never sent again.
		await pool.generate({ prompt: 'Load the scripts, please.', character: 'brian' });
		const monitor = await connection.monitor();
		const sent: string[] = [];
		monitor.on('monitor', (_time: string, args: string[], source: string) => {
			// Commands a script runs show up with the source `lua`; the ones the pool sent come from its socket.
			if (source !== 'lua' && args.some((arg) => arg.startsWith(prefix))) sent.push(String(args[0]).toLowerCase());
		});
		const first = await pool.generate({ prompt: 'How many commands is an answer?', character: 'brian' });
		const second = await pool.generate({ prompt: 'How many commands is an answer?', character: 'brian' });
		await waitFor(() => sent.length >= 3, 'the monitor to show the commands');
		await new Promise((resolve) => setTimeout(resolve, 100));
		monitor.disconnect();
		expect([first.cacheHit, second.cacheHit]).toEqual([false, true]);
		expect(sent).toEqual(['evalsha', 'evalsha', 'evalsha']);
		expect(await connection.keys(`${prefix}:{llm:*}:llm_inflight:*`)).toEqual([]);
		expect(await connection.keys(`${prefix}:{llm:*}:llm_inflight_result:*`)).toHaveLength(2);
	});

	it('expires entries after the TTL', async () => {
		const { pool } = await cachedPool({ ttlSeconds: 1 });
		await pool.generate({ prompt: 'short-lived' });
		expect((await pool.generate({ prompt: 'short-lived' })).cacheHit).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 1200));
		expect((await pool.generate({ prompt: 'short-lived' })).cacheHit).toBe(false);
	});

	it('never caches truncated output', async () => {
		const { pool } = await cachedPool();
		const truncated = await pool.generate({ prompt: 'tell me everything', settings: { maxTokens: 3 } });
		expect(truncated.doneReason).toBe('length');
		expect((await pool.generate({ prompt: 'tell me everything', settings: { maxTokens: 3 } })).cacheHit).toBe(false);
	});

	it('clears all, by character and by model', async () => {
		const { pool } = await cachedPool();
		for (const character of ['peter', 'peter', 'stewie']) await pool.generate({ prompt: `hi ${Math.random()}`, character });
		await pool.generate({ prompt: 'keep me', character: 'brian' });
		expect(await pool.clearCache({ character: 'peter' })).toBe(2);
		expect((await pool.generate({ prompt: 'keep me', character: 'brian' })).cacheHit).toBe(true);
		expect(await pool.clearCache({ model: 'other-model' })).toBe(0);
		expect(await pool.clearCache({ model })).toBe(2);
		expect((await pool.generate({ prompt: 'keep me', character: 'brian' })).cacheHit).toBe(false);
		expect(await pool.clearCache({ all: true })).toBe(1);
	});

	it('stops serving answers of a model whose digest changed', async () => {
		const { pool, sim } = await cachedPool();
		await pool.generate({ prompt: 'same question' });
		expect((await pool.generate({ prompt: 'same question' })).cacheHit).toBe(true);
		sim.setModelDigest(model, 'sha256:0000000000000000000000000000000000000000000000000000000000000001');
		await pool.checkHealth();
		expect((await pool.generate({ prompt: 'same question' })).cacheHit).toBe(false);
	});

	it('keeps at most CACHE_MAX_SIZE entries, evicting the least recently used', async () => {
		const { pool, connection, prefix } = await cachedPool({ maxSize: 3 });
		for (const prompt of ['one', 'two', 'three']) await pool.generate({ prompt });
		expect((await pool.generate({ prompt: 'one' })).cacheHit).toBe(true);
		await pool.generate({ prompt: 'four' });
		// A cache this small is one shard: one exact least-recently-used order.
		expect(await connection.zcard(new Keyspace(prefix).llmCacheLru(0))).toBe(3);
		expect((await connection.keys(new Keyspace(prefix).llmResponsePattern())).length).toBe(3);
		expect((await pool.generate({ prompt: 'one' })).cacheHit).toBe(true);
		expect((await pool.generate({ prompt: 'two' })).cacheHit).toBe(false);
	});

	it('still answers when the cache server is down, and counts the errors', async () => {
		const down = await startRedisServer();
		sims.push(...(await startSims(1)));
		const { cache, redis: connection } = await redisCache(down.url);
		connections.push(connection);
		const pool = await startPool({ settings: settingsFor(sims), cache, coalescingRedis: connection });
		pools.push(pool);
		await down.stop({ crash: true });
		const started = Date.now();
		const result = await pool.generate({ prompt: 'is anyone there?' });
		expect(result.text.length).toBeGreaterThan(0);
		expect(Date.now() - started).toBeLessThan(3000);
		expect(pool.snapshot().cacheErrors).toBeGreaterThan(0);
		expect((await pool.health()).cache).toMatchObject({ enabled: true, ok: false });
		await down.close();
	});
});

describe('coalescing', () => {
	it('makes one upstream call for identical concurrent requests across two pool instances', async () => {
		sims.push(...(await startSims(1, { tokensPerSecond: 100, replyTokens: 30 })));
		const prefix = uniquePrefix('co');
		// Each pool coalesces on its cache's connection, as createConfiguredPool builds it: the lookup takes the lock.
		const make = async () => {
			const { cache, redis: connection } = await redisCache(redis.url, { prefix });
			connections.push(connection);
			const pool = await startPool({ settings: settingsFor(sims), cache, coalescingRedis: connection, keyPrefix: prefix });
			pools.push(pool);
			return pool;
		};
		const [a, b] = await Promise.all([make(), make()]);
		const request = { prompt: 'everyone asks this at once', character: 'peter' };
		const results = await Promise.all([...Array.from({ length: 5 }, () => a.generate(request)), ...Array.from({ length: 5 }, () => b.generate(request))]);
		expect(chatRequests(sims[0] as OllamaSim)).toBe(1);
		expect(new Set(results.map((result) => result.text)).size).toBe(1);
		expect(results.filter((result) => !result.coalesced && !result.cacheHit)).toHaveLength(1);
	});
});

describe('structured output', () => {
	it('returns an object validated against a zod schema', async () => {
		sims.push(...(await startSims(1)));
		const pool = await startPool({ settings: settingsFor(sims) });
		pools.push(pool);
		const verdict = z.object({ score: z.number().min(0).max(1), verdict: z.enum(['pass', 'fail']), reasons: z.array(z.string()) });
		const { object, result } = await generateObject(pool, verdict, { role: 'judge', prompt: 'Judge this reply.', useCache: false });
		expect(verdict.safeParse(object).success).toBe(true);
		expect(JSON.parse(result.text)).toEqual(object);
	});
});

describe('coalescing across processes when an owner dies', () => {
	it("keeps a live owner's lock alive past its TTL, and lets waiters take over soon after an owner dies", async () => {
		const connection = createRedisConnection({ url: redis.url, role: 'cache', logger: testLogger });
		await waitForRedisReady(connection);
		connections.push(connection);
		const prefix = uniquePrefix('lock');
		const owner = new RequestCoalescer({ redis: connection, keys: new Keyspace(prefix), lockTtlMs: 600 });
		const waiter = new RequestCoalescer({ redis: connection, keys: new Keyspace(prefix), lockTtlMs: 600 });
		const deadline = Date.now() + 20_000;
		let produced = 0;
		const slow = owner.run('alive', deadline, async () => {
			produced += 1;
			await new Promise((resolve) => setTimeout(resolve, 2000));
			return 'from the owner';
		});
		await new Promise((resolve) => setTimeout(resolve, 100));
		const joined = await waiter.run('alive', deadline, async () => {
			produced += 1;
			return 'from the waiter';
		});
		expect(await slow).toEqual({ value: 'from the owner', coalesced: false });
		expect(joined).toEqual({ value: 'from the owner', coalesced: true });
		expect(produced).toBe(1);

		// An owner that crashed: its lock is there and nobody renews it.
		await connection.set(new Keyspace(prefix).llmInflight('dead', 0), 'crashed-owner', 'PX', 600);
		const started = Date.now();
		expect(await waiter.run('dead', deadline, async () => 'taken over')).toEqual({ value: 'taken over', coalesced: false });
		expect(Date.now() - started).toBeLessThan(2000);
	});
});

describe('coalescing and cancellation', () => {
	it('a caller that aborts leaves alone: its twin still gets the answer from the one upstream call', async () => {
		const { pool, sim } = await cachedPool();
		await sim.setBehavior({ slowFactor: 20 });
		const request = { prompt: 'two people ask this, one gives up', character: 'lois' };
		const impatient = new AbortController();
		const first = pool.generate({ ...request, signal: impatient.signal });
		const second = pool.generate(request);
		setTimeout(() => impatient.abort(), 50);
		await expect(first).rejects.toMatchObject({ code: 'aborted' });
		const answer = await second;
		expect(answer.text.length).toBeGreaterThan(0);
		expect(answer.coalesced).toBe(true);
		expect(chatRequests(sim)).toBe(1);
	});

	it('cancels the upstream call when every caller has aborted', async () => {
		const { pool, sim } = await cachedPool();
		await sim.setBehavior({ slowFactor: 50 });
		const controllers = [new AbortController(), new AbortController()];
		const calls = controllers.map((controller) => pool.generate({ prompt: 'everyone gives up', signal: controller.signal }));
		await new Promise((resolve) => setTimeout(resolve, 100));
		for (const controller of controllers) controller.abort();
		for (const call of calls) await expect(call).rejects.toMatchObject({ code: 'aborted' });
		// The host sees the cancelled call end; only then is a retry ruled out.
		await waitFor(() => sim.stats().inFlight === 0, 'the upstream call to be cancelled');
		expect(chatRequests(sim)).toBe(1);
	});
});
