import { type Clock, type Keyspace, type RedisClient, systemClock } from '@charbot/core';

/** Options of {@link GenerationBudget}; a limit of 0 turns that budget off. */
export interface GenerationBudgetOptions {
	/** Generations one member may cause per window, across every guild and DM. */
	readonly memberLimit: number;
	/** Generations one guild's members may cause per window. */
	readonly guildLimit: number;
	/** The window's length; each member's and guild's starts with its first generation in it. */
	readonly windowSeconds: number;
	/** The time source (tests pass a `ManualClock`). */
	readonly clock?: Clock;
}

/** Who a generation is charged to: the member who asked (none for a character's own post) and the guild (none in DMs). */
export interface BudgetPayer {
	readonly memberId?: string;
	readonly guildId: string | null;
}

/** Which budget refused. */
export type BudgetScope = 'member' | 'guild';

/** One counter a generation is counted in: the member's or the guild's, with its limit per window. */
export interface BudgetCounter {
	readonly scope: BudgetScope;
	readonly key: string;
	readonly limit: number;
}

/** A reservation: taken, or refused by one budget until `retryAt` (ms since the epoch), when its window ends. */
export type BudgetDecision = { readonly allowed: true } | { readonly allowed: false; readonly scope: BudgetScope; readonly retryAt: number };

// One counter per key: refuse when the count would pass the limit (unless forced), else add it; the window starts with
// the first generation counted in it. Returns {taken, pttl}.
const takeScript = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local count = tonumber(ARGV[1])
if ARGV[4] ~= '1' and used + count > tonumber(ARGV[2]) then return {0, redis.call('PTTL', KEYS[1])} end
redis.call('INCRBY', KEYS[1], count)
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return {1, redis.call('PTTL', KEYS[1])}
`;

// Gives a reservation back, but never creates a counter the window already expired; a counter back at 0 goes, so the
// window starts with the next generation counted, as if the refunded one had never been.
const refundScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local left = redis.call('DECRBY', KEYS[1], ARGV[1])
if left <= 0 then redis.call('DEL', KEYS[1]) end
return left
`;

/**
 * How many generations members and guilds may cause: a fixed window per member (across every guild and DM) and per
 * guild, counted in Redis so every gateway and router replica shares them. The gateway reserves the first generation of
 * each character a message calls before it enqueues anything (a burst is refused before it reaches the queue); the
 * router charges every further generation of a reply (review regenerations, the escalation, a member's 🔄) as it starts
 * it, without refusing: that answer was already promised. Each key is its own script call: the member's counter spans
 * guilds, so it lives in another Redis Cluster slot than the guild's.
 */
export class GenerationBudget {
	/** The time source `retryAt` is counted from. */
	public readonly clock: Clock;
	/** The window's length in milliseconds. */
	public readonly windowMs: number;

	public constructor(
		private readonly redis: RedisClient,
		private readonly keys: Keyspace,
		private readonly options: GenerationBudgetOptions,
	) {
		this.clock = options.clock ?? systemClock;
		this.windowMs = options.windowSeconds * 1000;
		for (const name of ['memberLimit', 'guildLimit'] as const) {
			const value = options[name];
			if (!Number.isInteger(value) || value < 0) throw new RangeError(`GenerationBudget option ${name} must be a whole number ≥ 0, got ${value}`);
		}
		if (!Number.isInteger(options.windowSeconds) || options.windowSeconds < 1)
			throw new RangeError(`GenerationBudget option windowSeconds must be a whole number of seconds ≥ 1, got ${options.windowSeconds}`);
	}

	/** Reserves `count` generations for the payer, or refuses all of them when a budget would be passed. */
	public async reserve(payer: BudgetPayer, count: number): Promise<BudgetDecision> {
		if (count <= 0) return { allowed: true };
		const taken: BudgetCounter[] = [];
		for (const counter of this.countersOf(payer)) {
			const outcome = await this.take(counter, count);
			if (outcome.taken) {
				taken.push(counter);
				continue;
			}
			for (const earlier of taken) await this.refund(earlier, count);
			return { allowed: false, scope: counter.scope, retryAt: this.clock.now() + Math.max(0, outcome.ttlMs) };
		}
		return { allowed: true };
	}

	/** Counts `count` generations in one counter unless that would pass its limit; refused, with what is left of its window. */
	public async take(counter: BudgetCounter, count: number): Promise<{ readonly taken: true } | { readonly taken: false; readonly ttlMs: number }> {
		const [ok, ttlMs] = (await this.redis.eval(takeScript, 1, counter.key, count, counter.limit, this.windowMs, '0')) as [number, number];
		return ok === 1 ? { taken: true } : { taken: false, ttlMs };
	}

	/** Gives back `count` generations {@link take} counted, when what they were for was refused after all. */
	public async refund(counter: BudgetCounter, count: number): Promise<void> {
		await this.redis.eval(refundScript, 1, counter.key, count);
	}

	/**
	 * Charges `count` generations that happen anyway (a regeneration); with `onceId` (the job's id), charging it again
	 * while the window lasts does nothing, so a retried job is charged once. Returns whether it charged.
	 */
	public async charge(payer: BudgetPayer, count: number, onceId?: string): Promise<boolean> {
		const accounts = this.countersOf(payer);
		if (count <= 0 || accounts.length === 0) return false;
		if (onceId !== undefined && (await this.redis.set(this.keys.budgetCharged(onceId), '1', 'EX', this.options.windowSeconds, 'NX')) !== 'OK') return false;
		for (const { key, limit } of accounts) await this.redis.eval(takeScript, 1, key, count, limit, this.windowMs, '1');
		return true;
	}

	/** Generations counted now in the payer's windows (0 where a budget is off or unused). */
	public async used(payer: BudgetPayer): Promise<Partial<Record<BudgetScope, number>>> {
		const used: Partial<Record<BudgetScope, number>> = {};
		for (const { scope, key } of this.countersOf(payer)) used[scope] = Number((await this.redis.get(key)) ?? 0);
		return used;
	}

	/** The counters the payer's generations are counted in, member first; none where a budget is off. */
	public countersOf(payer: BudgetPayer): BudgetCounter[] {
		const accounts: BudgetCounter[] = [];
		if (payer.memberId !== undefined && this.options.memberLimit > 0)
			accounts.push({ scope: 'member', key: this.keys.memberBudget(payer.memberId), limit: this.options.memberLimit });
		if (payer.guildId !== null && this.options.guildLimit > 0)
			accounts.push({ scope: 'guild', key: this.keys.guildBudget(payer.guildId), limit: this.options.guildLimit });
		return accounts;
	}
}
