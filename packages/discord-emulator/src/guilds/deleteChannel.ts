import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../errors/DiscordErrorCodes.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { ChannelRecord } from '../state/records.js';

/** Deletes a guild channel with its webhooks, as Discord does, and announces it (CHANNEL_DELETE). */
export function deleteChannel(store: EmulatorStore, channelId: string): ChannelRecord {
	const channel = store.channels.get(channelId);
	if (channel === undefined || channel.guildId === null) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownChannel);
	store.channels.delete(channelId);
	const guild = store.guilds.get(channel.guildId);
	const position = guild?.channelIds.indexOf(channelId) ?? -1;
	if (position >= 0) guild?.channelIds.splice(position, 1);
	for (const [id, webhook] of store.webhooks) if (webhook.channelId === channelId) store.webhooks.delete(id);
	store.emit({ type: 'channelDelete', channel });
	return channel;
}
