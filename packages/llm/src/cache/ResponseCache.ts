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
}
