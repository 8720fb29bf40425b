import { type Clock, type Keyspace, type RedisClient, systemClock } from '@charbot/core';

/** Options of {@link RegenerationQuota}. */
export interface RegenerationQuotaOptions {
	/** Regenerations one member may ask for per window, in one server. */
	readonly max?: number;
	/** The window's length, from the member's first regeneration in it. */
	readonly windowSeconds?: number;
	/** Time source (tests pass a `ManualClock`). */
	readonly clock?: Clock;
}

/** Defaults of {@link RegenerationQuotaOptions}: 5 regenerations per 10 minutes. */
export const DefaultRegenerationQuotaOptions = { max: 5, windowSeconds: 600, clock: systemClock } as const satisfies Required<RegenerationQuotaOptions>;

/** A quota decision: allowed (with how many are left), or refused until `retryAt` (ms since the epoch). */
export type QuotaDecision = { readonly allowed: true; readonly left: number } | { readonly allowed: false; readonly retryAt: number };

/**
 * How many regenerations each member may ask for: a fixed window per member and server, counted in Redis (`INCR` on a
 * key whose TTL is set with the first one in the window, in the same transaction), so every gateway replica shares it.
 */
export class RegenerationQuota {
	public readonly max: number;
	public readonly windowSeconds: number;
	readonly #clock: Clock;

	public constructor(
		private readonly redis: RedisClient,
		private readonly keys: Keyspace,
		options: RegenerationQuotaOptions = {},
	) {
		this.max = options.max ?? DefaultRegenerationQuotaOptions.max;
		this.windowSeconds = options.windowSeconds ?? DefaultRegenerationQuotaOptions.windowSeconds;
		this.#clock = options.clock ?? DefaultRegenerationQuotaOptions.clock;
		if (!Number.isInteger(this.max) || this.max < 1) throw new RangeError(`RegenerationQuota option max must be a whole number ≥ 1, got ${this.max}`);
		if (!Number.isInteger(this.windowSeconds) || this.windowSeconds < 1)
			throw new RangeError(`RegenerationQuota option windowSeconds must be a whole number of seconds ≥ 1, got ${this.windowSeconds}`);
	}

	/** Counts one regeneration for the member, or refuses it when the window's are used up. */
	public async take(guildId: string, userId: string): Promise<QuotaDecision> {
		const key = this.keys.regenerateQuota(guildId, userId);
		const results = await this.redis.multi().set(key, '0', 'EX', this.windowSeconds, 'NX').incr(key).pttl(key).exec();
		const failed = results?.find(([error]) => error !== null)?.[0];
		if (results === null || failed) throw failed ?? new Error('the regeneration quota transaction was aborted');
		const count = Number(results[1]?.[1]);
		const ttlMs = Number(results[2]?.[1]);
		if (count <= this.max) return { allowed: true, left: this.max - count };
		return { allowed: false, retryAt: this.#clock.now() + Math.max(0, ttlMs) };
	}
}
