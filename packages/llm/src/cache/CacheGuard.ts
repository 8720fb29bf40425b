import type { Logger, RedisClient } from '@charbot/core';
import type { LlmMetrics } from '../metrics/LlmMetrics.js';
import type { CachedOrLocked, CachedResponse, CacheLock, CacheScope, LockHandover, ResponseCache } from './ResponseCache.js';

// One warning per this many ms while the cache keeps failing, so a dead cache doesn't flood the logs.
const warnEveryMs = 30_000;

/** Wraps the cache so a down or slow cache is bypassed with a warning and a metric, never failing a request. */
export class CacheGuard {
	private lastWarning = 0;
	private failing = false;

	public constructor(
		private readonly cache: ResponseCache,
		private readonly logger: Logger,
		private readonly metrics: readonly LlmMetrics[],
	) {}

	/** Whether the last cache operation failed. */
	public get isFailing(): boolean {
		return this.failing;
	}

	public async get(key: string): Promise<CachedResponse | undefined> {
		try {
			const value = await this.cache.get(key);
			this.recovered();
			this.count(value ? 'hit' : 'miss');
			return value;
		} catch (error) {
			this.bypass('read', error);
			return undefined;
		}
	}

	public async set(key: string, value: CachedResponse): Promise<void> {
		try {
			await this.cache.set(key, value);
			this.recovered();
			this.count('store');
		} catch (error) {
			this.bypass('write', error);
		}
	}

	/** Whether the cache can take the coalescing lock on `redis` with its lookup and release it with its store ({@link getOrLock}). */
	public takesLocksOn(redis: RedisClient | undefined): boolean {
		return redis !== undefined && this.cache.connection === redis && this.cache.getOrLock !== undefined && this.cache.setAndRelease !== undefined;
	}

	/** The lookup that takes the lock on a miss; a failure is counted and logged like a failed read, then thrown (no coalescing). */
	public async getOrLock(key: string, lock: CacheLock): Promise<CachedOrLocked> {
		if (this.cache.getOrLock === undefined) throw new Error('this response cache takes no coalescing locks');
		try {
			const claim = await this.cache.getOrLock(key, lock);
			this.recovered();
			this.count('cached' in claim ? 'hit' : 'miss');
			return claim;
		} catch (error) {
			this.bypass('read', error);
			throw error;
		}
	}

	/** The store, hand-over and release in one; a failure is counted and logged like a failed write (the lock expires by itself). */
	public async setAndRelease(key: string, value: CachedResponse | undefined, lock: CacheLock, handover: LockHandover): Promise<void> {
		if (this.cache.setAndRelease === undefined) throw new Error('this response cache takes no coalescing locks');
		try {
			await this.cache.setAndRelease(key, value, lock, handover);
			this.recovered();
			if (value !== undefined) this.count('store');
		} catch (error) {
			this.bypass('write', error);
		}
	}

	public async clear(scope: CacheScope): Promise<number> {
		return this.cache.clear(scope);
	}

	public size(): Promise<number> {
		return this.cache.size();
	}

	public ping(): Promise<boolean> {
		return this.cache.ping();
	}

	private count(event: 'hit' | 'miss' | 'error' | 'store'): void {
		for (const metrics of this.metrics) metrics.cache(event);
	}

	private recovered(): void {
		if (this.failing) this.logger.info('response cache is answering again');
		this.failing = false;
	}

	private bypass(operation: string, error: unknown): void {
		this.failing = true;
		this.count('error');
		const now = Date.now();
		if (now - this.lastWarning < warnEveryMs) return;
		this.lastWarning = now;
		this.logger.warn({ err: error, operation }, `response cache ${operation} failed; generating without the cache`);
	}
}
