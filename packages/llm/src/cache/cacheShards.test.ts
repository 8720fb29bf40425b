import { describe, expect, it } from 'vitest';
import { cacheShardBound, cacheShardCount, cacheShardOf, maxCacheShards } from './cacheShards.js';

describe('cache shards', () => {
	it('keeps a small cache one shard and splits a large one into at most 16', () => {
		expect(cacheShardCount(1)).toBe(1);
		expect(cacheShardCount(127)).toBe(1);
		expect(cacheShardCount(128)).toBe(2);
		expect(cacheShardCount(1024)).toBe(maxCacheShards);
		expect(cacheShardCount(10_000)).toBe(maxCacheShards);
	});

	it('splits the bound so the shares add up to exactly CACHE_MAX_SIZE', () => {
		for (const maxSize of [1, 3, 130, 1000, 1025, 10_000]) {
			const shards = cacheShardCount(maxSize);
			const bounds = Array.from({ length: shards }, (_, shard) => cacheShardBound(maxSize, shards, shard));
			expect(bounds.reduce((sum, bound) => sum + bound, 0)).toBe(maxSize);
			expect(Math.max(...bounds) - Math.min(...bounds)).toBeLessThanOrEqual(1);
		}
	});

	it('puts a key in the same shard every time, and spreads keys over every shard', () => {
		const key = `llm_response:${'ab'.repeat(32)}:peter:0123456789abcdef`;
		expect(cacheShardOf(key, 16)).toBe(cacheShardOf(key, 16));
		expect(cacheShardOf(key, 1)).toBe(0);
		const used = new Set(Array.from({ length: 400 }, (_, index) => cacheShardOf(`llm_response:${index}:lois:x`, 16)));
		expect(used.size).toBe(16);
	});
});
