/** One finished request to the pool. */
export interface RequestRecord {
	readonly role: string;
	readonly model: string;
	readonly character: string;
	/** Host that generated (or originally generated a cached answer); undefined on failure before any host. */
	readonly host: string | undefined;
	readonly outcome: 'ok' | 'error';
	readonly errorCode?: string;
	readonly cacheHit: boolean;
	readonly coalesced: boolean;
	readonly durationMs: number;
	readonly promptTokens: number;
	readonly evalTokens: number;
}

/** One upstream attempt on one host. */
export interface AttemptRecord {
	readonly host: string;
	readonly model: string;
	readonly outcome: 'ok' | 'error';
	readonly reason?: string;
	readonly durationMs: number;
}

/** Hooks the pool calls; the ops layer plugs Prometheus in, tests read them. */
export interface LlmMetrics {
	request(record: RequestRecord): void;
	attempt(record: AttemptRecord): void;
	cache(event: 'hit' | 'miss' | 'error' | 'store'): void;
}
