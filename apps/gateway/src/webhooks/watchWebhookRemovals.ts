import type { Keyspace, Logger, RedisClient } from '@charbot/core';
import { type Client, Events } from 'discord.js';
import { forgetChannelWebhooks } from './forgetChannelWebhooks.js';

/** What {@link watchWebhookRemovals} needs. */
export interface WebhookRemovalContext {
	readonly redis: RedisClient;
	readonly keyspace: Keyspace;
	readonly logger: Logger;
}

/**
 * Forgets the cached channel webhooks (id and sealed token) when a channel is deleted (CHANNEL_DELETE) or the bot leaves
 * or is removed from a guild (GUILD_DELETE without `unavailable`: discord.js emits `guildDelete` only then). A failure is
 * logged; the keys then expire on their own.
 */
export function watchWebhookRemovals(client: Client, context: WebhookRemovalContext): void {
	const forget = (guildId: string, channelIds: Iterable<string>, wholeGuild: boolean) => {
		forgetChannelWebhooks(context.redis, context.keyspace, guildId, channelIds, { wholeGuild }).then(
			(count) =>
				context.logger.info(
					{ guildId, channels: count, wholeGuild },
					wholeGuild ? 'left a guild: forgot its channel webhooks' : 'a channel was deleted: forgot its webhook',
				),
			(error: unknown) => context.logger.warn({ err: error, guildId }, 'could not forget cached channel webhooks; they expire on their own'),
		);
	};
	client.on(Events.ChannelDelete, (channel) => {
		if (!channel.isDMBased()) forget(channel.guildId, [channel.id], false);
	});
	// The guild's channels are still in its cache here; the index adds any it no longer holds.
	client.on(Events.GuildDelete, (guild) => forget(guild.id, guild.channels.cache.keys(), true));
}
