import { type Clock, type Keyspace, parseOptions, systemClock, wholeNumberOption } from '@charbot/core';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { CharacterStats } from './CharacterStats.js';
import { medianOf } from './medianOf.js';

const guildStatsOptionsSchema = z.object({
	/** Seconds an hourly bucket lives; longer than the longest window read. */
	bucketTtlSeconds: wholeNumberOption(1).default(2 * 86_400),
	/** Latency samples kept per character and hour (the newest). */
	maxLatencySamples: wholeNumberOption(1).default(200),
	/** The time source (tests pass a `ManualClock`). */
	clock: z.custom<Clock>((value) => typeof (value as Partial<Clock> | undefined)?.now === 'function', { error: 'must be a Clock' }).default(systemClock),
});

/** Options of {@link GuildStats}. */
export type GuildStatsOptions = z.input<typeof guildStatsOptionsSchema>;

const hourMs = 3_600_000;
const counters = ['replies', 'passed', 'failed', 'repaired', 'regenerated', 'generated', 'cacheHits'] as const;
type Counter = (typeof counters)[number];

/** What became of a reviewed candidate, as `/stats` counts it. */
export type ReviewTally = 'passed' | 'repaired' | 'regenerated' | 'rejected';

const countersOf: Record<ReviewTally, readonly Counter[]> = {
	passed: ['passed'],
	// A repaired candidate passed after its wrapper was removed: it passed, and no generation was spent.
	repaired: ['passed', 'repaired'],
	regenerated: ['failed', 'regenerated'],
	rejected: ['failed'],
};

/**
 * Per-guild, per-character numbers for `/stats`, in hourly Redis buckets with a TTL: a hash of counters per hour and
 * a capped list of delivery latencies per character and hour. Each record is one transaction (one round trip).
 */
export class GuildStats {
	readonly #options: z.output<typeof guildStatsOptionsSchema>;

	public constructor(
		private readonly redis: Redis,
		private readonly keys: Keyspace,
		options: GuildStatsOptions = {},
	) {
		this.#options = parseOptions(guildStatsOptionsSchema, options);
	}

	/** A candidate was generated, from the response cache or not. */
	public async recordGeneration(guildId: string | null, characterId: string, cacheHit: boolean): Promise<void> {
		await this.#count(guildId, characterId, cacheHit ? ['generated', 'cacheHits'] : ['generated']);
	}

	/** What became of a reviewed candidate: passed, repaired, regenerated or rejected. */
	public async recordReview(guildId: string | null, characterId: string, outcome: ReviewTally): Promise<void> {
		await this.#count(guildId, characterId, countersOf[outcome]);
	}

	/** A reply was delivered `latencyMs` after the member's message. */
	public async recordDelivery(guildId: string | null, characterId: string, latencyMs: number): Promise<void> {
		const hour = this.#hour();
		const bucket = this.keys.statsBucket(guildId, hour);
		const samples = this.keys.statsLatency(guildId, hour, characterId);
		await this.redis
			.multi()
			.hincrby(bucket, `${characterId}:replies`, 1)
			.expire(bucket, this.#options.bucketTtlSeconds)
			.lpush(samples, Math.max(0, Math.round(latencyMs)))
			.ltrim(samples, 0, this.#options.maxLatencySamples - 1)
			.expire(samples, this.#options.bucketTtlSeconds)
			.exec();
	}

	/** Each character's numbers over the last `hours` hourly buckets (this one included), most replies first. */
	public async summary(guildId: string | null, hours = 24): Promise<CharacterStats[]> {
		if (!Number.isInteger(hours) || hours < 1 || hours * 3600 > this.#options.bucketTtlSeconds) {
			throw new RangeError(`hours must be a whole number from 1 to ${Math.floor(this.#options.bucketTtlSeconds / 3600)}, got ${hours}`);
		}
		const current = this.#hour();
		const window = Array.from({ length: hours }, (_, index) => current - index);
		const buckets = await this.#read(window.map((hour) => ['hgetall', this.keys.statsBucket(guildId, hour)]));
		const totals = new Map<string, Record<Counter, number>>();
		const latencyKeys: string[] = [];
		for (const [index, bucket] of buckets.entries()) {
			for (const [field, value] of Object.entries((bucket ?? {}) as Record<string, string>)) {
				const [characterId, counter] = field.split(':') as [string, Counter];
				if (!counters.includes(counter)) continue;
				const entry = totals.get(characterId) ?? { replies: 0, passed: 0, failed: 0, repaired: 0, regenerated: 0, generated: 0, cacheHits: 0 };
				entry[counter] += Number(value) || 0;
				totals.set(characterId, entry);
				if (counter === 'replies') latencyKeys.push(this.keys.statsLatency(guildId, window[index] as number, characterId));
			}
		}
		const latencyLists = await this.#read(latencyKeys.map((key) => ['lrange', key, '0', '-1']));
		const latencies = new Map<string, number[]>();
		for (const [index, list] of latencyLists.entries()) {
			const characterId = (latencyKeys[index] as string).split(':').at(-1) as string;
			latencies.set(characterId, [...(latencies.get(characterId) ?? []), ...((list ?? []) as string[]).map(Number).filter(Number.isFinite)]);
		}
		return [...totals.entries()]
			.map(([characterId, entry]) => ({
				characterId,
				...entry,
				passRate: ratio(entry.passed, entry.passed + entry.failed),
				medianLatencyMs: medianOf(latencies.get(characterId) ?? []),
				cacheHitRate: ratio(entry.cacheHits, entry.generated),
			}))
			.sort((a, b) => b.replies - a.replies || a.characterId.localeCompare(b.characterId));
	}

	async #count(guildId: string | null, characterId: string, names: readonly Counter[]): Promise<void> {
		const bucket = this.keys.statsBucket(guildId, this.#hour());
		const transaction = this.redis.multi();
		for (const name of names) transaction.hincrby(bucket, `${characterId}:${name}`, 1);
		await transaction.expire(bucket, this.#options.bucketTtlSeconds).exec();
	}

	/** Runs read commands in one pipeline, throwing the first error. */
	async #read(commands: string[][]): Promise<unknown[]> {
		if (commands.length === 0) return [];
		const results = (await this.redis.pipeline(commands).exec()) ?? [];
		return results.map(([error, value]) => {
			if (error) throw error;
			return value;
		});
	}

	#hour(): number {
		return Math.floor(this.#options.clock.now() / hourMs);
	}
}

function ratio(part: number, whole: number): number | null {
	return whole === 0 ? null : part / whole;
}
