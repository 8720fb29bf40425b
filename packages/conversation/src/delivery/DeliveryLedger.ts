import type { Keyspace } from '@charbot/core';
import type { Redis } from 'ioredis';

/**
 * Records each posted part of a reply, so a retried delivery job skips the parts already posted and a
 * reply never appears twice.
 */
export class DeliveryLedger {
	public constructor(
		private readonly redis: Redis,
		private readonly keys: Keyspace,
		private readonly ttlSeconds = 7 * 86_400,
	) {}

	/** The Discord message id of a part already posted, if any. */
	public async posted(jobId: string, part: number): Promise<string | undefined> {
		return (await this.redis.get(this.keys.delivered(jobId, part))) ?? undefined;
	}

	public async record(jobId: string, part: number, messageId: string): Promise<void> {
		await this.redis.set(this.keys.delivered(jobId, part), messageId, 'EX', this.ttlSeconds);
	}
}
