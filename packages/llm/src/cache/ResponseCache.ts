import type { RedisClient } from '@charbot/core';

/** A cached generation. */
export interface CachedResponse {
	readonly text: string;
	readonly model: string;
	readonly host: string;
	readonly promptTokens: number;
	readonly evalTokens: number;
	readonly doneReason: string;
	readonly generationTimeMs: number;
	readonly cachedAt: number;
}

/** Which cached responses to clear. */
export type CacheScope = { readonly all: true } | { readonly character: string } | { readonly model: string };

/** The coalescing lock a cache may take and release in its own round trips: `SET key token NX PX ttlMs`, and its hand-over key. */
export interface CacheLock {
	readonly key: string;
	readonly token: string;
	readonly ttlMs: number;
}

/** What a lock's holder leaves for the requests waiting on it: their answer under `key`, kept `ttlMs`. */
export interface LockHandover {
	readonly key: string;
	readonly value: string;
	readonly ttlMs: number;
}

/** The answer of {@link ResponseCache.getOrLock}: the cached response, or whether the lock was taken. */
export type CachedOrLocked = { readonly cached: CachedResponse } | { readonly locked: boolean };

/** The response cache behind the pool; swappable (Redis/KeyDB, or none). Errors mean "bypass". */
export interface ResponseCache {
	get(key: string): Promise<CachedResponse | undefined>;
	set(key: string, value: CachedResponse): Promise<void>;
	/** Removes matching entries; returns how many. */
	clear(scope: CacheScope): Promise<number>;
	/** Entries held now. */
	size(): Promise<number>;
	/** Whether the cache server answers. */
	ping(): Promise<boolean>;
	/** The connection it works on, when it offers {@link getOrLock}: the pool uses that only when it coalesces on the same one. */
	readonly connection?: RedisClient;
	/** How many shards its keys are spread over (a Redis Cluster's hash tags); coalescing locks go in the shard of their entry. */
	readonly shards?: number;
	/** Looks `key` up and, on a miss, takes `lock` in the same round trip. */
	getOrLock?(key: string, lock: CacheLock): Promise<CachedOrLocked>;
	/**
	 * Stores `value` under `key` (when given), writes the hand-over for the lock's waiters and releases `lock` if it is
	 * still ours, in one round trip; offered with {@link getOrLock}.
	 */
	setAndRelease?(key: string, value: CachedResponse | undefined, lock: CacheLock, handover: LockHandover): Promise<void>;
}
