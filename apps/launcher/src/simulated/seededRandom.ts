/** A pseudo-random source seeded by a text: the same text gives the same choices on every machine. */
export interface SeededRandom {
	/** A float in [0, 1). */
	next(): number;
	/** One item of a non-empty list, or undefined for an empty one. */
	pick<T>(items: readonly T[]): T | undefined;
	/** True with probability `chance`. */
	chance(chance: number): boolean;
}

/** A {@link SeededRandom} (mulberry32) seeded by the FNV-1a hash of `seed`. */
export function seededRandom(seed: string): SeededRandom {
	let state = 0x811c9dc5;
	for (let index = 0; index < seed.length; index += 1) state = Math.imul(state ^ seed.charCodeAt(index), 0x01000193);
	state >>>= 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		pick: (items) => items[Math.floor(next() * items.length)],
		chance: (chance) => next() < chance,
	};
}
