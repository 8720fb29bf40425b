/** Time source, in milliseconds since the epoch; swapped for a {@link ManualClock} in tests. */
export interface Clock {
	now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when a test moves it, so a test about time never waits for it. */
export class ManualClock implements Clock {
	#now: number;

	public constructor(start = 0) {
		this.#now = start;
	}

	/** The time this clock shows. */
	public now(): number {
		return this.#now;
	}

	/** Moves the clock forward by `ms` milliseconds. */
	public advance(ms: number): void {
		if (!(ms >= 0)) throw new RangeError(`ms must be at least 0, got ${ms}`);
		this.#now += ms;
	}
}
