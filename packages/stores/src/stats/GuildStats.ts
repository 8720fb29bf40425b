import { type Clock, hashTagOf, type Keyspace, type Logger, parseOptions, type RedisClient, systemClock, wholeNumberOption } from '@charbot/core';
import { Cluster } from 'ioredis';
import { z } from 'zod';
import type { CharacterStats } from './CharacterStats.js';
import { medianOf } from './medianOf.js';
import { PendingStats } from './PendingStats.js';

const guildStatsOptionsSchema = z
	.object({
		/** Where a failed flush, and counts dropped after failing for long, are reported. */
		logger: z.custom<Logger>((value) => typeof (value as Partial<Logger> | undefined)?.warn === 'function', { error: 'must be a Logger' }),
		/** Seconds an hourly bucket lives; longer than the longest window read. */
		bucketTtlSeconds: wholeNumberOption(1).default(2 * 86_400),
		/** Latency samples kept per character and hour (the newest). */
		maxLatencySamples: wholeNumberOption(1).default(200),
		/** Longest a record waits in memory before it is written; `/stats` is at most this far behind. */
		flushIntervalMs: wholeNumberOption(1).default(1000),
		/** Held fields and samples that start a flush at once, before the interval ends. */
		flushAtSize: wholeNumberOption(1).default(1000),
		/** Most fields and samples held while flushes fail (Redis away); past it the oldest are dropped, with a warning. */
		maxHeldSize: wholeNumberOption(1).default(100_000),
		/** The time source (tests pass a `ManualClock`). */
		clock: z.custom<Clock>((value) => typeof (value as Partial<Clock> | undefined)?.now === 'function', { error: 'must be a Clock' }).default(systemClock),
	})
	.refine((options) => options.maxHeldSize >= options.flushAtSize, { error: 'must be at least flushAtSize', path: ['maxHeldSize'] });

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
 * a capped list of delivery latencies per character and hour. Records add up in memory and are written together at
 * most once per `flushIntervalMs` (sooner when `flushAtSize` are held), in one transaction: one HINCRBY per field with
 * its sum, one EXPIRE per key, a list's samples in one LPUSH. A failed flush keeps its records for the next one;
 * `close()` writes what is held. Reads see Redis, so `/stats` is up to one interval behind.
 */
export class GuildStats {
	readonly #options: z.output<typeof guildStatsOptionsSchema>;
	#pending = new PendingStats();
	#timer: NodeJS.Timeout | undefined;
	#flushing: Promise<void> | undefined;
	#closed = false;

	public constructor(
		private readonly redis: RedisClient,
		private readonly keys: Keyspace,
		options: GuildStatsOptions,
	) {
		this.#options = parseOptions(guildStatsOptionsSchema, options);
	}

	/** A candidate was generated, from the response cache or not. */
	public recordGeneration(guildId: string | null, characterId: string, cacheHit: boolean): void {
		this.#count(guildId, characterId, cacheHit ? ['generated', 'cacheHits'] : ['generated']);
	}

	/** What became of a reviewed candidate: passed, repaired, regenerated or rejected. */
	public recordReview(guildId: string | null, characterId: string, outcome: ReviewTally): void {
		this.#count(guildId, characterId, countersOf[outcome]);
	}

	/** A reply was delivered `latencyMs` after the member's message. */
	public recordDelivery(guildId: string | null, characterId: string, latencyMs: number): void {
		const hour = this.#hour();
		this.#pending.count(this.keys.statsBucket(guildId, hour), `${characterId}:replies`, 1);
		this.#pending.sample(this.keys.statsLatency(guildId, hour, characterId), Math.max(0, Math.round(latencyMs)));
		this.#held();
	}

	/** Writes every held record now (after a flush already under way); a failure keeps them for the next flush. */
	public async flush(): Promise<void> {
		while (this.#flushing !== undefined) await this.#flushing;
		if (this.#pending.size === 0) return;
		this.#flushing = this.#write().finally(() => {
			this.#flushing = undefined;
		});
		await this.#flushing;
	}

	/** Stops the timer and writes what is held; call it before the Redis connection closes. Later records are dropped. */
	public async close(): Promise<void> {
		this.#closed = true;
		clearTimeout(this.#timer);
		this.#timer = undefined;
		await this.flush();
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

	#count(guildId: string | null, characterId: string, names: readonly Counter[]): void {
		const bucket = this.keys.statsBucket(guildId, this.#hour());
		for (const name of names) this.#pending.count(bucket, `${characterId}:${name}`, 1);
		this.#held();
	}

	/** After a record: drop it when closed, flush at once when enough is held, else make sure a flush is coming. */
	#held(): void {
		if (this.#closed) {
			this.#options.logger.warn({ held: this.#pending.size }, 'a stats record came after the stats were closed; dropping it');
			this.#pending = new PendingStats();
			return;
		}
		if (this.#pending.size >= this.#options.flushAtSize && this.#flushing === undefined) {
			clearTimeout(this.#timer);
			this.#timer = undefined;
			void this.flush();
			return;
		}
		this.#schedule();
	}

	#schedule(): void {
		if (this.#timer !== undefined || this.#closed) return;
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			void this.flush();
		}, this.#options.flushIntervalMs);
		// Held stats never keep a process alive: shutdown flushes them through close().
		this.#timer.unref();
	}

	/**
	 * One transaction for everything held, or on a Redis Cluster one per guild (a guild's keys share a slot; guilds do
	 * not); a batch that fails goes back in front of what came meanwhile.
	 */
	async #write(): Promise<void> {
		const batches = this.redis instanceof Cluster ? this.#pending.splitBy(hashTagOf) : [this.#pending];
		this.#pending = new PendingStats();
		const outcomes = await Promise.all(batches.map(async (batch) => ({ batch, error: await this.#writeBatch(batch) })));
		const failed = outcomes.filter((outcome) => outcome.error !== undefined);
		if (failed.length > 0) {
			const held = new PendingStats();
			for (const { batch } of failed) held.absorb(batch);
			held.absorb(this.#pending);
			this.#pending = held;
			const dropped = this.#pending.trimTo(this.#options.maxHeldSize);
			const error = failed[0]?.error;
			this.#options.logger.warn({ err: error, held: this.#pending.size }, 'could not write the guild stats; keeping them for the next flush');
			if (dropped > 0)
				this.#options.logger.warn({ dropped, maxHeldSize: this.#options.maxHeldSize }, 'guild stats held too long while Redis failed; dropped the oldest');
		}
		if (this.#pending.size > 0) this.#schedule();
	}

	/** Writes a batch in one transaction; resolves to the error when it failed. */
	async #writeBatch(batch: PendingStats): Promise<unknown> {
		const ttl = this.#options.bucketTtlSeconds;
		const transaction = this.redis.multi();
		for (const [key, entry] of batch.entries()) {
			if (entry.kind === 'counts') for (const [field, sum] of entry.fields) transaction.hincrby(key, field, sum);
			else transaction.lpush(key, ...entry.values).ltrim(key, 0, this.#options.maxLatencySamples - 1);
			transaction.expire(key, ttl);
		}
		try {
			const replies = await transaction.exec();
			const failed = replies?.find(([error]) => error !== null)?.[0];
			if (replies === null) throw new Error('the stats transaction was discarded');
			if (failed) throw failed;
			return undefined;
		} catch (error) {
			return error ?? new Error('the stats transaction failed');
		}
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
