import { type Clock, systemClock } from '@charbot/core';

/** Options of {@link BacklogGauge}. */
export interface BacklogGaugeOptions {
	/** Counting is asked for again only after this many milliseconds. */
	readonly refreshMs: number;
	/** Time source (tests pass a `ManualClock`). */
	readonly clock?: Clock;
}

/** A cached count of waiting jobs: at most one count request per `refreshMs`, however many messages ask. */
export class BacklogGauge {
	readonly #count: () => Promise<number>;
	readonly #refreshMs: number;
	readonly #clock: Clock;
	#value = 0;
	#countedAt = Number.NEGATIVE_INFINITY;
	#counting: Promise<number> | undefined;

	public constructor(count: () => Promise<number>, options: BacklogGaugeOptions) {
		if (!(options.refreshMs >= 0)) throw new RangeError(`refreshMs must be 0 or more, got ${options.refreshMs}`);
		this.#count = count;
		this.#refreshMs = options.refreshMs;
		this.#clock = options.clock ?? systemClock;
	}

	/** The waiting count, counted again when the cached one is older than `refreshMs`. */
	public current(): Promise<number> {
		if (this.#clock.now() - this.#countedAt < this.#refreshMs) return Promise.resolve(this.#value);
		this.#counting ??= this.#count()
			.then((value) => {
				this.#value = value;
				this.#countedAt = this.#clock.now();
				return value;
			})
			.finally(() => {
				this.#counting = undefined;
			});
		return this.#counting;
	}
}
