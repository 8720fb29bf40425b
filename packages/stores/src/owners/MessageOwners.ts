import type { Keyspace, RedisClient } from '@charbot/core';
import type { ChainableCommander } from 'ioredis';
import { z } from 'zod';

const ownerSchema = z.object({
	characterId: z.string(),
	cascadeDepth: z.number().int().min(0),
	/** Another character addressed in the same member message answers next: this post starts no banter of its own. */
	turnContinues: z.boolean().optional(),
	/** A later part of the same reply follows (a reply longer than one Discord message): only the last part starts banter. */
	replyContinues: z.boolean().optional(),
	/** On the last part of a reply posted in several: the earlier parts' message ids, first to last. */
	earlierParts: z
		.array(z.string().regex(/^\d{17,20}$/, 'a Discord message id'))
		.max(50)
		.optional(),
	/** The member message whose conversation the post belongs to. */
	turnOf: z.string().optional(),
});

/**
 * Who posted a message: the character, how deep in a character-to-character exchange it was, which member message's
 * conversation it belongs to, and where it sits in a reply posted in several parts.
 */
export type MessageOwner = z.output<typeof ownerSchema>;

/** Remembers which character posted which Discord message, so replies to it reach that character. */
export class MessageOwners {
	public constructor(
		private readonly redis: RedisClient,
		private readonly keys: Keyspace,
		private readonly ttlSeconds = 7 * 86_400,
	) {}

	public async remember(guildId: string | null, messageId: string, owner: MessageOwner): Promise<void> {
		await this.redis.set(this.keys.messageOwner(guildId, messageId), JSON.stringify(owner), 'EX', this.ttlSeconds);
	}

	/** Adds the write of {@link remember} to `transaction`, for a caller that writes it together with others. */
	public rememberIn(transaction: ChainableCommander, guildId: string | null, messageId: string, owner: MessageOwner): void {
		transaction.set(this.keys.messageOwner(guildId, messageId), JSON.stringify(owner), 'EX', this.ttlSeconds);
	}

	public async owner(guildId: string | null, messageId: string): Promise<MessageOwner | undefined> {
		const raw = await this.redis.get(this.keys.messageOwner(guildId, messageId));
		if (raw === null) return undefined;
		const parsed = ownerSchema.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : undefined;
	}
}
