/**
 * Wraps `build` so its result is kept for as long as its argument object lives: what a scorer derives from a
 * character's texts is built once per loaded persona, and a reloaded persona (a new object) gets its own.
 */
export function memoizeByIdentity<Key extends object, T>(build: (key: Key) => T): (key: Key) => T {
	const cache = new WeakMap<Key, T>();
	return (key: Key): T => {
		if (cache.has(key)) return cache.get(key) as T;
		const built = build(key);
		cache.set(key, built);
		return built;
	};
}
