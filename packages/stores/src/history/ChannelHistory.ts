import { type Keyspace, LuaScript, type RedisClient } from '@charbot/core';
import type { ChainableCommander } from 'ioredis';
import type { HistoryEntry } from './historyEntrySchema.js';
import { readHistoryEntry } from './readHistoryEntry.js';

export type { HistoryEntry } from './historyEntrySchema.js';

// Swaps one exact entry for another wherever it now is (newer messages may have been pushed in front of it meanwhile).
const replaceEntryScript = "local index = redis.call('LPOS', KEYS[1], ARGV[1]) if index then redis.call('LSET', KEYS[1], index, ARGV[2]) return 1 end return 0";

// Claims the message's once-key and records it in the same step: a replayed event finds the key and records nothing,
// and no error can come between the claim and the append. KEYS: history, once-key; ARGV: entry, last index, TTL, once TTL.
const appendOnceScript = new LuaScript(`
if not redis.call('SET', KEYS[2], '1', 'EX', ARGV[4], 'NX') then return 0 end
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], 0, ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
`);

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
		private readonly redis: RedisClient,
		private readonly keys: Keyspace,
		options: ChannelHistoryOptions = {},
	) {
		this.maxEntries = options.maxEntries ?? 40;
		this.ttlSeconds = options.ttlSeconds ?? 86_400;
		this.maxChars = options.maxChars ?? 2000;
	}

	/** Records a message (trim and expiry in the same transaction). */
	public async append(guildId: string | null, channelId: string, entry: HistoryEntry): Promise<void> {
		const transaction = this.redis.multi();
		this.appendIn(transaction, guildId, channelId, entry);
		await transaction.exec();
	}

	/** Adds the writes of {@link append} to `transaction` (a MULTI, so the trim and expiry stay with the push). */
	public appendIn(transaction: ChainableCommander, guildId: string | null, channelId: string, entry: HistoryEntry): void {
		const key = this.keys.channelHistory(guildId, channelId);
		transaction
			.lpush(key, JSON.stringify({ ...entry, content: entry.content.slice(0, this.maxChars) }))
			.ltrim(key, 0, this.maxEntries - 1)
			.expire(key, this.ttlSeconds);
	}

	/**
	 * Records a message unless `once.key` is already set, claiming that key (for `once.ttlSeconds`) in the same script, so
	 * an event that arrives twice enters the history once. True when this call recorded it. The key should be one of the
	 * same guild's, so both share a Redis Cluster slot once the guild stem carries a hash tag.
	 */
	public async appendOnce(guildId: string | null, channelId: string, entry: HistoryEntry, once: { key: string; ttlSeconds: number }): Promise<boolean> {
		const key = this.keys.channelHistory(guildId, channelId);
		const line = JSON.stringify({ ...entry, content: entry.content.slice(0, this.maxChars) });
		const recorded = await appendOnceScript.run(this.redis, [key, once.key], [line, this.maxEntries - 1, this.ttlSeconds, once.ttlSeconds]);
		return recorded === 1;
	}

	/**
	 * Replaces the text of the message `messageId` where it stands in the history (a regenerated reply is edited in place,
	 * so it keeps its place and every other field). False when the history no longer holds it.
	 */
	public async replace(guildId: string | null, channelId: string, messageId: string, content: string): Promise<boolean> {
		const key = this.keys.channelHistory(guildId, channelId);
		// A message pushed between the read and the swap does not move the entry out of reach; one more read covers a trim.
		for (let attempt = 0; attempt < 3; attempt += 1) {
			const raw = await this.redis.lrange(key, 0, this.maxEntries - 1);
			const line = raw.find((candidate) => readHistoryEntry(candidate)?.messageId === messageId);
			const entry = line === undefined ? undefined : readHistoryEntry(line);
			if (line === undefined || entry === undefined) return false;
			const replaced = JSON.stringify({ ...entry, content: content.slice(0, this.maxChars) });
			if ((await this.redis.eval(replaceEntryScript, 1, key, line, replaced)) === 1) return true;
		}
		return false;
	}

	/** Messages before `beforeMessageId` (or the newest), oldest first, at most `limit`. */
	public async recent(guildId: string | null, channelId: string, options: { limit?: number; beforeMessageId?: string } = {}): Promise<HistoryEntry[]> {
		const entries = await this.newestFirst(guildId, channelId);
		const start = options.beforeMessageId === undefined ? 0 : entries.findIndex((entry) => entry.messageId === options.beforeMessageId) + 1;
		return entries.slice(start, start + (options.limit ?? this.maxEntries)).reverse();
	}

	/**
	 * The conversation a reply to `messageId` continues: the messages before it (oldest first, at most `limit`), the
	 * answers characters have already given to it, in order (characters addressed together answer in turn), and the
	 * message it replies to (`replyToMessageId`) while the history still holds it.
	 */
	public async conversationAt(
		guildId: string | null,
		channelId: string,
		messageId: string,
		limit = this.maxEntries,
		replyToMessageId?: string,
	): Promise<{ before: HistoryEntry[]; answers: HistoryEntry[]; repliedTo: HistoryEntry | undefined }> {
		const entries = await this.newestFirst(guildId, channelId);
		const index = entries.findIndex((entry) => entry.messageId === messageId);
		const answers = entries.slice(0, Math.max(0, index)).filter((entry) => entry.answers === messageId);
		const repliedTo = replyToMessageId === undefined ? undefined : entries.find((entry) => entry.messageId === replyToMessageId);
		return { before: entries.slice(index + 1, index + 1 + limit).reverse(), answers: answers.reverse(), repliedTo };
	}

	private async newestFirst(guildId: string | null, channelId: string): Promise<HistoryEntry[]> {
		const raw = await this.redis.lrange(this.keys.channelHistory(guildId, channelId), 0, this.maxEntries - 1);
		return raw.flatMap((line) => {
			const entry = readHistoryEntry(line);
			return entry === undefined ? [] : [entry];
		});
	}
}
