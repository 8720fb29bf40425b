/** A seeded pseudo-random source (mulberry32): the same seed gives the same sequence everywhere. */
export interface Random {
	/** A float in [0, 1). */
	next(): number;
	/** A whole number in [0, maxExclusive). */
	int(maxExclusive: number): number;
	/** A whole number in [min, max]. */
	between(min: number, max: number): number;
	/** One item; `variety` (0..1] limits the choice to the first share of the list, for low temperatures. */
	pick<T>(items: readonly T[], variety?: number): T;
}

/** Creates a {@link Random} from a 32-bit seed. */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (maxExclusive: number) => Math.floor(next() * maxExclusive);
	return {
		next,
		int,
		between: (min, max) => min + int(max - min + 1),
		pick: (items, variety = 1) => {
			if (items.length === 0) throw new RangeError('Random.pick needs at least one item');
			const span = Math.max(1, Math.ceil(items.length * Math.min(1, Math.max(variety, 0))));
			return items[int(span)] as (typeof items)[number];
		},
	};
}
