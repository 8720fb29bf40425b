import type { LlmStatsSnapshot } from '@charbot/llm';

/** The JSON of `GET /metrics`. */
export interface MetricsSummary {
	readonly requests: number;
	readonly failures: number;
	readonly coalesced: number;
	readonly cache: { readonly hits: number; readonly misses: number; readonly errors: number; readonly hit_rate: number };
	readonly average_response_time_ms: number;
	readonly tokens_generated: number;
	readonly hosts: Readonly<Record<string, { served: number; failed: number }>>;
	readonly memory: { readonly rss_bytes: number; readonly heap_used_bytes: number; readonly heap_total_bytes: number; readonly external_bytes: number };
	readonly uptime_seconds: number;
}

/** Renders the pool's counters, this process's memory and the service's uptime. */
export function renderMetricsSummary(stats: LlmStatsSnapshot, memory: NodeJS.MemoryUsage, uptimeSeconds: number): MetricsSummary {
	return {
		requests: stats.requests,
		failures: stats.failures,
		coalesced: stats.coalesced,
		cache: { hits: stats.cacheHits, misses: stats.cacheMisses, errors: stats.cacheErrors, hit_rate: stats.cacheHitRate },
		average_response_time_ms: Math.round(stats.averageResponseMs * 10) / 10,
		tokens_generated: stats.tokensGenerated,
		hosts: stats.hosts,
		memory: { rss_bytes: memory.rss, heap_used_bytes: memory.heapUsed, heap_total_bytes: memory.heapTotal, external_bytes: memory.external },
		uptime_seconds: Math.round(uptimeSeconds * 10) / 10,
	};
}
