import type { Keyspace, RedisClient } from '@charbot/core';

/**
 * Deletes the cached webhook (its id and its sealed token) of each channel given and of each channel the guild's index
 * lists, and with `wholeGuild` the index too. The gateway may delete the token key but never read it (ops/redis/users.acl).
 * Returns how many channels were forgotten.
 */
export async function forgetChannelWebhooks(
	redis: RedisClient,
	keyspace: Keyspace,
	guildId: string,
	channelIds: Iterable<string>,
	options: { readonly wholeGuild: boolean },
): Promise<number> {
	const index = keyspace.guildWebhookChannels(guildId);
	const channels = new Set(channelIds);
	if (options.wholeGuild) for (const channelId of await redis.smembers(index)) channels.add(channelId);
	const pipeline = redis.pipeline();
	for (const channelId of channels) {
		pipeline.del(keyspace.channelWebhook(guildId, channelId), keyspace.channelWebhookToken(guildId, channelId));
		if (!options.wholeGuild) pipeline.srem(index, channelId);
	}
	if (options.wholeGuild) pipeline.del(index);
	const failed = (await pipeline.exec())?.find(([error]) => error !== null)?.[0];
	if (failed) throw failed;
	return channels.size;
}
