import { type Keyspace, LuaScript } from '@charbot/core';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { CachedOrLocked, CachedResponse, CacheLock, CacheScope, LockHandover, ResponseCache } from './ResponseCache.js';

/** Options of {@link RedisResponseCache}. */
export interface RedisResponseCacheOptions {
	/** A `cache`-role connection (fails fast), usually to KeyDB. */
	readonly redis: Redis;
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

// Stores the entry, notes its use and model, and evicts the least recently used past the bound. The bound is ours, not
// the server's maxmemory policy, so it also holds on a noeviction server. KEYS: entry, LRU, models; ARGV: entry, TTL s,
// now, bound, model.
const storeEntryLua = `
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], KEYS[1])
redis.call('HSET', KEYS[3], KEYS[1], ARGV[5])
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
if excess > 0 then
  local evicted = redis.call('ZPOPMIN', KEYS[2], excess)
  for i = 1, #evicted, 2 do
    redis.call('DEL', evicted[i])
    redis.call('HDEL', KEYS[3], evicted[i])
  end
end
`;

// One round trip: the store.
const setScript = new LuaScript(`${storeEntryLua}
return 1
`);

// A lookup that takes the coalescing lock on a miss, one round trip. KEYS: entry, LRU, models, lock; ARGV: now, token,
// lock ms. Returns {1, entry} on a hit, {0, 1} when the lock was taken, {0, 0} when another request holds it.
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

// The store (unless ARGV[1] is ''), the hand-over and the lock's release if it is still ours, one round trip. KEYS:
// entry, LRU, models, lock, hand-over; ARGV: the store's five, token, hand-over, hand-over ms.
const setAndReleaseScript = new LuaScript(`
if ARGV[1] ~= '' then
${storeEntryLua}
end
redis.call('SET', KEYS[5], ARGV[7], 'PX', ARGV[8])
if redis.call('GET', KEYS[4]) == ARGV[6] then redis.call('DEL', KEYS[4]) end
return 1
`);

/** The response cache in KeyDB/Redis, with a TTL and a least-recently-used size bound. */
export class RedisResponseCache implements ResponseCache {
	private readonly lruKey: string;
	private readonly modelsKey: string;

	public constructor(private readonly options: RedisResponseCacheOptions) {
		this.lruKey = options.keys.llmCacheLru();
		this.modelsKey = options.keys.llmCacheModels();
	}

	public get connection(): Redis {
		return this.options.redis;
	}

	public async get(key: string): Promise<CachedResponse | undefined> {
		const fullKey = this.fullKey(key);
		const raw = await this.options.redis.get(fullKey);
		if (raw === null) {
			// Expired by TTL: drop its bookkeeping so it doesn't count against the size bound.
			await this.options.redis.multi().zrem(this.lruKey, fullKey).hdel(this.modelsKey, fullKey).exec();
			return undefined;
		}
		await this.options.redis.zadd(this.lruKey, 'XX', Date.now(), fullKey);
		const parsed = cachedResponseSchema.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : undefined;
	}

	public async set(key: string, value: CachedResponse): Promise<void> {
		if (this.options.ttlSeconds <= 0) return;
		await setScript.run(
			this.options.redis,
			[this.fullKey(key), this.lruKey, this.modelsKey],
			[JSON.stringify(value), String(this.options.ttlSeconds), String(Date.now()), String(this.options.maxSize), value.model],
		);
	}

	public async getOrLock(key: string, lock: CacheLock): Promise<CachedOrLocked> {
		const fullKey = this.fullKey(key);
		const [hit, reply] = (await getOrLockScript.run(
			this.options.redis,
			[fullKey, this.lruKey, this.modelsKey, lock.key],
			[String(Date.now()), lock.token, String(lock.ttlMs)],
		)) as [number, string | number];
		if (hit === 0) return { locked: reply === 1 };
		const parsed = cachedResponseSchema.safeParse(JSON.parse(String(reply)));
		if (parsed.success) return { cached: parsed.data };
		// An entry of another shape is a miss: the lock is taken by a call of its own, as a plain lookup's miss would lead to.
		return { locked: (await this.options.redis.set(lock.key, lock.token, 'PX', lock.ttlMs, 'NX')) === 'OK' };
	}

	public async setAndRelease(key: string, value: CachedResponse | undefined, lock: CacheLock, handover: LockHandover): Promise<void> {
		const stored = value !== undefined && this.options.ttlSeconds > 0;
		await setAndReleaseScript.run(
			this.options.redis,
			[this.fullKey(key), this.lruKey, this.modelsKey, lock.key, handover.key],
			[
				stored ? JSON.stringify(value) : '',
				String(this.options.ttlSeconds),
				String(Date.now()),
				String(this.options.maxSize),
				value?.model ?? '',
				lock.token,
				handover.value,
				String(handover.ttlMs),
			],
		);
	}

	public async clear(scope: CacheScope): Promise<number> {
		const { redis } = this.options;
		const entries = await redis.hgetall(this.modelsKey);
		const doomed = Object.entries(entries)
			.filter(([key, model]) => {
				if ('all' in scope) return true;
				if ('model' in scope) return model === scope.model;
				return key.split(':').at(-2) === scope.character;
			})
			.map(([key]) => key);
		if ('all' in scope) {
			// Entries whose bookkeeping was lost still carry the prefix: sweep them too.
			for await (const keys of redis.scanStream({ match: this.options.keys.llmResponsePattern(), count: 500 }) as AsyncIterable<string[]>) {
				doomed.push(...keys.filter((key) => !(key in entries)));
			}
		}
		for (let start = 0; start < doomed.length; start += 500) {
			const batch = doomed.slice(start, start + 500);
			await redis
				.multi()
				.del(...batch)
				.zrem(this.lruKey, ...batch)
				.hdel(this.modelsKey, ...batch)
				.exec();
		}
		return doomed.length;
	}

	public async size(): Promise<number> {
		return this.options.redis.zcard(this.lruKey);
	}

	public async ping(): Promise<boolean> {
		try {
			return (await this.options.redis.ping()) === 'PONG';
		} catch {
			return false;
		}
	}

	private fullKey(key: string): string {
		return this.options.keys.llmResponse(key);
	}
}
