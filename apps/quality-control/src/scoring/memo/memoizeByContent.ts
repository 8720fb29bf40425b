/**
 * Wraps `build` so the results of its latest `limit` distinct arguments are kept, keyed by the arguments' JSON: what
 * scorers derive from a few long-lived characters' names (compiled patterns) is built once, not for every reply.
 */
export function memoizeByContent<Args extends readonly unknown[], T>(build: (...args: Args) => T, limit = 64): (...args: Args) => T {
	const cache = new Map<string, T>();
	return (...args: Args): T => {
		const key = JSON.stringify(args);
		if (cache.has(key)) {
			const cached = cache.get(key) as T;
			// Refreshed on use, so the names still in use are the last to go.
			cache.delete(key);
			cache.set(key, cached);
			return cached;
		}
		const built = build(...args);
		cache.set(key, built);
		if (cache.size > limit) cache.delete(cache.keys().next().value as string);
		return built;
	};
}
