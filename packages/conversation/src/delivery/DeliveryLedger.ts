import { randomUUID } from 'node:crypto';
import type { Keyspace } from '@charbot/core';
import type { Redis } from 'ioredis';

const claimPrefix = 'claim:';

// Deletes the claim only if it is still this attempt's: a posted id or another attempt's claim stays.
const releaseScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/** An attempt's hold on one part of a reply while it posts it. */
export interface DeliveryClaim {
	readonly jobId: string;
	readonly part: number;
	readonly token: string;
}

/**
 * Records each posted part of a reply, so a retried delivery job skips the parts already posted and a reply never appears
 * twice. Before posting, an attempt claims the part: one key per part holds either a claim (for a bounded time) or the
 * posted message's id, so two attempts of one job (a lock lost during a Redis outage lets BullMQ start a second) never
 * post the same part at once.
 */
export class DeliveryLedger {
	public constructor(
		private readonly redis: Redis,
		private readonly keys: Keyspace,
		private readonly ttlSeconds = 7 * 86_400,
	) {}

	/** The Discord message id of a part already posted, if any (a claim is not a post). */
	public async posted(jobId: string, part: number): Promise<string | undefined> {
		const value = await this.redis.get(this.keys.delivered(jobId, part));
		return value === null || value.startsWith(claimPrefix) ? undefined : value;
	}

	/** Claims a part for `ttlMs`; undefined when another attempt holds it or it was posted meanwhile. */
	public async claim(jobId: string, part: number, ttlMs: number): Promise<DeliveryClaim | undefined> {
		const token = randomUUID();
		const set = await this.redis.set(this.keys.delivered(jobId, part), `${claimPrefix}${token}`, 'PX', ttlMs, 'NX');
		return set === 'OK' ? { jobId, part, token } : undefined;
	}

	/** Milliseconds left of another attempt's claim on a part (0 when none). */
	public async claimRemainingMs(jobId: string, part: number): Promise<number> {
		return Math.max(0, await this.redis.pttl(this.keys.delivered(jobId, part)));
	}

	/** Gives a claim up after a failed post, so a retry can post the part. */
	public async release(claim: DeliveryClaim): Promise<void> {
		await this.redis.eval(releaseScript, 1, this.keys.delivered(claim.jobId, claim.part), `${claimPrefix}${claim.token}`);
	}

	/** Records a posted part (replacing its claim). */
	public async record(jobId: string, part: number, messageId: string): Promise<void> {
		await this.redis.set(this.keys.delivered(jobId, part), messageId, 'EX', this.ttlSeconds);
	}
}
