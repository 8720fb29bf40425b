import type { Keyspace } from '@charbot/core';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/** One remembered channel message. */
export const historyEntrySchema = z.object({
	messageId: z.string(),
	authorId: z.string(),
	authorName: z.string(),
	/** Set when a character said it. */
	characterId: z.string().optional(),
	content: z.string(),
	at: z.number(),
});
export type HistoryEntry = z.output<typeof historyEntrySchema>;

/** Options of {@link ChannelHistory}. */
export interface ChannelHistoryOptions {
	/** Messages kept per channel. */
	readonly maxEntries?: number;
	/** Seconds a quiet channel's history is kept. */
	readonly ttlSeconds?: number;
	/** Longest message text kept. */
	readonly maxChars?: number;
}

/** Recent messages per channel in Redis: a capped list with a TTL, newest first. */
export class ChannelHistory {
	private readonly maxEntries: number;
	private readonly ttlSeconds: number;
	private readonly maxChars: number;

	public constructor(
		private readonly redis: Redis,
		private readonly keys: Keyspace,
		options: ChannelHistoryOptions = {},
	) {
		this.maxEntries = options.maxEntries ?? 40;
		this.ttlSeconds = options.ttlSeconds ?? 86_400;
		this.maxChars = options.maxChars ?? 2000;
	}

	/** Records a message (trim and expiry in the same transaction). */
	public async append(guildId: string | null, channelId: string, entry: HistoryEntry): Promise<void> {
		const key = this.keys.channelHistory(guildId, channelId);
		await this.redis
			.multi()
			.lpush(key, JSON.stringify({ ...entry, content: entry.content.slice(0, this.maxChars) }))
			.ltrim(key, 0, this.maxEntries - 1)
			.expire(key, this.ttlSeconds)
			.exec();
	}

	/** Messages before `beforeMessageId` (or the newest), oldest first, at most `limit`. */
	public async recent(guildId: string | null, channelId: string, options: { limit?: number; beforeMessageId?: string } = {}): Promise<HistoryEntry[]> {
		const raw = await this.redis.lrange(this.keys.channelHistory(guildId, channelId), 0, this.maxEntries - 1);
		const entries = raw.flatMap((line) => {
			const parsed = historyEntrySchema.safeParse(JSON.parse(line));
			return parsed.success ? [parsed.data] : [];
		});
		const start = options.beforeMessageId === undefined ? 0 : entries.findIndex((entry) => entry.messageId === options.beforeMessageId) + 1;
		return entries.slice(start, start + (options.limit ?? this.maxEntries)).reverse();
	}
}
