/** Time source, swapped for a manual one in unit tests. */
export interface Clock {
	now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };
