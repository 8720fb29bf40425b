import type { AttemptRecord, LlmMetrics, RequestRecord } from './LlmMetrics.js';

/** The summary the LLM service reports: requests, cache hit rate, average response time, per host. */
export interface LlmStatsSnapshot {
	readonly requests: number;
	readonly failures: number;
	readonly cacheHits: number;
	readonly cacheMisses: number;
	readonly cacheErrors: number;
	readonly cacheHitRate: number;
	readonly coalesced: number;
	readonly averageResponseMs: number;
	readonly tokensGenerated: number;
	/** Requests each host served successfully, and attempts that failed there. */
	readonly hosts: Readonly<Record<string, { served: number; failed: number }>>;
	readonly startedAt: number;
}

/** In-memory counters behind {@link LlmStatsSnapshot}. */
export class LlmStats implements LlmMetrics {
	private requests = 0;
	private failures = 0;
	private cacheHits = 0;
	private cacheMisses = 0;
	private cacheErrors = 0;
	private coalesced = 0;
	private totalMs = 0;
	private tokens = 0;
	private readonly hosts: Record<string, { served: number; failed: number }> = {};
	private readonly startedAt = Date.now();

	public request(record: RequestRecord): void {
		this.requests += 1;
		this.totalMs += record.durationMs;
		if (record.outcome === 'error') this.failures += 1;
		if (record.coalesced) this.coalesced += 1;
		if (!record.cacheHit && !record.coalesced) this.tokens += record.evalTokens;
	}

	public attempt(record: AttemptRecord): void {
		const host = this.hosts[record.host] ?? { served: 0, failed: 0 };
		this.hosts[record.host] = host;
		if (record.outcome === 'ok') host.served += 1;
		else host.failed += 1;
	}

	public cache(event: 'hit' | 'miss' | 'error' | 'store'): void {
		if (event === 'hit') this.cacheHits += 1;
		else if (event === 'miss') this.cacheMisses += 1;
		else if (event === 'error') this.cacheErrors += 1;
	}

	public snapshot(): LlmStatsSnapshot {
		const lookups = this.cacheHits + this.cacheMisses;
		return {
			requests: this.requests,
			failures: this.failures,
			cacheHits: this.cacheHits,
			cacheMisses: this.cacheMisses,
			cacheErrors: this.cacheErrors,
			cacheHitRate: lookups === 0 ? 0 : this.cacheHits / lookups,
			coalesced: this.coalesced,
			averageResponseMs: this.requests === 0 ? 0 : this.totalMs / this.requests,
			tokensGenerated: this.tokens,
			hosts: structuredClone(this.hosts),
			startedAt: this.startedAt,
		};
	}
}
