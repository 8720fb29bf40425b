import { createHash } from 'node:crypto';

/** Most shards the response cache is split into; a sweep of every shard visits this many. */
export const maxCacheShards = 16;

// The fewest entries a shard is sized for: below it, one least-recently-used order serves the whole bound better.
const minEntriesPerShard = 64;

/**
 * How many shards a cache of `maxSize` entries is split into: up to {@link maxCacheShards}, each holding at least 64,
 * so a small cache stays one exact LRU and a large one spreads over a Redis Cluster's masters.
 */
export function cacheShardCount(maxSize: number): number {
	return Math.min(maxCacheShards, Math.max(1, Math.floor(maxSize / minEntriesPerShard)));
}

/** The shard of a cache (or coalescing) key among `shards`: stable across processes and restarts. */
export function cacheShardOf(key: string, shards: number): number {
	if (shards <= 1) return 0;
	return createHash('sha1').update(key).digest().readUInt32BE(0) % shards;
}

/** Entries shard `shard` of `shards` may hold: the bound split so the shards' bounds add up to exactly `maxSize`. */
export function cacheShardBound(maxSize: number, shards: number, shard: number): number {
	return Math.floor(maxSize / shards) + (shard < maxSize % shards ? 1 : 0);
}
