import { type Keyspace, LuaScript, type RedisClient } from '@charbot/core';
import type { BudgetCounter, BudgetScope, GenerationBudget } from '@charbot/stores';

/** What a member's message asks to be admitted with: its place, the generations it calls and the channel turn it starts. */
export interface AdmissionRequest {
	readonly guildId: string | null;
	readonly channelId: string;
	readonly authorId: string;
	/** The member's cooldown to start; 0 (or a cooldown an earlier try took) starts none. */
	readonly userCooldownSeconds: number;
	/** The channel's cooldown to start; 0 (or a cooldown an earlier try took) starts none. */
	readonly channelCooldownSeconds: number;
	/** Generations to reserve; 0 reserves none (a reservation an earlier try made). */
	readonly generations: number;
	/** Charged to the member's budget too (a member who called a character); the guild's always pays. */
	readonly chargeMember: boolean;
	/** The channel turn the message starts once admitted (the key's value and life); none in DMs. */
	readonly turn?: { readonly key: string; readonly value: string; readonly ttlSeconds: number };
}

/** The answer of {@link MessageAdmission.admit}: admitted, or held back by a cooldown or refused by a budget until `retryAt`. */
export type AdmissionDecision =
	| { readonly admitted: true }
	| { readonly admitted: false; readonly reason: 'user-cooldown' | 'channel-cooldown' }
	| { readonly admitted: false; readonly reason: 'budget'; readonly scope: BudgetScope; readonly retryAt: number };

// In order, as one atomic step on one guild's keys: the member's cooldown, the channel's (each SET NX PX, skipped at 0 ms),
// every budget counter checked before any is counted (all of the message or none of it; a window starts with its first count), then
// the channel turn. ARGV: user ms, channel ms, turn value ('' for none), turn TTL s, generations, window ms, then each
// counter's limit. KEYS: user cooldown, channel cooldown (each only when its ms is not 0), turn (only with a value),
// then the counters. Returns {0} admitted, {1} user cooldown, {2} channel cooldown, {3, counter index, pttl} refused.
const admitScript = new LuaScript(`
local position = 1
local function take() local key = KEYS[position] position = position + 1 return key end
if ARGV[1] ~= '0' and not redis.call('SET', take(), '1', 'PX', ARGV[1], 'NX') then return {1} end
if ARGV[2] ~= '0' and not redis.call('SET', take(), '1', 'PX', ARGV[2], 'NX') then return {2} end
local turn = nil
if ARGV[3] ~= '' then turn = take() end
local count = tonumber(ARGV[5])
local first = position
for i = first, #KEYS do
  local used = tonumber(redis.call('GET', KEYS[i]) or '0')
  if used + count > tonumber(ARGV[7 + i - first]) then return {3, i - first + 1, redis.call('PTTL', KEYS[i])} end
end
for i = first, #KEYS do
  redis.call('INCRBY', KEYS[i], count)
  if redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ARGV[6]) end
end
if turn then redis.call('SET', turn, ARGV[3], 'EX', ARGV[4]) end
return {0}
`);

/**
 * Admits a member's message: it starts the member's and the channel's cooldowns, reserves the message's generations in
 * the member's and the guild's budgets (all or none) and starts the channel turn, stopping at the first that holds it
 * back. The guild's part is one script on the guild's keys (one Redis Cluster slot); the member's budget counter spans
 * guilds (another slot), so it is taken first on its own and given back when the guild's step holds the message back.
 * Members see what one atomic step would show; only a concurrent message of the same member may, for that instant,
 * find the counter fuller by this message's reservation.
 */
export class MessageAdmission {
	public constructor(
		private readonly redis: RedisClient,
		private readonly keys: Keyspace,
		private readonly budget: GenerationBudget,
	) {}

	/** Admits the message, or says what held it back (what it took before that, a cooldown, stays taken). */
	public async admit(request: AdmissionRequest): Promise<AdmissionDecision> {
		const counters =
			request.generations > 0 ? this.budget.countersOf({ guildId: request.guildId, ...(request.chargeMember ? { memberId: request.authorId } : {}) }) : [];
		const member = counters.find((counter) => counter.scope === 'member');
		const guild = counters.filter((counter) => counter !== member);
		if (member === undefined) return this.guildStep(request, guild, true);
		const taken = await this.budget.take(member, request.generations);
		if (!taken.taken) {
			// The cooldowns still come before the budget, as in one step: a member on cooldown hears of the cooldown.
			const cooldowns = await this.guildStep(request, [], false);
			if (!cooldowns.admitted) return cooldowns;
			return { admitted: false, reason: 'budget', scope: 'member', retryAt: this.budget.clock.now() + Math.max(0, taken.ttlMs) };
		}
		let decision: AdmissionDecision;
		try {
			decision = await this.guildStep(request, guild, true);
		} catch (error) {
			// The guild step's error is what the caller handles (an outage: the message is tried again, reserving anew); a
			// refund that fails with it leaves this reservation counted until the member's window ends.
			await this.budget.refund(member, request.generations).catch(() => undefined);
			throw error;
		}
		if (!decision.admitted) await this.budget.refund(member, request.generations);
		return decision;
	}

	// The guild's keys in one script: the cooldowns, the guild's counters and (when `startTurn`) the channel turn.
	private async guildStep(request: AdmissionRequest, counters: readonly BudgetCounter[], startTurn: boolean): Promise<AdmissionDecision> {
		const { guildId, channelId, authorId } = request;
		const turn = startTurn ? request.turn : undefined;
		const keys: string[] = [];
		const userMs = Math.max(0, Math.round(request.userCooldownSeconds * 1000));
		const channelMs = Math.max(0, Math.round(request.channelCooldownSeconds * 1000));
		if (userMs > 0) keys.push(this.keys.cooldown(guildId, 'user', authorId));
		if (channelMs > 0) keys.push(this.keys.cooldown(guildId, 'channel', channelId));
		if (turn !== undefined) keys.push(turn.key);
		keys.push(...counters.map((counter) => counter.key));
		const reply = (await admitScript.run(this.redis, keys, [
			userMs,
			channelMs,
			turn?.value ?? '',
			turn?.ttlSeconds ?? 0,
			request.generations,
			this.budget.windowMs,
			...counters.map((counter) => counter.limit),
		])) as number[];
		const [outcome, counterIndex, ttlMs] = reply;
		if (outcome === 0) return { admitted: true };
		if (outcome === 1) return { admitted: false, reason: 'user-cooldown' };
		if (outcome === 2) return { admitted: false, reason: 'channel-cooldown' };
		const counter = counters[(counterIndex ?? 0) - 1];
		if (outcome !== 3 || counter === undefined) throw new Error(`the admission script answered ${JSON.stringify(reply)}, not an outcome`);
		return { admitted: false, reason: 'budget', scope: counter.scope, retryAt: this.budget.clock.now() + Math.max(0, ttlMs ?? 0) };
	}
}
