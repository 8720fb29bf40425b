/** A part of a key: ids are digits, names are checked so a key can never be forged by input. */
type KeyPart = string | number;

const safePart = /^[A-Za-z0-9_.@-]{1,100}$/;

/**
 * Builds every Redis key charbot writes, namespaced as `<prefix>:<scope>:...`. Keys that a script or transaction touches
 * together share a Redis Cluster hash tag (the part in braces decides the slot): a queue's keys carry `{<queue>}`, a
 * guild's `{<guild>}`, so each queue and each guild lives in one slot and guilds spread over the cluster.
 */
export class Keyspace {
	public constructor(public readonly prefix: string) {
		if (!safePart.test(prefix)) throw new Error(`Keyspace prefix ${JSON.stringify(prefix)} must be 1-100 of A-Z a-z 0-9 _ . @ -`);
	}

	/**
	 * The BullMQ `prefix` option of the queue `queueName`: `<prefix>:q:{<queue>}`, so its keys (`charbot:q:{route}:route:wait`)
	 * share one Redis Cluster slot, as BullMQ's scripts need, and stay under the ACL patterns `<prefix>:*` and `<prefix>:q:*`.
	 */
	public queuePrefix(queueName: string): string {
		return `${this.prefix}:q:{${checkPart(queueName)}}`;
	}

	/** A key of the whole deployment, e.g. `charbot:llm:cache:...`. */
	public global(...parts: KeyPart[]): string {
		return [this.prefix, ...parts.map(checkPart)].join(':');
	}

	/**
	 * A key of one guild (or `dm` for direct messages): `<prefix>:g:{<guild>}:...`, every key of a guild in the slot of its
	 * hash tag. All direct-message state shares the one slot of `{dm}`.
	 */
	public guild(guildId: string | null, ...parts: KeyPart[]): string {
		return [this.prefix, 'g', guildTag(guildId), ...parts.map(checkPart)].join(':');
	}

	/** Recent messages of a channel (a capped list). */
	public channelHistory(guildId: string | null, channelId: string): string {
		return this.guild(guildId, 'history', channelId);
	}

	/** Which character posted a message, so a reply to it reaches that character. */
	public messageOwner(guildId: string | null, messageId: string): string {
		return this.guild(guildId, 'owner', messageId);
	}

	/** A cooldown of a member or channel. */
	public cooldown(guildId: string | null, scope: 'user' | 'channel', id: string): string {
		return this.guild(guildId, 'cooldown', scope, id);
	}

	/** A guild's settings (`channelId` undefined) or one channel's overrides. */
	public settings(guildId: string | null, channelId?: string): string {
		return channelId === undefined ? this.guild(guildId, 'settings') : this.guild(guildId, 'settings', channelId);
	}

	/** The id of the webhook the bot posts characters' replies through in a channel (its token is {@link channelWebhookToken}). */
	public channelWebhook(guildId: string | null, channelId: string): string {
		return this.guild(guildId, 'webhook', channelId);
	}

	/** Marks a part of a reply as posted, so a retried delivery never posts it twice: a guild's key, recorded with its history. */
	public delivered(guildId: string | null, jobId: string, part: number): string {
		return this.guild(guildId, 'delivered', jobId, part);
	}

	/** Which part of which reply a posted message is, so the same text found again is not taken for another part. */
	public deliveredMessage(guildId: string | null, messageId: string): string {
		return this.guild(guildId, 'delivered', 'message', messageId);
	}

	/** Marks a message as already recorded, so a replayed event doesn't enter the history twice. */
	public seenMessage(guildId: string | null, messageId: string): string {
		return this.guild(guildId, 'seen', messageId);
	}

	/** The latest member message the characters of a channel answer; banter from an earlier one stops. */
	public channelTurn(guildId: string | null, channelId: string): string {
		return this.guild(guildId, 'turn', channelId);
	}

	/** Limits the "characters are busy" note to one per channel per interval. */
	public backlogNote(guildId: string | null, channelId: string): string {
		return this.guild(guildId, 'backlog-note', channelId);
	}

	/** Limits a notice in the platform's name (the characters are resting, pictures go unseen) to one per channel or interaction per interval. */
	public channelNotice(guildId: string | null, notice: string, targetId: string): string {
		return this.guild(guildId, 'notice', notice, targetId);
	}

	/** The pub/sub channel every settings write announces its guild (and channel) on, so processes drop what they cached. */
	public settingsChanges(): string {
		return this.global('settings-changes');
	}

	/** The capped list of settings changes of a guild, newest first. */
	public settingsAudit(guildId: string | null): string {
		return this.guild(guildId, 'settings-audit');
	}

	/** The facts a member asked the characters to remember in one guild (a hash). */
	public memberMemory(guildId: string | null, userId: string): string {
		return this.guild(guildId, 'memory', userId);
	}

	/** The name and description a member gave themselves with `/persona set` in one guild. */
	public memberPersona(guildId: string | null, userId: string): string {
		return this.guild(guildId, 'persona', userId);
	}

	/** One hour's counters of a guild (a hash); `hour` is whole hours since the epoch. */
	public statsBucket(guildId: string | null, hour: number): string {
		return this.guild(guildId, 'stats', hour);
	}

	/** One hour's delivery latency samples of a character (a capped list). */
	public statsLatency(guildId: string | null, hour: number, characterId: string): string {
		return this.guild(guildId, 'stats', hour, 'latency', characterId);
	}

	/** What is needed to regenerate a posted character reply, by the Discord id of its last part. */
	public regenerableReply(guildId: string | null, messageId: string): string {
		return this.guild(guildId, 'regen', messageId);
	}

	/** Held while a reply is being regenerated, so a second click does not start another. */
	public regenerating(guildId: string | null, messageId: string): string {
		return this.guild(guildId, 'regen-pending', messageId);
	}

	/** How many regenerations a member asked for in the current window (a counter with the window's TTL). */
	public regenerateQuota(guildId: string | null, userId: string): string {
		return this.guild(guildId, 'regen-quota', userId);
	}

	/** Generations a member caused in the current budget window, across every guild and DM (a counter with the window's TTL). */
	public memberBudget(userId: string): string {
		return this.global('budget', 'member', userId);
	}

	/** Generations a guild's members caused in the current budget window (a counter with the window's TTL). */
	public guildBudget(guildId: string): string {
		return this.guild(guildId, 'budget');
	}

	/** Marks an extra generation (a regeneration) as charged to the budgets, so a retried job is charged once. */
	public budgetCharged(jobId: string): string {
		return this.global('budget-charged', jobId);
	}

	/** Limits the "over budget" note to one per member (or per guild channel) per window. */
	public budgetNotice(guildId: string | null, scope: 'member' | 'guild', id: string): string {
		return this.guild(guildId, 'budget-note', scope, id);
	}

	/** Limits the "characters only talk in servers" reply to one per member per day while DMs are off. */
	public dmsOffNotice(userId: string): string {
		return this.guild(null, 'dms-off-note', userId);
	}

	/** The character a member last talked to in direct messages. */
	public dmCharacter(userId: string): string {
		return this.guild(null, 'dm-character', userId);
	}

	/**
	 * The sealed token of a channel's webhook, quality control's alone: under `{prefix}-secret:`, outside every `{prefix}:`
	 * key, so a Redis ACL can give the other apps `{prefix}:*` without it (ops/redis/users.acl).
	 */
	public channelWebhookToken(guildId: string | null, channelId: string): string {
		return [`${this.prefix}-secret`, 'g', guildTag(guildId), 'webhook-token', checkPart(channelId)].join(':');
	}

	/**
	 * A cached LLM response, by its cache key (`llm_response:{prompt_hash}:{character}:{settings_hash}`, from the llm
	 * package) and the cache shard it falls in: `{prefix}:{llm:shard}:llm_response:...`, the shard's hash tag keeping it in
	 * one Redis Cluster slot with the shard's index and the request's coalescing lock.
	 */
	public llmResponse(cacheKey: string, shard: number): string {
		return [this.prefix, llmShardTag(shard), ...cacheKey.split(':').map(checkPart)].join(':');
	}

	/** What {@link llmResponse} keys match, in every shard, for a sweep of every cached response. */
	public llmResponsePattern(): string {
		return `${this.prefix}:{llm:*}:llm_response:*`;
	}

	/** One cache shard's responses by last use (a sorted set), to evict the least recently used past the shard's bound. */
	public llmCacheLru(shard: number): string {
		return [this.prefix, llmShardTag(shard), 'llm_cache_lru'].join(':');
	}

	/** The model of each of one cache shard's responses (a hash by response key), to clear one model's responses. */
	public llmCacheModels(shard: number): string {
		return [this.prefix, llmShardTag(shard), 'llm_cache_models'].join(':');
	}

	/** Held by the process generating a response for a coalescing key, so identical requests elsewhere wait for it; in the shard of its cache entry. */
	public llmInflight(coalescingKey: string, shard: number): string {
		return [this.prefix, llmShardTag(shard), 'llm_inflight', ...coalescingKey.split(':').map(checkPart)].join(':');
	}

	/** The response the holder of {@link llmInflight} hands over to the requests that waited for it. */
	public llmInflightResult(coalescingKey: string, shard: number): string {
		return [this.prefix, llmShardTag(shard), 'llm_inflight_result', ...coalescingKey.split(':').map(checkPart)].join(':');
	}

	/** The channels of a guild that have a cached webhook (a set), so leaving the guild finds them all. */
	public guildWebhookChannels(guildId: string | null): string {
		return this.guild(guildId, 'webhook-channels');
	}
}

// The guild's hash tag: its keys (and its webhook tokens, deleted with them) share one Redis Cluster slot.
function guildTag(guildId: string | null): string {
	return `{${checkPart(guildId ?? 'dm')}}`;
}

function checkPart(part: KeyPart): string {
	const text = String(part);
	if (!safePart.test(text)) throw new Error(`Redis key part ${JSON.stringify(text.slice(0, 40))} must be 1-100 of A-Z a-z 0-9 _ . @ -`);
	return text;
}

/** The Redis Cluster hash tag of an LLM cache shard: every key of the shard hashes to one slot. */
function llmShardTag(shard: number): string {
	if (!Number.isInteger(shard) || shard < 0 || shard > 999) throw new Error(`LLM cache shard ${shard} must be a whole number from 0 to 999`);
	return `{llm:${shard}}`;
}
