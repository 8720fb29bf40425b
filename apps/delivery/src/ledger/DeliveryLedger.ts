import { randomUUID } from 'node:crypto';
import { type Keyspace, LuaScript, type RedisClient } from '@charbot/core';
import type { ChainableCommander } from 'ioredis';

const claimPrefix = 'claim:';
/** How long a posted message stays tied to its part, so a later lookup cannot take it for another part's. */
const postedMessageTtlSeconds = 86_400;

// A claim is `claim:<token>:<claimedAtMs>:<expiresAtMs>` and outlives its expiry (the key keeps the ledger's TTL): an
// expired claim tells the next attempt that an earlier one may have posted the part before it died. Redis's clock decides
// expiry, so replicas with skewed clocks agree. An old-style claim (`claim:<token>`, expiring with the key) is still waited for.
// Answers {1, earlier claim's start or ''} when claimed, {2, message id} when posted, {0, ms left} when another holds it.
const claimScript = new LuaScript(`
local value = redis.call('GET', KEYS[1])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local earlier = ''
if value then
	if string.sub(value, 1, 6) ~= 'claim:' then return {2, value} end
	local claimedAt, expiresAt = string.match(value, '^claim:[^:]+:(%d+):(%d+)$')
	if not expiresAt then return {0, redis.call('PTTL', KEYS[1])} end
	if tonumber(expiresAt) > now then return {0, tonumber(expiresAt) - now} end
	earlier = claimedAt
end
redis.call('SET', KEYS[1], 'claim:' .. ARGV[1] .. ':' .. now .. ':' .. (now + tonumber(ARGV[2])), 'EX', ARGV[3])
return {1, earlier}
`);

// Ends a claim only if it is still this attempt's, keeping it as an expired claim: the post failed, but it may still have
// reached Discord (a timeout after Discord took it), so the next attempt looks before posting.
const releaseScript = `
local value = redis.call('GET', KEYS[1])
if not value or string.sub(value, 1, string.len(ARGV[1])) ~= ARGV[1] then return 0 end
local claimedAt = string.match(value, '^claim:[^:]+:(%d+):%d+$') or '0'
redis.call('SET', KEYS[1], ARGV[1] .. claimedAt .. ':0', 'KEEPTTL')
return 1
`;

// Ties a message found in the channel to a part, unless another part already took it, and only while this attempt still
// holds the part's claim. The part stays claimed: the attempt records it next, with its bookkeeping, as after a post.
const adoptScript = `
local owner = redis.call('GET', KEYS[2])
if owner and owner ~= ARGV[2] then return 0 end
local value = redis.call('GET', KEYS[1])
if not value or string.sub(value, 1, string.len(ARGV[1])) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
return 1
`;

/** An attempt's hold on one part of a reply while it posts it. */
export interface DeliveryClaim {
	/** The guild the reply goes to (null in DMs): its keys hold the ledger's, so they are written with its history. */
	readonly guildId: string | null;
	readonly jobId: string;
	readonly part: number;
	readonly token: string;
	/**
	 * Set when an earlier attempt claimed this part and never recorded a post (it died, or its post failed): when that
	 * claim began (Redis's clock, ms). The part may be in the channel already; look before posting it again.
	 */
	readonly earlierAttemptAt?: number;
}

/** What {@link DeliveryLedger.claimUnlessPosted} found: the part claimed for this attempt, posted already, or held by another. */
export type ClaimOutcome =
	| { readonly kind: 'claimed'; readonly claim: DeliveryClaim }
	| { readonly kind: 'posted'; readonly messageId: string }
	| { readonly kind: 'held'; readonly remainingMs: number };

/** Writes that go into the transaction recording a part, so they happen exactly when the part is recorded. */
export type RecordedWith = (transaction: ChainableCommander) => void;

/**
 * Records each posted part of a reply, so a retried delivery job skips the parts already posted and a reply never appears
 * twice. Before posting, an attempt claims the part: one key per part holds either a claim (valid for a bounded time) or
 * the posted message's id, so two attempts of one job (a lock lost during a Redis outage lets BullMQ start a second) never
 * post the same part at once; and an attempt that claims after an earlier claim ran out learns of it, since a process
 * killed between posting and recording leaves the part in the channel unrecorded.
 */
export class DeliveryLedger {
	public constructor(
		private readonly redis: RedisClient,
		private readonly keys: Keyspace,
		private readonly ttlSeconds = 7 * 86_400,
	) {}

	/** The Discord message id of a part already posted, if any (a claim is not a post). */
	public async posted(guildId: string | null, jobId: string, part: number): Promise<string | undefined> {
		const value = await this.redis.get(this.keys.delivered(guildId, jobId, part));
		return value === null || value.startsWith(claimPrefix) ? undefined : value;
	}

	/** Claims a part for `ttlMs`; undefined when another attempt holds it or it was posted meanwhile. */
	public async claim(guildId: string | null, jobId: string, part: number, ttlMs: number): Promise<DeliveryClaim | undefined> {
		const outcome = await this.claimUnlessPosted(guildId, jobId, part, ttlMs);
		return outcome.kind === 'claimed' ? outcome.claim : undefined;
	}

	/** Claims a part for `ttlMs`, or says in the same round trip that it was posted (its message id) or how long another attempt holds it. */
	public async claimUnlessPosted(guildId: string | null, jobId: string, part: number, ttlMs: number): Promise<ClaimOutcome> {
		const token = randomUUID();
		const [kind, detail] = (await claimScript.run(this.redis, [this.keys.delivered(guildId, jobId, part)], [token, ttlMs, this.ttlSeconds])) as [
			number,
			string | number,
		];
		if (kind === 2) return { kind: 'posted', messageId: String(detail) };
		if (kind !== 1) return { kind: 'held', remainingMs: Math.max(0, Number(detail)) };
		const claim = detail === '' ? { guildId, jobId, part, token } : { guildId, jobId, part, token, earlierAttemptAt: Number(detail) };
		return { kind: 'claimed', claim };
	}

	/** Milliseconds left of another attempt's claim on a part (0 when none). */
	public async claimRemainingMs(guildId: string | null, jobId: string, part: number): Promise<number> {
		const key = this.keys.delivered(guildId, jobId, part);
		const value = await this.redis.get(key);
		if (value === null || !value.startsWith(claimPrefix)) return 0;
		const expiresAt = /^claim:[^:]+:\d+:(\d+)$/.exec(value)?.[1];
		if (expiresAt === undefined) return Math.max(0, await this.redis.pttl(key));
		const [seconds, micros] = await this.redis.time();
		return Math.max(0, Number(expiresAt) - (Number(seconds) * 1000 + Math.floor(Number(micros) / 1000)));
	}

	/** Gives a claim up after a failed post, so a retry can claim the part at once (and looks for it first). */
	public async release(claim: DeliveryClaim): Promise<void> {
		await this.redis.eval(releaseScript, 1, this.keys.delivered(claim.guildId, claim.jobId, claim.part), `${claimPrefix}${claim.token}:`);
	}

	/**
	 * Records a posted part (replacing its claim), in one transaction with `alsoWrite`'s writes: what the post means
	 * elsewhere (who owns the message, the channel history) is written exactly when the part counts as posted, so a
	 * retry that finds the part recorded has nothing left to write.
	 */
	public async record(guildId: string | null, jobId: string, part: number, messageId: string, alsoWrite?: RecordedWith): Promise<void> {
		const transaction = this.redis
			.multi()
			.set(this.keys.delivered(guildId, jobId, part), messageId, 'EX', this.ttlSeconds)
			.set(this.keys.deliveredMessage(guildId, messageId), partName(jobId, part), 'EX', postedMessageTtlSeconds);
		alsoWrite?.(transaction);
		const replies = await transaction.exec();
		if (replies === null) throw new Error(`the transaction recording part ${part} of ${jobId} was discarded`);
		const failed = replies.find(([error]) => error !== null)?.[0];
		if (failed) throw failed;
	}

	/**
	 * Ties a message an earlier attempt posted for the claimed part (found in the channel) to the part, unless another
	 * part has taken it: two replies with the same text are two messages. False when it was not taken. The part stays
	 * claimed until the attempt {@link record}s it, so an attempt that dies in between leaves it to be found again.
	 */
	public async adopt(claim: DeliveryClaim, messageId: string): Promise<boolean> {
		const adopted = await this.redis.eval(
			adoptScript,
			2,
			this.keys.delivered(claim.guildId, claim.jobId, claim.part),
			this.keys.deliveredMessage(claim.guildId, messageId),
			`${claimPrefix}${claim.token}:`,
			partName(claim.jobId, claim.part),
			postedMessageTtlSeconds,
		);
		return adopted === 1;
	}
}

function partName(jobId: string, part: number): string {
	return `${jobId}#${part}`;
}
