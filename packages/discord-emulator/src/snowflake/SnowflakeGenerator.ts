/** Milliseconds of 2015-01-01T00:00:00Z, the start of Discord's snowflake clock. */
export const DISCORD_EPOCH = 1_420_070_400_000;

/** Makes Discord-shaped snowflakes: milliseconds since {@link DISCORD_EPOCH} << 22, a worker id and a 12-bit increment. */
export class SnowflakeGenerator {
	#lastTimestamp = 0;
	#increment = 0;
	readonly #workerBits: bigint;

	/** `workerId` (0-31) fills bits 17-21 so two emulators never mint the same id. */
	public constructor(workerId = 1) {
		this.#workerBits = BigInt(workerId & 0x1f) << 17n;
	}

	/** A new snowflake; never repeats and never goes back in time. */
	public next(now = Date.now()): string {
		if (now > this.#lastTimestamp) {
			this.#lastTimestamp = now;
			this.#increment = 0;
		} else if (++this.#increment > 0xfff) {
			this.#lastTimestamp += 1;
			this.#increment = 0;
		}
		return this.#compose();
	}

	/** A snowflake in a millisecond no earlier id used, so guild ids spread evenly over shards. */
	public nextInNewMillisecond(now = Date.now()): string {
		this.#lastTimestamp = Math.max(now, this.#lastTimestamp + 1);
		this.#increment = 0;
		return this.#compose();
	}

	#compose(): string {
		return ((BigInt(this.#lastTimestamp - DISCORD_EPOCH) << 22n) | this.#workerBits | BigInt(this.#increment)).toString();
	}
}

/** The creation time (Unix milliseconds) encoded in a snowflake. */
export function snowflakeTimestamp(id: string): number {
	return Number(BigInt(id) >> 22n) + DISCORD_EPOCH;
}

/** Whether `value` looks like a Discord snowflake (17 to 20 digits). */
export function isSnowflake(value: unknown): value is string {
	return typeof value === 'string' && /^\d{17,20}$/.test(value);
}
