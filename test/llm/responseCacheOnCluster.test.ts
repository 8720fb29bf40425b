import { createHash } from 'node:crypto';
import { Keyspace } from '@charbot/core';
import { type LlmPool, RedisResponseCache } from '@charbot/llm';
import type { OllamaSim } from '@charbot/ollama-sim';
import { type RedisCluster, startRedisCluster, uniquePrefix, waitFor } from '@charbot/testkit';
import { Cluster } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chatRequests, settingsFor, startPool, startSims } from './llmFixtures.js';

// The response cache and the coalescing lock on a real Redis Cluster (3 masters, 3 replicas): every script's keys must
// share a slot, the bound and the admin sweeps must cover every shard, and a killed master must cost neither a request
// nor coalescing once its replica took over.
let cluster: RedisCluster;
const clients: Cluster[] = [];
const pools: LlmPool[] = [];
const sims: OllamaSim[] = [];

// 1,024 entries split into 16 shards of 64.
const maxSize = 1024;

beforeAll(async () => {
	cluster = await startRedisCluster();
}, 60_000);
afterAll(async () => {
	await cluster?.close();
});
afterEach(async () => {
	await Promise.all(pools.splice(0).map((pool) => pool.close()));
	for (const client of clients.splice(0)) client.disconnect();
	await Promise.all(sims.splice(0).map((sim) => sim.close()));
});

/** A cluster client with the cache role's fail-fast rules, as a cache connection to a cluster must be built. */
async function cacheClient(): Promise<Cluster> {
	const client = new Cluster([...cluster.startupNodes], {
		enableOfflineQueue: false,
		clusterRetryStrategy: () => 100,
		redisOptions: { maxRetriesPerRequest: 0, commandTimeout: 500, connectTimeout: 2000 },
	});
	client.on('error', () => {});
	clients.push(client);
	await new Promise<void>((resolve, reject) => {
		client.once('ready', resolve);
		client.once('end', () => reject(new Error('the cluster client gave up connecting')));
	});
	return client;
}

function newCache(client: Cluster, prefix: string): RedisResponseCache {
	return new RedisResponseCache({ redis: client, keys: new Keyspace(prefix), ttlSeconds: 3600, maxSize });
}

/** Every cached response key of `prefix`, by the port of the master that holds it. */
function responseKeysByMaster(client: Cluster, prefix: string): Promise<Map<number, string[]>> {
	return keysByMaster(client, new Keyspace(prefix).llmResponsePattern());
}

/** The keys matching `pattern`, by the port of the master that holds them. */
async function keysByMaster(client: Cluster, pattern: string): Promise<Map<number, string[]>> {
	const byMaster = new Map<number, string[]>();
	for (const node of client.nodes('master')) {
		const found: string[] = [];
		for await (const keys of node.scanStream({ match: pattern, count: 500 }) as AsyncIterable<string[]>) found.push(...keys);
		if (found.length > 0) byMaster.set(Number(node.options.port), found);
	}
	return byMaster;
}

const answer = (index: number, model: string): Parameters<RedisResponseCache['set']>[1] => ({
	text: `answer ${index}`,
	model,
	host: 'http://sim',
	promptTokens: 1,
	evalTokens: 1,
	doneReason: 'stop',
	generationTimeMs: 1,
	cachedAt: Date.now(),
});

async function poolOn(client: Cluster, prefix: string): Promise<LlmPool> {
	const pool = await startPool({ settings: settingsFor(sims), cache: newCache(client, prefix), coalescingRedis: client, keyPrefix: prefix });
	pools.push(pool);
	return pool;
}

describe('response cache on a Redis Cluster', () => {
	it('stores and hits entries spread over every master', async () => {
		sims.push(...(await startSims(1)));
		const client = await cacheClient();
		const prefix = uniquePrefix('cc');
		const pool = await poolOn(client, prefix);
		const prompts = Array.from({ length: 48 }, (_, index) => `question number ${index}`);
		for (const prompt of prompts) expect((await pool.generate({ prompt, character: 'lois' })).cacheHit).toBe(false);
		for (const prompt of prompts) expect((await pool.generate({ prompt, character: 'lois' })).cacheHit).toBe(true);
		expect(chatRequests(sims[0] as OllamaSim)).toBe(48);
		const byMaster = await responseKeysByMaster(client, prefix);
		expect(byMaster.size).toBe(3);
		expect([...byMaster.values()].flat()).toHaveLength(48);
		expect(await pool.health()).toMatchObject({ cache: { enabled: true, ok: true, entries: 48 } });
	});

	it('holds the LRU bound across shards, each shard evicting its own least recently used', async () => {
		const client = await cacheClient();
		const prefix = uniquePrefix('cc');
		const cache = newCache(client, prefix);
		expect(cache.shards).toBe(16);
		const stored = 1500;
		// One at a time, so last use follows the numbering (zero-padded: equal milliseconds pop by name).
		for (let index = 0; index < stored; index++) await cache.set(`llm_response:p${String(index).padStart(5, '0')}:lois:s`, answer(index, 'm'));
		expect(await cache.size()).toBe(maxSize);
		const keys = [...(await responseKeysByMaster(client, prefix)).values()].flat();
		expect(keys).toHaveLength(maxSize);

		// Per shard, the survivors are its 64 newest. The shard of a key is the first 32 bits of its SHA-1 modulo 16: it must
		// never change, or every deployment's cached answers would be lost on upgrade.
		const shardOf = (key: string) => createHash('sha1').update(key).digest().readUInt32BE(0) % 16;
		for (const key of keys)
			expect(key).toBe(new Keyspace(prefix).llmResponse(key.slice(key.indexOf('llm_response:')), shardOf(key.slice(key.indexOf('llm_response:')))));
		const survivors = new Set(keys);
		const byShard = new Map<number, boolean[]>();
		for (let index = 0; index < stored; index++) {
			const key = `llm_response:p${String(index).padStart(5, '0')}:lois:s`;
			const shard = shardOf(key);
			byShard.set(shard, [...(byShard.get(shard) ?? []), survivors.has(new Keyspace(prefix).llmResponse(key, shard))]);
		}
		expect(byShard.size).toBe(16);
		for (const [shard, kept] of byShard) {
			// In storing order: evicted ones first, then exactly the last 64.
			expect(kept.slice(-64).every(Boolean), `shard ${shard} keeps its 64 newest`).toBe(true);
			expect(kept.slice(0, -64).some(Boolean), `shard ${shard} evicted all its older ones`).toBe(false);
			expect(await client.zcard(new Keyspace(prefix).llmCacheLru(shard))).toBe(64);
			expect(await client.hlen(new Keyspace(prefix).llmCacheModels(shard))).toBe(64);
		}
		// A hit makes an old entry the newest of its shard: it outlives the next store there.
		const oldest = keys.map((key) => key.slice(key.indexOf('llm_response:'))).sort()[0] as string;
		expect(await cache.get(oldest)).toMatchObject({ model: 'm' });
		let next = stored;
		let sameShard: string;
		do sameShard = `llm_response:p${String(next++).padStart(5, '0')}:lois:s`;
		while (shardOf(sameShard) !== shardOf(oldest));
		await cache.set(sameShard, answer(next, 'm'));
		expect(await cache.get(oldest)).toBeDefined();
		expect(await cache.size()).toBe(maxSize);
		// A plain lookup's miss tidies its shard's index in one transaction, which a cluster takes (one slot).
		expect(await cache.get('llm_response:absent:lois:s')).toBeUndefined();
	});

	it('clears by model, by character and all, emptying every shard on every master', async () => {
		const client = await cacheClient();
		const prefix = uniquePrefix('cc');
		const keys = new Keyspace(prefix);
		const cache = newCache(client, prefix);
		for (let index = 0; index < 300; index++) {
			await cache.set(`llm_response:q${index}:${index % 3 === 0 ? 'peter' : 'lois'}:s`, answer(index, index % 2 === 0 ? 'small' : 'large'));
		}
		expect((await responseKeysByMaster(client, prefix)).size).toBe(3);
		expect(await cache.clear({ model: 'small' })).toBe(150);
		expect(await cache.clear({ character: 'peter' })).toBe(50);
		const left = [...(await responseKeysByMaster(client, prefix)).values()].flat();
		expect(left).toHaveLength(100);
		for (let shard = 0; shard < 16; shard++) {
			const models = Object.values(await client.hgetall(keys.llmCacheModels(shard)));
			expect(models.every((model) => model === 'large')).toBe(true);
		}
		expect(left.every((key) => !key.includes(':peter:'))).toBe(true);
		expect(await cache.size()).toBe(100);

		// An entry whose index was lost is swept by clear-all too, wherever its shard lives.
		await client.set(keys.llmResponse('llm_response:orphan:lois:s', 7), 'stray', 'EX', 60);
		expect(await cache.clear({ all: true })).toBe(101);
		expect((await responseKeysByMaster(client, prefix)).size).toBe(0);
		expect(await cache.size()).toBe(0);
		for (let shard = 0; shard < 16; shard++) {
			expect(await client.exists(keys.llmCacheLru(shard), keys.llmCacheModels(shard))).toBe(0);
		}
	});
});

describe('coalescing on a Redis Cluster', () => {
	it('makes one upstream call for identical concurrent requests across two pools, for requests on every master', async () => {
		sims.push(...(await startSims(1, { tokensPerSecond: 100, replyTokens: 30 })));
		const prefix = uniquePrefix('co');
		const [a, b] = await Promise.all([cacheClient().then((client) => poolOn(client, prefix)), cacheClient().then((client) => poolOn(client, prefix))]);
		const prompts = Array.from({ length: 6 }, (_, index) => `everyone asks question ${index} at once`);
		const results = await Promise.all(
			prompts.flatMap((prompt) => [...Array.from({ length: 5 }, () => a.generate({ prompt })), ...Array.from({ length: 5 }, () => b.generate({ prompt }))]),
		);
		expect(chatRequests(sims[0] as OllamaSim)).toBe(prompts.length);
		expect(results.filter((result) => !result.coalesced && !result.cacheHit)).toHaveLength(prompts.length);
		expect(new Set(results.map((result) => result.text)).size).toBe(prompts.length);
		// The locks' hand-overs sit with their entries, spread over the masters.
		const handovers = await keysByMaster(clients[0] as Cluster, `${prefix}:{llm:*}:llm_inflight_result:*`);
		expect([...handovers.values()].flat()).toHaveLength(prompts.length);
		expect(handovers.size).toBeGreaterThan(1);
	});

	it('answers every request while a master is down, and coalesces again once its replica took over', async () => {
		sims.push(...(await startSims(1, { tokensPerSecond: 100, replyTokens: 30 })));
		const sim = sims[0] as OllamaSim;
		const prefix = uniquePrefix('fo');
		const [clientA, clientB] = await Promise.all([cacheClient(), cacheClient()]);
		const [a, b] = await Promise.all([poolOn(clientA, prefix), poolOn(clientB, prefix)]);
		const request = { prompt: 'asked across a failover', character: 'peter' };
		const { promptHash } = await a.generate(request);
		const entryKey = [...(await responseKeysByMaster(clientA, prefix)).values()].flat().find((key) => key.includes(promptHash)) as string;
		const master = await cluster.masterOf(entryKey);
		const identical = () => Promise.all([...Array.from({ length: 5 }, () => a.generate(request)), ...Array.from({ length: 5 }, () => b.generate(request))]);

		await master.stop({ crash: true });
		// The entry's slot has no master: the cache is bypassed, but every request is answered, and soon.
		const started = Date.now();
		const during = await identical();
		expect(during.every((result) => result.text.length > 0)).toBe(true);
		expect(Date.now() - started).toBeLessThan(5000);
		expect(a.snapshot().cacheErrors + b.snapshot().cacheErrors).toBeGreaterThan(0);

		await waitFor(async () => (await cluster.masterOf(entryKey).catch(() => master)).port !== master.port, 'a replica promoted', 20_000);
		await cluster.waitHealthy();
		const promoted = await cluster.masterOf(entryKey);
		// Both clients find the slot's new master (their slot maps refresh by themselves).
		await waitFor(
			async () =>
				(
					await Promise.all(
						[clientA, clientB].map((client) =>
							client.del(entryKey).then(
								() => true,
								() => false,
							),
						),
					)
				).every(Boolean),
			'both clients reaching the promoted master',
			20_000,
		);

		const before = chatRequests(sim);
		const after = await identical();
		expect(chatRequests(sim) - before).toBe(1);
		expect(after.filter((result) => !result.coalesced && !result.cacheHit)).toHaveLength(1);
		expect(new Set(after.map((result) => result.text)).size).toBe(1);
		// The lock and its hand-over were on the promoted master, next to the entry.
		const handover = [...(await keysByMaster(clientA, `${prefix}:{llm:*}:llm_inflight_result:*`)).values()]
			.flat()
			.find((key) => key.includes(promptHash)) as string;
		expect((await cluster.masterOf(handover)).port).toBe(promoted.port);
		expect((await a.generate(request)).cacheHit).toBe(true);
	}, 60_000);
});
