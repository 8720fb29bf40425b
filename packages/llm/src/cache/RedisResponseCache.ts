import { type Keyspace, LuaScript, type RedisClient } from '@charbot/core';
import { Cluster } from 'ioredis';
import { z } from 'zod';
import { cacheShardBound, cacheShardCount, cacheShardOf, maxCacheShards } from './cacheShards.js';
import type { CachedOrLocked, CachedResponse, CacheLock, CacheScope, LockHandover, ResponseCache } from './ResponseCache.js';

/** Options of {@link RedisResponseCache}. */
export interface RedisResponseCacheOptions {
	/** A `cache`-role connection (fails fast), usually to KeyDB, or a Redis Cluster client. */
	readonly redis: RedisClient;
	/** Builds the keys, e.g. `charbot:llm_response:...`. */
	readonly keys: Keyspace;
	readonly ttlSeconds: number;
	/** Most entries kept; the least recently used are evicted past it. */
	readonly maxSize: number;
}

const cachedResponseSchema = z.object({
	text: z.string(),
	model: z.string(),
	host: z.string(),
	promptTokens: z.number(),
	evalTokens: z.number(),
	doneReason: z.string(),
	generationTimeMs: z.number(),
	cachedAt: z.number(),
});

// Stores the entry, notes its use and model, and takes the least recently used of its shard out of the index past the
// shard's bound, adding their keys to `evicted` for the caller to delete: a script touches only the keys it is given, so it runs on
// a Redis Cluster (every key here carries the shard's hash tag). The bound is ours, not the server's maxmemory policy, so
// it also holds on a noeviction server. The index lives as long as its newest entry. KEYS: entry, LRU, models; ARGV:
// entry, TTL s, now, bound, model.
const storeEntryLua = `
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], KEYS[1])
redis.call('HSET', KEYS[3], KEYS[1], ARGV[5])
redis.call('EXPIRE', KEYS[2], ARGV[2])
redis.call('EXPIRE', KEYS[3], ARGV[2])
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
if excess > 0 then
  local popped = redis.call('ZPOPMIN', KEYS[2], excess)
  for i = 1, #popped, 2 do
    redis.call('HDEL', KEYS[3], popped[i])
    evicted[#evicted + 1] = popped[i]
  end
end
`;

// One round trip: the store; returns the evicted keys.
const setScript = new LuaScript(`
local evicted = {}
${storeEntryLua}
return evicted
`);

// A lookup that takes the coalescing lock on a miss, one round trip. KEYS: entry, LRU, models, lock (all of one shard);
// ARGV: now, token, lock ms. Returns {1, entry} on a hit, {0, 1} when the lock was taken, {0, 0} when another request
// holds it.
const getOrLockScript = new LuaScript(`
local raw = redis.call('GET', KEYS[1])
if raw then
  redis.call('ZADD', KEYS[2], 'XX', ARGV[1], KEYS[1])
  return {1, raw}
end
if redis.call('ZREM', KEYS[2], KEYS[1]) == 1 then redis.call('HDEL', KEYS[3], KEYS[1]) end
if redis.call('SET', KEYS[4], ARGV[2], 'PX', ARGV[3], 'NX') then return {0, 1} end
return {0, 0}
`);

// The store (unless ARGV[1] is ''), the hand-over and the lock's release if it is still ours, one round trip; returns
// the evicted keys. KEYS: entry, LRU, models, lock, hand-over (all of one shard); ARGV: the store's five, token,
// hand-over, hand-over ms.
const setAndReleaseScript = new LuaScript(`
local evicted = {}
if ARGV[1] ~= '' then
${storeEntryLua}
end
redis.call('SET', KEYS[5], ARGV[7], 'PX', ARGV[8])
if redis.call('GET', KEYS[4]) == ARGV[6] then redis.call('DEL', KEYS[4]) end
return evicted
`);

/**
 * The response cache in KeyDB/Redis or a Redis Cluster, with a TTL and a least-recently-used size bound. Entries are
 * split over shards (see {@link cacheShardCount}) by a stable hash of their key, each shard with its own LRU index and
 * models hash under its hash tag, bounded so the shards' bounds add up to `maxSize`.
 */
export class RedisResponseCache implements ResponseCache {
	/** How many shards entries and coalescing locks are spread over. */
	public readonly shards: number;

	public constructor(private readonly options: RedisResponseCacheOptions) {
		this.shards = cacheShardCount(options.maxSize);
	}

	public get connection(): RedisClient {
		return this.options.redis;
	}

	public async get(key: string): Promise<CachedResponse | undefined> {
		const { redis, keys } = this.options;
		const shard = cacheShardOf(key, this.shards);
		const fullKey = keys.llmResponse(key, shard);
		const raw = await redis.get(fullKey);
		if (raw === null) {
			// Expired by TTL: drop its bookkeeping so it doesn't count against the size bound.
			await redis.multi().zrem(keys.llmCacheLru(shard), fullKey).hdel(keys.llmCacheModels(shard), fullKey).exec();
			return undefined;
		}
		await redis.zadd(keys.llmCacheLru(shard), 'XX', Date.now(), fullKey);
		const parsed = cachedResponseSchema.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : undefined;
	}

	public async set(key: string, value: CachedResponse): Promise<void> {
		if (this.options.ttlSeconds <= 0) return;
		const shard = cacheShardOf(key, this.shards);
		const evicted = await setScript.run(this.options.redis, this.shardKeys(key, shard), this.storeArgs(value, shard));
		await this.deleteEvicted(evicted);
	}

	public async getOrLock(key: string, lock: CacheLock): Promise<CachedOrLocked> {
		const shard = cacheShardOf(key, this.shards);
		const [hit, reply] = (await getOrLockScript.run(
			this.options.redis,
			[...this.shardKeys(key, shard), lock.key],
			[String(Date.now()), lock.token, String(lock.ttlMs)],
		)) as [number, string | number];
		if (hit === 0) return { locked: reply === 1 };
		const parsed = cachedResponseSchema.safeParse(JSON.parse(String(reply)));
		if (parsed.success) return { cached: parsed.data };
		// An entry of another shape is a miss: the lock is taken by a call of its own, as a plain lookup's miss would lead to.
		return { locked: (await this.options.redis.set(lock.key, lock.token, 'PX', lock.ttlMs, 'NX')) === 'OK' };
	}

	public async setAndRelease(key: string, value: CachedResponse | undefined, lock: CacheLock, handover: LockHandover): Promise<void> {
		const shard = cacheShardOf(key, this.shards);
		const stored = value !== undefined && this.options.ttlSeconds > 0;
		const evicted = await setAndReleaseScript.run(
			this.options.redis,
			[...this.shardKeys(key, shard), lock.key, handover.key],
			[...(stored ? this.storeArgs(value, shard) : ['', '', '', '', '']), lock.token, handover.value, String(handover.ttlMs)],
		);
		await this.deleteEvicted(evicted);
	}

	public async clear(scope: CacheScope): Promise<number> {
		const { redis, keys } = this.options;
		let cleared = 0;
		const indexed = new Set<string>();
		// Every shard there may be, not only this cache's: entries stored under another CACHE_MAX_SIZE are cleared too.
		for (let shard = 0; shard < maxCacheShards; shard++) {
			const entries = await redis.hgetall(keys.llmCacheModels(shard));
			for (const key of Object.keys(entries)) indexed.add(key);
			const doomed = Object.entries(entries)
				.filter(([key, model]) => {
					if ('all' in scope) return true;
					if ('model' in scope) return model === scope.model;
					return key.split(':').at(-2) === scope.character;
				})
				.map(([key]) => key);
			for (let start = 0; start < doomed.length; start += 500) {
				const batch = doomed.slice(start, start + 500);
				// One shard's keys share a slot, so this transaction runs on a Redis Cluster too.
				await redis
					.multi()
					.del(...batch)
					.zrem(keys.llmCacheLru(shard), ...batch)
					.hdel(keys.llmCacheModels(shard), ...batch)
					.exec();
			}
			cleared += doomed.length;
		}
		if ('all' in scope) {
			// Entries whose bookkeeping was lost still carry the prefix: sweep them too, on every master of a cluster.
			const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
			for (const node of nodes) {
				for await (const found of node.scanStream({ match: keys.llmResponsePattern(), count: 500 }) as AsyncIterable<string[]>) {
					const orphans = found.filter((key) => !indexed.has(key));
					// Each on its own: orphans of different shards live in different slots.
					await Promise.all(orphans.map((key) => redis.del(key)));
					cleared += orphans.length;
				}
			}
		}
		return cleared;
	}

	public async size(): Promise<number> {
		const { redis, keys } = this.options;
		const counts = await Promise.all(Array.from({ length: this.shards }, (_, shard) => redis.zcard(keys.llmCacheLru(shard))));
		return counts.reduce((sum, count) => sum + count, 0);
	}

	public async ping(): Promise<boolean> {
		try {
			return (await this.options.redis.ping()) === 'PONG';
		} catch {
			return false;
		}
	}

	/** The entry, LRU index and models hash of `key` in `shard`: the KEYS every script starts with. */
	private shardKeys(key: string, shard: number): string[] {
		const { keys } = this.options;
		return [keys.llmResponse(key, shard), keys.llmCacheLru(shard), keys.llmCacheModels(shard)];
	}

	private storeArgs(value: CachedResponse, shard: number): string[] {
		const bound = cacheShardBound(this.options.maxSize, this.shards, shard);
		return [JSON.stringify(value), String(this.options.ttlSeconds), String(Date.now()), String(bound), value.model];
	}

	/** Deletes what a store took out of its shard's index (one shard's keys, so one slot). */
	private async deleteEvicted(evicted: unknown): Promise<void> {
		const doomed = z.array(z.string()).parse(evicted);
		if (doomed.length > 0) await this.options.redis.del(...doomed);
	}
}
